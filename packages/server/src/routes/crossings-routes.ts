/** Crossings at lanes (officer sessions or lane device keys), decisions on them, and the post's queues. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as crossingsService from '../services/crossings-service.js';
import * as decisionsService from '../services/crossing-decisions-service.js';
import type { ServiceContext } from '../services/context.js';
import { principalOf, userOf } from './authenticate.js';
import { FINGERPRINT_BODY_LIMIT_BYTES } from './fingerprints-routes.js';
import { doc, pageBody } from './openapi.js';
import { CrossingShape } from './response-schemas.js';

const IdParams = z.object({ id: z.uuid() });
const CrossingBody = z.object({ crossing: CrossingShape });

export function crossingsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // 201 when recorded; a retry with the same idempotency key gets the same answer, marked `idempotent-replay: true`.
  app.post(
    '/api/crossings',
    {
      bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES,
      ...doc({
        tag: 'Crossings',
        summary: 'Process a crossing at a lane',
        description:
          'An officer or supervisor at the post (`post`, `lane` required) or a lane device key. Verifies 1:1 or identifies 1:N, screens watchlists, and answers a recommendation with reasons. A retry with the same idempotency key answers the recorded crossing (header `idempotent-replay: true`); the key with another request is IDEMPOTENCY_KEY_REUSED.',
        auth: 'userOrDevice',
        body: crossingsService.CrossingRequest,
        responses: { 201: { description: 'Recorded (or replayed).', body: CrossingBody } },
      }),
    },
    async (request, reply) => {
      const principal = await principalOf(ctx, request);
      const { crossing, replayed } = await crossingsService.processCrossing(ctx, principal, crossingsService.CrossingRequest.parse(request.body));
      if (replayed) reply.header('idempotent-replay', 'true');
      return reply.code(201).send({ crossing });
    },
  );

  app.get(
    '/api/crossings',
    doc({
      tag: 'Crossings',
      summary: 'A queue: the crossings of a post in one status, oldest first',
      description: 'Audited.',
      auth: 'user',
      query: decisionsService.CrossingQueueQuery,
      responses: { 200: { description: 'A page of crossings.', body: pageBody('crossings', CrossingShape) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const page = await decisionsService.listQueue(ctx, user, decisionsService.CrossingQueueQuery.parse(request.query));
      return { crossings: page.items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/crossings/:id',
    doc({
      tag: 'Crossings',
      summary: 'A crossing as answered, with its status, fingerprint exception and decisions',
      description: 'Audited.',
      auth: 'userOrDevice',
      params: IdParams,
      responses: { 200: { description: 'The crossing.', body: CrossingBody } },
    }),
    async (request) => {
      const principal = await principalOf(ctx, request);
      return { crossing: await decisionsService.getCrossing(ctx, principal, IdParams.parse(request.params).id) };
    },
  );

  app.post(
    '/api/crossings/:id/decision',
    doc({
      tag: 'Crossings',
      summary: 'The officer\'s decision',
      description: 'On a crossing `awaiting_decision`; a reason is needed unless clearing a `clear` answer; only a supervisor clears an alert.',
      auth: 'user',
      params: IdParams,
      body: decisionsService.OfficerDecision,
      responses: { 200: { description: 'The crossing after the decision.', body: CrossingBody } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const { id } = IdParams.parse(request.params);
      return { crossing: await decisionsService.officerDecision(ctx, user, id, decisionsService.OfficerDecision.parse(request.body)) };
    },
  );

  app.post(
    '/api/crossings/:id/secondary',
    doc({
      tag: 'Crossings',
      summary: 'The outcome of secondary inspection',
      auth: 'user',
      params: IdParams,
      body: decisionsService.SecondaryOutcome,
      responses: { 200: { description: 'The crossing after the outcome.', body: CrossingBody } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const { id } = IdParams.parse(request.params);
      return { crossing: await decisionsService.secondaryOutcome(ctx, user, id, decisionsService.SecondaryOutcome.parse(request.body)) };
    },
  );

  app.post(
    '/api/crossings/:id/supervisor',
    doc({
      tag: 'Crossings',
      summary: 'A supervisor\'s decision or override',
      description: 'Decides any open crossing (fingerprint exceptions, alerts) or overrides a final one (recorded as `override`).',
      auth: 'user',
      params: IdParams,
      body: decisionsService.SupervisorDecision,
      responses: { 200: { description: 'The crossing after the decision.', body: CrossingBody } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const { id } = IdParams.parse(request.params);
      return { crossing: await decisionsService.supervisorDecision(ctx, user, id, decisionsService.SupervisorDecision.parse(request.body)) };
    },
  );
}
