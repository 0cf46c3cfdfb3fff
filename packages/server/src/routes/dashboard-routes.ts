/** The supervisor dashboard of a post, and "not the listed person" decisions on watchlist alerts. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as dashboardService from '../services/dashboard-service.js';
import * as suppressionsService from '../services/watchlist-suppressions-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

const IdParams = z.object({ id: z.uuid() });

export function dashboardRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/dashboard', async (request) => {
    const user = await userOf(ctx, request);
    return { dashboard: await dashboardService.getDashboard(ctx, user, dashboardService.DashboardQuery.parse(request.query)) };
  });

  // 201 when recorded, 200 with the earlier decision when this traveller and entry version were already decided.
  app.post('/api/crossings/:id/not-listed-person', async (request, reply) => {
    const user = await userOf(ctx, request);
    const { id } = IdParams.parse(request.params);
    const { suppression, created } = await suppressionsService.recordNotListedPerson(ctx, user, id, suppressionsService.NotListedPerson.parse(request.body));
    return reply.code(created ? 201 : 200).send({ suppression });
  });

  app.get('/api/travellers/:id/watchlist-suppressions', async (request) => {
    const user = await userOf(ctx, request);
    return { suppressions: await suppressionsService.listSuppressions(ctx, user, IdParams.parse(request.params).id) };
  });
}
