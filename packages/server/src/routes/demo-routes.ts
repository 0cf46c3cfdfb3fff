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

export function demoRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/demo/status', async (request) => {
    await userOf(ctx, request);
    return demoService.demoStatus(ctx);
  });

  app.post('/api/demo/load', async (request, reply) => {
    const user = await userOf(ctx, request);
    requirePermission(user, 'users.manage');
    requireAllPosts(user, 'loading demo data');
    const body = demoService.DemoLoadRequest.parse(request.body ?? {});
    const { accounts } = await demoService.startDemoLoad(ctx, user, body);
    return reply.code(202).send({ accounts, status: await demoService.demoStatus(ctx) });
  });

  app.get('/api/demo/queue', async (request) => {
    const user = await userOf(ctx, request);
    return { travellers: await scannerService.demoQueue(ctx, user, scannerService.DemoQueueQuery.parse(request.query)) };
  });

  app.post('/api/demo/scanner/capture', async (request) => {
    const user = await userOf(ctx, request);
    return { fingers: await scannerService.demoCapture(ctx, user, scannerService.DemoCaptureRequest.parse(request.body ?? {})) };
  });
}
