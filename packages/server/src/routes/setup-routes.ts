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
import { doc } from './openapi.js';
import { outline, UserShape } from './response-schemas.js';

/** `demo`: false, true (the default population), or `{ seed, travellers }`. */
const DemoChoice = z.object({ demo: z.union([z.boolean(), demoService.DemoLoadRequest]).default(false) });

export function setupRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/setup',
    doc({ tag: 'Setup', summary: 'Whether first-run setup is needed', auth: 'none', responses: { 200: { description: 'Needed or not.', body: z.object({ required: z.boolean() }) } } }),
    async () => ({ required: await setupService.setupRequired(ctx) }),
  );

  app.post(
    '/api/setup',
    doc({
      tag: 'Setup',
      summary: 'Create the first administrator with the one-time setup token, optionally loading the demo data',
      description:
        'The token is printed by the server at start while no administrator exists. With `demo` the answer also carries the demo accounts\' one-time passwords (shown once) while the travellers load in the background.',
      auth: 'none',
      body: setupService.SetupRequest.extend(DemoChoice.shape),
      responses: {
        201: {
          description: 'Created; sign in next.',
          body: z.object({ user: UserShape, demo: outline('DemoLoad', '`{accounts, status}`.').optional() }),
        },
      },
    }),
    async (request, reply) => {
      const body = setupService.SetupRequest.parse(request.body);
      const { demo } = DemoChoice.parse(request.body);
      const user = await setupService.completeSetup(ctx, body);
      if (demo === false) return reply.code(201).send({ user });
      const load = demo === true ? demoService.DemoLoadRequest.parse({}) : demo;
      const started = await demoService.startDemoLoad(ctx, { userId: user.id }, load);
      return reply.code(201).send({ user, demo: { accounts: started.accounts, status: await demoService.demoStatus(ctx) } });
    },
  );
}
