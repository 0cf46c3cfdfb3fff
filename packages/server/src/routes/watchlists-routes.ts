/** Watchlist imports and versions. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as watchlistsService from '../services/watchlists-service.js';
import type { ServiceContext } from '../services/context.js';
import { PageQuery } from '../services/pagination.js';
import { userOf } from './authenticate.js';
import { doc, pageBody } from './openapi.js';
import { outline, WatchlistVersionShape } from './response-schemas.js';

/** A list upload is JSON with the file as a string: up to 50 Mi characters of UTF-8, escaped. */
const WATCHLIST_BODY_LIMIT_BYTES = 128 * 1024 * 1024; // 128 MiB

const VersionParams = z.object({ id: z.string().min(1).max(100) });

export function watchlistsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/api/watchlists/import',
    {
      bodyLimit: WATCHLIST_BODY_LIMIT_BYTES,
      ...doc({
        tag: 'Watchlists',
        summary: 'Import a UN consolidated XML, national stop-list CSV or the OFAC SDN files (sdn, alt, add, comments) as a new version',
        description: 'Saved as a new version with a change report; 200 and `saved: false` when identical to the latest.',
        auth: 'user',
        body: watchlistsService.WatchlistUpload,
        responses: {
          201: { description: 'Saved.', body: outline('WatchlistImport', '`{saved, version, previous, changes: {added, removed, changed, unchangedCount}, notes}`.') },
          200: { description: 'Identical to the latest version; nothing saved.', body: outline('WatchlistImport', '') },
        },
      }),
    },
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const result = await watchlistsService.importWatchlist(ctx, user, watchlistsService.WatchlistUpload.parse(request.body));
      return reply.code(result.saved ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/watchlists/versions',
    doc({
      tag: 'Watchlists',
      summary: 'Stored versions, oldest first',
      auth: 'user',
      query: PageQuery,
      responses: { 200: { description: 'A page of versions.', body: pageBody('versions', WatchlistVersionShape) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const page = await watchlistsService.listWatchlistVersions(ctx, user, PageQuery.parse(request.query));
      return { versions: page.items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/watchlists/versions/:id/entries',
    doc({
      tag: 'Watchlists',
      summary: 'A stored version\'s entries, in list order',
      description: '`q` keeps the entries whose record contains it (names, aliases, document numbers; case-insensitive).',
      auth: 'user',
      params: VersionParams,
      query: watchlistsService.EntriesQuery,
      responses: { 200: { description: 'A page of entries.', body: pageBody('entries', outline('WatchlistEntry', 'An entry as the screening library stores it.')) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const { id } = VersionParams.parse(request.params);
      const page = await watchlistsService.listWatchlistEntries(ctx, user, id, watchlistsService.EntriesQuery.parse(request.query));
      return { entries: page.items, nextCursor: page.nextCursor };
    },
  );
}
