/** First-run setup: `GET /api/setup` (is it needed) and `POST /api/setup` (create the first administrator). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as setupService from '../services/setup-service.js';
import type { ServiceContext } from '../services/context.js';
import { doc } from './openapi.js';
import { UserShape } from './response-schemas.js';

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
      summary: 'Create the first administrator with the one-time setup token',
      description: 'The token is printed by the server at start while no administrator exists.',
      auth: 'none',
      body: setupService.SetupRequest,
      responses: { 201: { description: 'Created; sign in next.', body: z.object({ user: UserShape }) } },
    }),
    async (request, reply) => {
      const body = setupService.SetupRequest.parse(request.body);
      const user = await setupService.completeSetup(ctx, body);
      return reply.code(201).send({ user });
    },
  );
}
