/**
 * Which post the supervisor is watching: one of the posts they are granted, remembered in localStorage so the
 * dashboard and the queue page open on the same post.
 */
import { useCallback, useState } from 'react';
import { api } from '../../api/client.js';
import type { Post } from '../../api/types.js';
import { useLoad, type Load } from '../../components/use-load.js';

const STORAGE_KEY = 'sarhad.supervisor.post';

function remembered(): string | undefined {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The granted posts, the chosen one (the remembered one if still granted, else the first) and a setter. */
export function usePostChoice(): { posts: Load<Post[]>; post: Post | undefined; choose(code: string): void } {
  const [posts] = useLoad(() => api<{ posts: Post[] }>('GET', '/api/posts').then((r) => r.posts), []);
  const [code, setCode] = useState<string | undefined>(remembered);
  const choose = useCallback((next: string) => {
    setCode(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits; still chosen now.
    }
  }, []);
  const list = posts.status === 'done' ? posts.data : [];
  const post = list.find((p) => p.code === code) ?? list[0];
  return { posts, post, choose };
}

/** `HH:MM` of an instant at the post (its time zone), as the dashboard counts hours. */
export function timeAtPost(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** Date and time of an instant at the post, in the reader's language (browser time when the zone is unknown). */
export function dateTimeAtPost(iso: string, timeZone: string | undefined, locale: string): string {
  return new Intl.DateTimeFormat(locale, { ...(timeZone ? { timeZone } : {}), dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
}

/** `YYYY-MM-DD` of an instant at the post. */
export function dateAtPost(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Seconds as `m:ss` (or `h:mm:ss` past an hour). */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
