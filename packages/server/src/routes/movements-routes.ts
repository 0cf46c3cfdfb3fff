/** Movement history of a traveller and the overstays report. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as movementsService from '../services/movements-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

const TravellerParams = z.object({ id: z.uuid() });

export function movementsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/travellers/:id/movements', async (request) => {
    const user = await userOf(ctx, request);
    return movementsService.getMovements(ctx, user, TravellerParams.parse(request.params).id);
  });

  app.get('/api/reports/overstays', async (request) => {
    const user = await userOf(ctx, request);
    return movementsService.overstaysReport(ctx, user, movementsService.OverstayQuery.parse(request.query));
  });
}
