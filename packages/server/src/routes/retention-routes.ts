/** Retention settings per data class and the latest purge runs (administrators). */
import type { FastifyInstance } from 'fastify';
import * as settingsService from '../services/retention-settings-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';
import { doc } from './openapi.js';
import { outline } from './response-schemas.js';

const RETENTION_BODY = outline('Retention', '`{settings: [{dataClass, days, defaultDays, min, max, foreverAllowed, updatedAt, updatedBy}], runs: [{id, ranAt, cutoffs, deleted, auditSeq}]}`.');

export function retentionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/retention',
    doc({
      tag: 'Audit',
      summary: 'Retention periods per data class (stored or configured) and the latest purge runs',
      auth: 'user',
      responses: { 200: { description: 'The settings and the last runs, newest first.', body: RETENTION_BODY } },
    }),
    async (request) => settingsService.getRetention(ctx, await userOf(ctx, request)),
  );

  app.patch(
    '/api/retention',
    doc({
      tag: 'Audit',
      summary: 'Change retention periods',
      description: 'Days per data class, or null to keep for ever where allowed; bounds in RETENTION_BOUNDS (the audit log at least 365 days). Audited.',
      auth: 'user',
      body: settingsService.RetentionChange,
      responses: { 200: { description: 'The settings as now in force.', body: RETENTION_BODY } },
    }),
    async (request) => settingsService.changeRetention(ctx, await userOf(ctx, request), settingsService.RetentionChange.parse(request.body)),
  );
}
