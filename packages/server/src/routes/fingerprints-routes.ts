/** Enrolment (travellers with fingers, more fingers for a traveller), fingerprint metadata, and adjudication. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as fingerprintsService from '../services/fingerprints-service.js';
import * as enrolmentService from '../services/enrolment-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

const IdParams = z.object({ id: z.uuid() });

/** Largest body on routes that carry fingerprints: ten 500-dpi rasters of 800x750 px in base64. */
export const FINGERPRINT_BODY_LIMIT_BYTES = 16 * 1024 * 1024; // 16 MiB

/** 201 when recorded, 202 when held for adjudication. */
const statusOf = (outcome: enrolmentService.EnrolmentOutcome) => (outcome.status === 'enrolled' ? 201 : 202);

export function fingerprintsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/api/enrolments', { bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const user = await userOf(ctx, request);
    const outcome = await enrolmentService.enrolTraveller(ctx, user, enrolmentService.NewEnrolment.parse(request.body));
    return reply.code(statusOf(outcome)).send(outcome);
  });

  app.post('/api/travellers/:id/fingerprints', { bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const user = await userOf(ctx, request);
    const { id } = IdParams.parse(request.params);
    const input = enrolmentService.FingerprintEnrolment.parse(request.body);
    const outcome = await enrolmentService.enrolFingerprints(ctx, user, id, input);
    return reply.code(statusOf(outcome)).send(outcome);
  });

  app.get('/api/travellers/:id/fingerprints', async (request) => {
    const user = await userOf(ctx, request);
    return { fingerprints: await fingerprintsService.listFingerprints(ctx, user, IdParams.parse(request.params).id) };
  });

  app.get('/api/adjudications', async (request) => {
    const user = await userOf(ctx, request);
    return { cases: await enrolmentService.listCases(ctx, user, enrolmentService.AdjudicationQuery.parse(request.query)) };
  });

  app.get('/api/adjudications/:id', async (request) => {
    const user = await userOf(ctx, request);
    return enrolmentService.getCase(ctx, user, IdParams.parse(request.params).id);
  });

  app.post('/api/adjudications/:id/resolve', async (request) => {
    const user = await userOf(ctx, request);
    const { id } = IdParams.parse(request.params);
    return { case: await enrolmentService.resolveCase(ctx, user, id, enrolmentService.AdjudicationDecision.parse(request.body)) };
  });
}
