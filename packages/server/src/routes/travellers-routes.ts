/** Travellers and their documents. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as travellersService from '../services/travellers-service.js';
import * as identifyService from '../services/traveller-identify-service.js';
import type { ServiceContext } from '../services/context.js';
import { PageQuery } from '../services/pagination.js';
import { userOf } from './authenticate.js';
import { doc, pageBody } from './openapi.js';
import { DocumentShape, MrzLookupShape, TravellerShape } from './response-schemas.js';

const TravellerParams = z.object({ id: z.uuid() });

/** services/traveller-identify-service.ts `IdentifyResult`. */
const IdentifyResultShape = z.object({
  candidates: z.array(
    z.object({
      traveller: TravellerShape,
      score: z.number().meta({ description: 'Calibrated fused score over the fingers compared.' }),
      band: z.enum(identifyService.IDENTIFY_BANDS).meta({
        description: "'strong': at or above the identification threshold (a lane would identify); 'possible': the verification threshold only.",
      }),
      fingers: z.array(z.object({ position: z.number().int(), score: z.number() })),
    }),
  ),
  identificationThreshold: z.number(),
  verificationThreshold: z.number(),
});

export function travellersRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/api/travellers',
    doc({
      tag: 'Travellers',
      summary: 'Register a traveller (no fingerprints)',
      auth: 'user',
      body: travellersService.NewTraveller,
      responses: { 201: { description: 'Registered.', body: z.object({ traveller: TravellerShape }) } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const traveller = await travellersService.createTraveller(ctx, user, travellersService.NewTraveller.parse(request.body));
      return reply.code(201).send({ traveller });
    },
  );

  app.get(
    '/api/travellers',
    doc({
      tag: 'Travellers',
      summary: 'Search by document, or by Latin name',
      description: `Either \`documentType\` and \`documentNumber\` (\`issuingCountry\` to narrow), in traveller id order; or \`surname\` with optional \`givenNames\` and \`birthDate\`, in given-name order, at most ${travellersService.NAME_SEARCH_LIMIT} a page. Audited.`,
      auth: 'user',
      query: z.union([travellersService.DocumentQuery.extend(PageQuery.shape), travellersService.NameQuery.extend(PageQuery.shape)]),
      responses: { 200: { description: 'A page of travellers.', body: pageBody('travellers', TravellerShape) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const query = travellersService.TravellerQuery.parse(request.query);
      const page = await travellersService.searchTravellers(ctx, user, query, PageQuery.parse(request.query));
      return { travellers: page.items, nextCursor: page.nextCursor };
    },
  );

  // POST, not GET: an MRZ is personal data and must not travel in a URL (URLs end up in logs and proxies).
  app.post(
    '/api/travellers/lookup-mrz',
    doc({
      tag: 'Travellers',
      summary: 'Read a passport MRZ and find its holders',
      description: 'Check digits verified (ICAO 9303); POST because an MRZ must not travel in a URL. Audited.',
      auth: 'user',
      body: travellersService.MrzLookup,
      responses: { 200: { description: 'The parsed fields and the travellers holding that passport.', body: MrzLookupShape } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return travellersService.lookupMrz(ctx, user, travellersService.MrzLookup.parse(request.body).mrz);
    },
  );

  // POST: fingerprints are a body, not a query string.
  app.post(
    '/api/travellers/identify',
    doc({
      tag: 'Travellers',
      summary: 'Search travellers by fingerprint (1:N)',
      description: `Analysts and supervisors. Fingers as a crossing takes them (ISO 19794-2 / ANSI 378 template in base64, or a grey raster). Candidates from the verification threshold up, best first, at most \`limit\` (default ${identifyService.IDENTIFY_LIMIT_DEFAULT}, at most ${identifyService.IDENTIFY_LIMIT_MAX}). FINGERPRINT_TEMPLATE_INVALID or FINGERPRINT_UNUSABLE for a bad finger. Audited (positions and matches, never templates).`,
      auth: 'user',
      body: identifyService.FingerprintSearch,
      responses: { 200: { description: 'Candidates, best first.', body: IdentifyResultShape } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return identifyService.identifyTravellers(ctx, user, identifyService.FingerprintSearch.parse(request.body));
    },
  );

  app.get(
    '/api/travellers/:id',
    doc({
      tag: 'Travellers',
      summary: 'A traveller with documents',
      description: 'Audited.',
      auth: 'user',
      params: TravellerParams,
      responses: { 200: { description: 'The traveller.', body: z.object({ traveller: TravellerShape }) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { traveller: await travellersService.getTraveller(ctx, user, TravellerParams.parse(request.params).id) };
    },
  );

  app.post(
    '/api/travellers/:id/documents',
    doc({
      tag: 'Travellers',
      summary: 'Register a document for a traveller',
      auth: 'user',
      params: TravellerParams,
      body: travellersService.DocumentSubmission,
      responses: { 201: { description: 'Registered.', body: z.object({ document: DocumentShape }) } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const { id } = TravellerParams.parse(request.params);
      const submission = travellersService.DocumentSubmission.parse(request.body);
      const document = await travellersService.addDocument(ctx, user, id, submission);
      return reply.code(201).send({ document });
    },
  );
}
