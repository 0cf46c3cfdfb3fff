/** Fingerprints of travellers. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as fingerprintsService from '../services/fingerprints-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

const TravellerParams = z.object({ id: z.uuid() });

/** Largest body on routes that carry fingerprints: ten 500-dpi rasters of 800x750 px in base64. */
export const FINGERPRINT_BODY_LIMIT_BYTES = 16 * 1024 * 1024; // 16 MiB

export function fingerprintsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/api/travellers/:id/fingerprints', { bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const user = await userOf(ctx, request);
    const { id } = TravellerParams.parse(request.params);
    const submission = fingerprintsService.FingerprintSubmission.parse(request.body);
    return reply.code(201).send({ fingerprints: await fingerprintsService.addFingerprints(ctx, user, id, submission) });
  });

  app.get('/api/travellers/:id/fingerprints', async (request) => {
    const user = await userOf(ctx, request);
    return { fingerprints: await fingerprintsService.listFingerprints(ctx, user, TravellerParams.parse(request.params).id) };
  });
}
