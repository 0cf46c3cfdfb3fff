/** Signed audit checkpoints for auditors: the server's public key and a checkpoint signed with its private key. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as auditSigningService from '../services/audit-signing-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';
import { doc } from './openapi.js';
import { outline } from './response-schemas.js';

export function auditSigningRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/audit/public-key',
    doc({
      tag: 'Audit',
      summary: 'The server\'s Ed25519 public key for signed checkpoints',
      auth: 'user',
      responses: {
        200: {
          description: 'The key, as SPKI PEM.',
          body: z.object({ algorithm: z.literal('Ed25519'), server: z.string(), keyId: z.string(), publicKey: z.string() }),
        },
      },
    }),
    async (request) => auditSigningService.publicKeyForUser(ctx, await userOf(ctx, request)),
  );

  app.get(
    '/api/audit/checkpoint/signed',
    doc({
      tag: 'Audit',
      summary: 'A checkpoint signed with the server\'s Ed25519 key',
      auth: 'user',
      responses: {
        200: {
          description: 'For an outside auditor to verify the log without database access.',
          body: z.object({ checkpoint: outline('SignedAuditCheckpoint', '`{type, seq, hash, time, server, keyId, signedAt, signature}`.') }),
        },
      },
    }),
    async (request) => ({
      checkpoint: await auditSigningService.signedCheckpointForUser(ctx, await userOf(ctx, request)),
    }),
  );
}
