/** Movement history of a traveller and the overstays report. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as movementsService from '../services/movements-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';
import { doc } from './openapi.js';
import { outline, OverstayShape } from './response-schemas.js';

const TravellerParams = z.object({ id: z.uuid() });

export function movementsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/travellers/:id/movements',
    doc({
      tag: 'Movements',
      summary: 'A traveller\'s crossings and the stays they pair into',
      description:
        'Not paginated: pairing entries with exits needs the whole history of one person, which stays small. Audited.',
      auth: 'user',
      params: TravellerParams,
      responses: { 200: { description: '`{travellerId, crossings, stays}`.', body: outline('Movements', 'Every crossing of the traveller and the cleared ones paired into stays.') } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return movementsService.getMovements(ctx, user, TravellerParams.parse(request.params).id);
    },
  );

  app.get(
    '/api/reports/overstays',
    doc({
      tag: 'Movements',
      summary: 'Travellers whose permitted stay has ended, longest first',
      description: 'As of `asOf` (default today, UTC); headquarters see every post, others their posts. Audited.',
      auth: 'user',
      query: movementsService.OverstayQuery,
      responses: {
        200: {
          description: 'A page of the report.',
          body: z.object({ asOf: z.string(), overstays: z.array(OverstayShape), nextCursor: z.string().nullable() }),
        },
      },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return movementsService.overstaysReport(ctx, user, movementsService.OverstayQuery.parse(request.query));
    },
  );
}
