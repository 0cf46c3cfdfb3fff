/** First-run setup: `GET /api/setup` (is it needed) and `POST /api/setup` (create the first administrator). */
import type { FastifyInstance } from 'fastify';
import * as setupService from '../services/setup-service.js';
import type { ServiceContext } from '../services/context.js';

export function setupRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/setup', async () => ({ required: await setupService.setupRequired(ctx) }));

  app.post('/api/setup', async (request, reply) => {
    const body = setupService.SetupRequest.parse(request.body);
    const user = await setupService.completeSetup(ctx, body);
    return reply.code(201).send({ user });
  });
}
