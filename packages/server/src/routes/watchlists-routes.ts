/** Watchlist imports and versions. */
import type { FastifyInstance } from 'fastify';
import * as watchlistsService from '../services/watchlists-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

/** A list upload is JSON with the file as a string: up to 50 Mi characters of UTF-8, escaped. */
const WATCHLIST_BODY_LIMIT_BYTES = 128 * 1024 * 1024; // 128 MiB

export function watchlistsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/api/watchlists/import', { bodyLimit: WATCHLIST_BODY_LIMIT_BYTES }, async (request, reply) => {
    const user = await userOf(ctx, request);
    const result = await watchlistsService.importWatchlist(ctx, user, watchlistsService.WatchlistUpload.parse(request.body));
    return reply.code(result.saved ? 201 : 200).send(result);
  });

  app.get('/api/watchlists/versions', async (request) => {
    const user = await userOf(ctx, request);
    return { versions: await watchlistsService.listWatchlistVersions(ctx, user) };
  });
}
