/**
 * Live events of one post over server-sent events (GET /api/events). The browser's EventSource sends the HttpOnly
 * session cookie itself and reconnects on its own after a network break; every (re)connection starts with a
 * `ready` event, on which the page refetches what it shows, because nothing missed while disconnected is replayed.
 * Events carry ids and statuses only; pages refetch through the audited API for anything more.
 *
 * The stream ends for good when the server says `end` (session signed out or expired, post or role withdrawn) or
 * refuses to open it; a call to /api/auth/me then lets the session provider notice a lost session.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.js';
import { EVENT_TYPES, eventsUrl, type EventType } from '../../api/supervisor.js';

/** `connecting` until the first `ready`; `live` while connected; `reconnecting` after a break; `ended` for good. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'ended';

export type PostEvent = { readonly type: 'ready' } | { readonly type: EventType; readonly data: Readonly<Record<string, unknown>> };

export function usePostEvents(post: string | undefined, onEvent: (event: PostEvent) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  // The latest handler, so that a new render's callback does not reopen the stream.
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    if (!post || typeof EventSource === 'undefined') return;
    setState('connecting');
    const source = new EventSource(eventsUrl(post));
    const end = () => {
      source.close();
      setState('ended');
      // A 401 here tells the session provider that the session is gone; other answers change nothing.
      api('GET', '/api/auth/me').catch(() => undefined);
    };
    source.addEventListener('ready', () => {
      setState('live');
      handler.current({ type: 'ready' });
    });
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        let data: Record<string, unknown> = {};
        try {
          data = JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>;
        } catch {
          // A malformed frame still means something changed: refetch.
        }
        handler.current({ type, data });
      });
    }
    source.addEventListener('end', end);
    source.onerror = () => {
      // CLOSED: the server refused the stream (401, 403, 429); EventSource does not retry those.
      if (source.readyState === EventSource.CLOSED) end();
      else setState('reconnecting');
    };
    return () => source.close();
  }, [post]);

  return state;
}
