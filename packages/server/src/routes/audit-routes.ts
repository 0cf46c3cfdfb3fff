/** The audit log for auditors: verification, checkpoint export, reading entries. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as auditService from '../services/audit-service.js';
import type { ServiceContext } from '../services/context.js';
import { CursorParam } from '../services/pagination.js';
import { userOf } from './authenticate.js';
import { doc, pageBody } from './openapi.js';
import { AuditEntryShape, outline } from './response-schemas.js';

const AUDIT_PAGE_DEFAULT = 100; // entries

const EntriesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0).meta({ description: 'Entries after this sequence number (a cursor, when given, takes its place).' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(auditService.AUDIT_PAGE_MAX)
    .default(AUDIT_PAGE_DEFAULT)
    .meta({ description: `Entries per page: default ${AUDIT_PAGE_DEFAULT}, at most ${auditService.AUDIT_PAGE_MAX}.` }),
  cursor: CursorParam.optional(),
  subject: z.string().regex(/^[a-z_]+:[A-Za-z0-9._:/-]{1,100}$/, 'kind:id, e.g. traveller:<uuid>').optional(),
});

const CheckpointShape = z.object({ seq: z.number().int(), hash: z.string(), time: z.string() }).meta({ id: 'AuditCheckpoint' });

export function auditRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/audit/verify',
    doc({
      tag: 'Audit',
      summary: 'Verify the hash chain',
      auth: 'user',
      responses: { 200: { description: '`ok`, the entries verified, or the first broken link.', body: outline('AuditVerification', 'The verification result.') } },
    }),
    async (request) => auditService.verifyForUser(ctx, await userOf(ctx, request)),
  );

  app.get(
    '/api/audit/checkpoint',
    doc({
      tag: 'Audit',
      summary: 'A checkpoint of a verified chain',
      auth: 'user',
      responses: { 200: { description: 'The head of the verified chain.', body: z.object({ checkpoint: CheckpointShape }) } },
    }),
    async (request) => ({
      checkpoint: await auditService.checkpointForUser(ctx, await userOf(ctx, request)),
    }),
  );

  app.get(
    '/api/audit/entries',
    doc({
      tag: 'Audit',
      summary: 'Entries in log order, optionally about one subject',
      description: 'E.g. `subject=traveller:<id>`: who looked at this person. The read is itself audited.',
      auth: 'user',
      query: EntriesQuery,
      responses: { 200: { description: 'A page of entries.', body: pageBody('entries', AuditEntryShape) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const page = await auditService.readEntriesForUser(ctx, user, EntriesQuery.parse(request.query));
      return { entries: page.items, nextCursor: page.nextCursor };
    },
  );
}
