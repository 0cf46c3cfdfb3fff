/**
 * `GET /metrics` for Prometheus. It carries aggregates only (counts, latency and score histograms, queue lengths),
 * never an identifier or a name, so like /api/health it needs no session; keep the port off public networks as the
 * rest of the API.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import * as metricsService from '../services/metrics-service.js';
import { doc } from './openapi.js';

export function metricsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/metrics',
    doc({
      tag: 'Health',
      summary: 'Prometheus metrics (text format 0.0.4), aggregates only',
      auth: 'none',
      responses: { 200: { description: 'Crossings by recommendation, request latency and match-score histograms, open queues.' } },
    }),
    async (_request, reply) => {
      reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
      return metricsService.renderMetrics(ctx);
    },
  );
}
