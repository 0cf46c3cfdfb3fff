/**
 * `GET /api/events?post=<code>`: live domain events of one post as server-sent events (WHATWG HTML, "Server-sent
 * events"), for the supervisor dashboard and queues. Browsers' EventSource cannot set headers, so the stream is
 * authenticated by the HttpOnly session cookie (a Bearer token works too, for other clients).
 *
 * Wire format: a `ready` event first (`{post, types}`: the client refetches what it shows, since nothing is
 * replayed), then one event per domain event the user may receive (`event: crossing.submitted`, `data:` ids,
 * codes and statuses only: services/events.ts), and a comment line every SARHAD_EVENT_HEARTBEAT_SECONDS so proxies
 * and the client see the connection alive. At each heartbeat the session is checked again: once it has expired,
 * been signed out, or lost the post or the role, the stream sends `event: end` and closes (EventSource then
 * reconnects and gets 401). A client too slow to read is cut off rather than buffered without bound. Each user may
 * hold SARHAD_EVENT_STREAMS_PER_USER streams open; one more is refused with EVENT_STREAMS_EXCEEDED.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ServerError, isServerError } from '../errors.js';
import type { UserPrincipal } from '../domain/principal.js';
import * as authService from '../services/auth-service.js';
import { canAccessPost } from '../services/access.js';
import { eventStreamScope, eventTypesFor, mayReceive, publicEvent, type DomainEvent } from '../services/events.js';
import { PostCode } from '../services/posts-service.js';
import type { ServiceContext } from '../services/context.js';
import { credentialOf, userOf } from './authenticate.js';
import { doc } from './openapi.js';

const EventsQuery = z.object({ post: PostCode });

/** Bytes a stream may have waiting for a slow client before it is closed. */
const MAX_BUFFERED_BYTES = 1024 * 1024; // 1 MiB
/** How long EventSource waits before reconnecting after the stream ends. */
const RETRY_MS = 3000; // 3 s

/** One server-sent event: `event:` line, one `data:` line of JSON, blank line. */
function frame(type: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function eventsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  /** Open streams per user id. */
  const openPerUser = new Map<string, number>();
  /** Ends every open stream (the server is closing). */
  const closers = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...closers]) close();
  });

  app.get(
    '/api/events',
    doc({
      tag: 'Dashboard',
      summary: 'Live events of a post as server-sent events (text/event-stream)',
      description: 'Ids and statuses only, filtered by role; heartbeats re-check the session. At most a configured number of streams per user (EVENT_STREAMS_EXCEEDED).',
      auth: 'user',
      query: EventsQuery,
      responses: { 200: { description: 'A stream of `event:`/`data:` frames (`ready`, domain events, `end`).' } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const credential = credentialOf(request)!;
      const scope = await eventStreamScope(ctx, user, EventsQuery.parse(request.query).post);
      const open = openPerUser.get(user.userId) ?? 0;
      if (open >= ctx.config.events.streamsPerUser) {
        throw new ServerError('EVENT_STREAMS_EXCEEDED', `${user.username} already has ${open} event streams open (at most ${ctx.config.events.streamsPerUser})`);
      }
      openPerUser.set(user.userId, open + 1);

      // From here the response is written by hand: Fastify's serialisation and hooks do not apply to a stream.
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
        // nginx and similar proxies buffer responses unless told not to.
        'x-accel-buffering': 'no',
      });
      let principal: UserPrincipal = user;
      let sequence = 0;
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        raw.write(text);
        if (raw.writableLength > MAX_BUFFERED_BYTES) {
          request.log.warn({ user: user.userId }, 'event stream closed: the client is not reading');
          close();
        }
      };
      const unsubscribe = ctx.events.subscribe((event: DomainEvent) => {
        if (event.postId === scope.postId && mayReceive(principal, event)) write(frame(event.type, publicEvent(event), ++sequence));
      });
      // Heartbeats double as the session check: a stream never outlives the rights it was opened with.
      const heartbeat = setInterval(() => {
        void (async () => {
          try {
            principal = await authService.authenticateSession(ctx, credential);
            if (!canAccessPost(principal, scope.postId) || eventTypesFor(principal).length === 0) {
              write(frame('end', { reason: 'access_changed' }));
              close();
              return;
            }
            write(`: heartbeat ${ctx.clock.now().toISOString()}\n\n`);
          } catch (error) {
            if (isServerError(error, 'AUTH_REQUIRED')) write(frame('end', { reason: 'session_ended' }));
            else request.log.error({ err: error }, 'event stream session check failed');
            close();
          }
        })();
      }, ctx.config.events.heartbeatSeconds * 1000);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        closers.delete(close);
        const left = (openPerUser.get(user.userId) ?? 1) - 1;
        if (left > 0) openPerUser.set(user.userId, left);
        else openPerUser.delete(user.userId);
        raw.end();
      };
      closers.add(close);
      raw.on('close', close);
      raw.write(`retry: ${RETRY_MS}\n\n`);
      write(frame('ready', { post: scope.post, types: scope.types }));
    },
  );
}
