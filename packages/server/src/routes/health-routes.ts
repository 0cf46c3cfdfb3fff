/** `GET /api/health`: unauthenticated liveness for load balancers and the `sarhad serve` test. */
import type { FastifyInstance } from 'fastify';
import * as healthService from '../services/health-service.js';
import type { ServiceContext } from '../services/context.js';

export function healthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/health', async () => healthService.checkHealth(ctx));
}
