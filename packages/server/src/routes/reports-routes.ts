/** The analyst's flow report, as JSON and as a CSV download. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as reportsService from '../services/reports-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';
import { doc } from './openapi.js';
import { outline } from './response-schemas.js';

const FLOWS_DESCRIPTION =
  'Crossings from `from` to `to` (local dates at each post, inclusive, at most a year) at the post asked or at every post granted, ' +
  'by day, local hour, nationality and document type, each split by direction. Audited.';

export function reportsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/reports/flows',
    doc({
      tag: 'Movements',
      summary: 'Crossing flows by post, day, hour, nationality, document type and direction',
      description: FLOWS_DESCRIPTION,
      auth: 'user',
      query: reportsService.FlowQuery,
      responses: { 200: { description: '`{from, to, posts: [{post, name, timeZone, totals, byDay, byHour, byNationality, byDocumentType}]}`.', body: outline('FlowReport', 'Counts `{key, in, out, total}` per group.') } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return reportsService.flowReport(ctx, user, reportsService.FlowQuery.parse(request.query));
    },
  );

  app.get(
    '/api/reports/flows.csv',
    doc({
      tag: 'Movements',
      summary: 'The flow report as a CSV download',
      description: `${FLOWS_DESCRIPTION} Columns: ${reportsService.FLOW_CSV_HEADER.join(', ')}; cells that a spreadsheet would run as a formula start with an apostrophe.`,
      auth: 'user',
      query: reportsService.FlowQuery,
      responses: { 200: { description: '`text/csv`, with a file name.', body: z.string() } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const query = reportsService.FlowQuery.parse(request.query);
      const report = await reportsService.flowReport(ctx, user, query, 'csv');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${reportsService.flowCsvFileName(query)}"`)
        .send(reportsService.flowReportCsv(report));
    },
  );
}
