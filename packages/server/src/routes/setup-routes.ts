/**
 * First-run setup: `GET /api/setup` (is it needed) and `POST /api/setup` (create the first administrator). With
 * `"demo": true` (or `{ "seed", "travellers" }`) the setup also starts loading the demo data (demo-service.ts): the answer then carries the demo
 * accounts' one-time passwords, shown once, while the travellers are enrolled in the background
 * (`GET /api/demo/status` shows the progress).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as setupService from '../services/setup-service.js';
import * as demoService from '../services/demo-service.js';
import type { ServiceContext } from '../services/context.js';

/** `demo`: false, true (the default population), or `{ seed, travellers }`. */
const DemoChoice = z.object({ demo: z.union([z.boolean(), demoService.DemoLoadRequest]).default(false) });

export function setupRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/setup', async () => ({ required: await setupService.setupRequired(ctx) }));

  app.post('/api/setup', async (request, reply) => {
    const body = setupService.SetupRequest.parse(request.body);
    const { demo } = DemoChoice.parse(request.body);
    const user = await setupService.completeSetup(ctx, body);
    if (demo === false) return reply.code(201).send({ user });
    const load = demo === true ? demoService.DemoLoadRequest.parse({}) : demo;
    const started = await demoService.startDemoLoad(ctx, { userId: user.id }, load);
    return reply.code(201).send({ user, demo: { accounts: started.accounts, status: await demoService.demoStatus(ctx) } });
  });
}
