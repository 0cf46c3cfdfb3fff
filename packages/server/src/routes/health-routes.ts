/** `GET /api/health`: unauthenticated liveness for load balancers and the `sarhad serve` test. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as healthService from '../services/health-service.js';
import type { ServiceContext } from '../services/context.js';
import { doc } from './openapi.js';

export function healthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/health',
    doc({
      tag: 'Health',
      summary: 'Liveness and database reachability',
      auth: 'none',
      responses: { 200: { description: 'Up.', body: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), time: z.string() }) } },
    }),
    async () => healthService.checkHealth(ctx),
  );
}
