/**
 * Demo mode: `GET /api/demo/status` (any signed-in user), `POST /api/demo/load` (a headquarters administrator: load
 * the demo data in the background, answering at once with the demo accounts' one-time passwords), and the simulated
 * lane the lane console uses: `GET /api/demo/queue?post=&limit=` and `POST /api/demo/scanner/capture` (404
 * DEMO_DISABLED without demo data).
 */
import type { FastifyInstance } from 'fastify';
import * as demoService from '../services/demo-service.js';
import * as scannerService from '../services/demo-scanner-service.js';
import { requireAllPosts, requirePermission } from '../services/access.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';
import { doc } from './openapi.js';
import { outline } from './response-schemas.js';

export function demoRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/demo/status',
    doc({ tag: 'Demo', summary: 'Whether demo data is loaded, and the load\'s progress', auth: 'user', responses: { 200: { description: 'The status.', body: outline('DemoStatus', 'The demo data state.') } } }),
    async (request) => {
      await userOf(ctx, request);
      return demoService.demoStatus(ctx);
    },
  );

  app.post(
    '/api/demo/load',
    doc({
      tag: 'Demo',
      summary: 'Load demo data (posts, accounts with one-time passwords, a stop list, synthetic travellers)',
      description: 'Headquarters administrators. Starts the load and answers at once (202); the accounts\' passwords are shown only here.',
      auth: 'user',
      body: demoService.DemoLoadRequest,
      responses: { 202: { description: 'Started.', body: outline('DemoLoad', '`{accounts, status}`.') } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      requirePermission(user, 'users.manage');
      requireAllPosts(user, 'loading demo data');
      const body = demoService.DemoLoadRequest.parse(request.body ?? {});
      const { accounts } = await demoService.startDemoLoad(ctx, user, body);
      return reply.code(202).send({ accounts, status: await demoService.demoStatus(ctx) });
    },
  );

  app.get(
    '/api/demo/queue',
    doc({
      tag: 'Demo',
      summary: 'Demo travellers arriving at a post\'s lanes',
      description: 'Not paginated: `limit` (default 12, at most 50) arrivals.',
      auth: 'user',
      query: scannerService.DemoQueueQuery,
      responses: { 200: { description: 'Arrivals.', body: outline('DemoQueue', '`{travellers}`.') } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { travellers: await scannerService.demoQueue(ctx, user, scannerService.DemoQueueQuery.parse(request.query)) };
    },
  );

  app.post(
    '/api/demo/scanner/capture',
    doc({
      tag: 'Demo',
      summary: 'A simulated scanner capture of a demo traveller\'s fingers',
      auth: 'user',
      body: scannerService.DemoCaptureRequest,
      responses: { 200: { description: 'Captured fingers.', body: outline('DemoCapture', '`{fingers}`.') } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { fingers: await scannerService.demoCapture(ctx, user, scannerService.DemoCaptureRequest.parse(request.body ?? {})) };
    },
  );
}
