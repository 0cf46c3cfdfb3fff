/** The supervisor dashboard of a post, and "not the listed person" decisions on watchlist alerts. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as dashboardService from '../services/dashboard-service.js';
import * as suppressionsService from '../services/watchlist-suppressions-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';
import { doc } from './openapi.js';
import { outline } from './response-schemas.js';

const IdParams = z.object({ id: z.uuid() });

export function dashboardRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/dashboard',
    doc({
      tag: 'Dashboard',
      summary: 'The supervisor dashboard of a post for its local day',
      description: 'Per-hour counts against capacity, per-lane throughput and median processing time, recommendation and status counts, the supervisor queue (ids, no personal data).',
      auth: 'user',
      query: dashboardService.DashboardQuery,
      responses: { 200: { description: 'The dashboard.', body: z.object({ dashboard: outline('Dashboard', 'The post\'s day.') }) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { dashboard: await dashboardService.getDashboard(ctx, user, dashboardService.DashboardQuery.parse(request.query)) };
    },
  );

  // 201 when recorded, 200 with the earlier decision when this traveller and entry version were already decided.
  app.post(
    '/api/crossings/:id/not-listed-person',
    doc({
      tag: 'Crossings',
      summary: 'Record that the crossing\'s traveller is not a watchlist entry it hit',
      description: 'Suppresses this traveller/entry pair at later crossings until the entry\'s content changes; audited. 200 with the earlier decision when already recorded.',
      auth: 'user',
      params: IdParams,
      body: suppressionsService.NotListedPerson,
      responses: {
        201: { description: 'Recorded.', body: z.object({ suppression: outline('Suppression', 'A “not the listed person” decision.') }) },
        200: { description: 'Already recorded.', body: z.object({ suppression: outline('Suppression', 'A “not the listed person” decision.') }) },
      },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const { id } = IdParams.parse(request.params);
      const { suppression, created } = await suppressionsService.recordNotListedPerson(ctx, user, id, suppressionsService.NotListedPerson.parse(request.body));
      return reply.code(created ? 201 : 200).send({ suppression });
    },
  );

  app.get(
    '/api/travellers/:id/watchlist-suppressions',
    doc({
      tag: 'Travellers',
      summary: 'A traveller\'s "not the listed person" decisions',
      description: 'Not paginated: a handful per traveller.',
      auth: 'user',
      params: IdParams,
      responses: { 200: { description: 'The decisions.', body: z.object({ suppressions: z.array(outline('Suppression', 'A “not the listed person” decision.')) }) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { suppressions: await suppressionsService.listSuppressions(ctx, user, IdParams.parse(request.params).id) };
    },
  );
}
