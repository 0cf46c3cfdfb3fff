/** Crossings at lanes (officer sessions or lane device keys), decisions on them, and the post's queues. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as crossingsService from '../services/crossings-service.js';
import * as decisionsService from '../services/crossing-decisions-service.js';
import type { ServiceContext } from '../services/context.js';
import { principalOf, userOf } from './authenticate.js';
import { FINGERPRINT_BODY_LIMIT_BYTES } from './fingerprints-routes.js';

const IdParams = z.object({ id: z.uuid() });

export function crossingsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // 201 when recorded; a retry with the same idempotency key gets the same answer, marked `idempotent-replay: true`.
  app.post('/api/crossings', { bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const principal = await principalOf(ctx, request);
    const { crossing, replayed } = await crossingsService.processCrossing(ctx, principal, crossingsService.CrossingRequest.parse(request.body));
    if (replayed) reply.header('idempotent-replay', 'true');
    return reply.code(201).send({ crossing });
  });

  app.get('/api/crossings', async (request) => {
    const user = await userOf(ctx, request);
    return { crossings: await decisionsService.listQueue(ctx, user, decisionsService.CrossingQueueQuery.parse(request.query)) };
  });

  app.get('/api/crossings/:id', async (request) => {
    const principal = await principalOf(ctx, request);
    return { crossing: await decisionsService.getCrossing(ctx, principal, IdParams.parse(request.params).id) };
  });

  app.post('/api/crossings/:id/decision', async (request) => {
    const user = await userOf(ctx, request);
    const { id } = IdParams.parse(request.params);
    return { crossing: await decisionsService.officerDecision(ctx, user, id, decisionsService.OfficerDecision.parse(request.body)) };
  });

  app.post('/api/crossings/:id/secondary', async (request) => {
    const user = await userOf(ctx, request);
    const { id } = IdParams.parse(request.params);
    return { crossing: await decisionsService.secondaryOutcome(ctx, user, id, decisionsService.SecondaryOutcome.parse(request.body)) };
  });

  app.post('/api/crossings/:id/supervisor', async (request) => {
    const user = await userOf(ctx, request);
    const { id } = IdParams.parse(request.params);
    return { crossing: await decisionsService.supervisorDecision(ctx, user, id, decisionsService.SupervisorDecision.parse(request.body)) };
  });
}
