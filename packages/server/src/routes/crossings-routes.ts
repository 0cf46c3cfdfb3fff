/** Crossings at lanes: from an officer session or a lane device key. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as crossingsService from '../services/crossings-service.js';
import type { ServiceContext } from '../services/context.js';
import { principalOf } from './authenticate.js';
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

  app.get('/api/crossings/:id', async (request) => {
    const principal = await principalOf(ctx, request);
    return { crossing: await crossingsService.getCrossing(ctx, principal, IdParams.parse(request.params).id) };
  });
}
