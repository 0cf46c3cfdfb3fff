/** The audit log for auditors: verification, checkpoint export, reading entries. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as auditService from '../services/audit-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

const EntriesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(auditService.AUDIT_PAGE_MAX).default(100),
  subject: z.string().regex(/^[a-z_]+:[A-Za-z0-9._:/-]{1,100}$/, 'kind:id, e.g. traveller:<uuid>').optional(),
});

export function auditRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/audit/verify', async (request) => auditService.verifyForUser(ctx, await userOf(ctx, request)));

  app.get('/api/audit/checkpoint', async (request) => ({
    checkpoint: await auditService.checkpointForUser(ctx, await userOf(ctx, request)),
  }));

  app.get('/api/audit/entries', async (request) => {
    const user = await userOf(ctx, request);
    return { entries: await auditService.readEntriesForUser(ctx, user, EntriesQuery.parse(request.query)) };
  });
}
