/** Signed audit checkpoints for auditors: the server's public key and a checkpoint signed with its private key. */
import type { FastifyInstance } from 'fastify';
import * as auditSigningService from '../services/audit-signing-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

export function auditSigningRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/audit/public-key', async (request) => auditSigningService.publicKeyForUser(ctx, await userOf(ctx, request)));

  app.get('/api/audit/checkpoint/signed', async (request) => ({
    checkpoint: await auditSigningService.signedCheckpointForUser(ctx, await userOf(ctx, request)),
  }));
}
