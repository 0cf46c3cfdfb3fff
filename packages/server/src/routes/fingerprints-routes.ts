/** Enrolment (travellers with fingers, more fingers for a traveller), fingerprint metadata, and adjudication. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as fingerprintsService from '../services/fingerprints-service.js';
import * as enrolmentService from '../services/enrolment-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';
import { doc, pageBody } from './openapi.js';
import { AdjudicationCaseShape, EnrolmentOutcomeShape, outline } from './response-schemas.js';

const IdParams = z.object({ id: z.uuid() });

/** Largest body on routes that carry fingerprints: ten 500-dpi rasters of 800x750 px in base64. */
export const FINGERPRINT_BODY_LIMIT_BYTES = 16 * 1024 * 1024; // 16 MiB

/** 201 when recorded, 202 when held for adjudication. */
const statusOf = (outcome: enrolmentService.EnrolmentOutcome) => (outcome.status === 'enrolled' ? 201 : 202);

export function fingerprintsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/api/enrolments',
    {
      bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES,
      ...doc({
        tag: 'Enrolment',
        summary: 'Enrol a new traveller with fingers',
        description: 'The fingers are searched 1:N against everyone enrolled first; a match holds the submission in an adjudication case (202) and records nothing.',
        auth: 'user',
        body: enrolmentService.NewEnrolment,
        responses: { 201: { description: 'Enrolled.', body: EnrolmentOutcomeShape }, 202: { description: 'Held for adjudication.', body: EnrolmentOutcomeShape } },
      }),
    },
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const outcome = await enrolmentService.enrolTraveller(ctx, user, enrolmentService.NewEnrolment.parse(request.body));
      return reply.code(statusOf(outcome)).send(outcome);
    },
  );

  app.post(
    '/api/travellers/:id/fingerprints',
    {
      bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES,
      ...doc({
        tag: 'Enrolment',
        summary: 'Enrol more fingers for a traveller',
        description: 'Searched 1:N against everyone else first; 201 or 202 as for an enrolment.',
        auth: 'user',
        params: IdParams,
        body: enrolmentService.FingerprintEnrolment,
        responses: { 201: { description: 'Enrolled.', body: EnrolmentOutcomeShape }, 202: { description: 'Held for adjudication.', body: EnrolmentOutcomeShape } },
      }),
    },
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const { id } = IdParams.parse(request.params);
      const input = enrolmentService.FingerprintEnrolment.parse(request.body);
      const outcome = await enrolmentService.enrolFingerprints(ctx, user, id, input);
      return reply.code(statusOf(outcome)).send(outcome);
    },
  );

  app.get(
    '/api/travellers/:id/fingerprints',
    doc({
      tag: 'Enrolment',
      summary: 'A traveller\'s enrolled fingers (metadata, never templates)',
      description: 'At most ten, so not paginated.',
      auth: 'user',
      params: IdParams,
      responses: { 200: { description: 'Position, quality, minutiae, source format, capture time.', body: z.object({ fingerprints: z.array(outline('EnrolledFinger', 'One enrolled finger.')) }) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { fingerprints: await fingerprintsService.listFingerprints(ctx, user, IdParams.parse(request.params).id) };
    },
  );

  app.get(
    '/api/adjudications',
    doc({
      tag: 'Enrolment',
      summary: 'Adjudication cases at the supervisor\'s posts, oldest first',
      description: 'Audited.',
      auth: 'user',
      query: enrolmentService.AdjudicationQuery,
      responses: { 200: { description: 'A page of cases.', body: pageBody('cases', AdjudicationCaseShape) } },
    }),
    async (request) => {
        const user = await userOf(ctx, request);
        const page = await enrolmentService.listCases(ctx, user, enrolmentService.AdjudicationQuery.parse(request.query));
        return { cases: page.items, nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/api/adjudications/:id',
      doc({
        tag: 'Enrolment',
        summary: 'A case with the candidates\' records to compare',
        description: 'Audited.',
        auth: 'user',
        params: IdParams,
        responses: { 200: { description: 'The case and the records.', body: outline('AdjudicationCaseWithRecords', 'The case, the submitted traveller and the candidates\' records.') } },
      }),
      async (request) => {
      const user = await userOf(ctx, request);
      return enrolmentService.getCase(ctx, user, IdParams.parse(request.params).id);
    },
  );

  app.post(
    '/api/adjudications/:id/resolve',
    doc({
      tag: 'Enrolment',
      summary: 'Decide a case (final)',
      description: '`same_person` creates nothing; `different_people` records the submission.',
      auth: 'user',
      params: IdParams,
      body: enrolmentService.AdjudicationDecision,
      responses: { 200: { description: 'The resolved case.', body: z.object({ case: AdjudicationCaseShape }) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const { id } = IdParams.parse(request.params);
      return { case: await enrolmentService.resolveCase(ctx, user, id, enrolmentService.AdjudicationDecision.parse(request.body)) };
    },
  );
}
