/**
 * The MOSIP-ABIS-compatible interface over HTTP (README "ABIS interface"): `POST /abis` takes any ABIS message and
 * dispatches on its `id`, as a queue consumer would; `POST /abis/insert`, `/identify`, `/delete`, `/ping`,
 * `/pending-jobs` and `/reference-count` take only their own. Every ABIS answer, success or failure, is HTTP 200
 * with MOSIP's body (`returnValue`, `failureReason`): the protocol carries its own outcome, as on a queue, and a
 * body that is not even JSON is answered with reason 4. Only credentials are refused the HTTP way (401, 403).
 *
 * Administrators with every post manage the identity platforms allowed in: `GET`/`POST /api/abis/clients`,
 * `POST /api/abis/clients/:id/revoke`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AbisOperation } from '../domain/abis-messages.js';
import * as abisService from '../services/abis-service.js';
import { ABIS_REFERENCE_FINGERS } from '../services/identification-gallery.js';
import { createGallery } from '../services/galleries.js';
import type { ServiceContext } from '../services/context.js';
import { credentialOf, userOf } from './authenticate.js';
import { FINGERPRINT_BODY_LIMIT_BYTES } from './fingerprints-routes.js';
import { doc } from './openapi.js';
import { outline } from './response-schemas.js';

/** Per-operation paths, kebab-case, and the operation each takes. */
export const ABIS_PATHS: Readonly<Record<string, AbisOperation>> = {
  '/abis/insert': 'insert',
  '/abis/identify': 'identify',
  '/abis/delete': 'delete',
  '/abis/ping': 'ping',
  '/abis/pending-jobs': 'pendingJobs',
  '/abis/reference-count': 'referenceCount',
};

/** A body that was not JSON: answered as MOSIP reason 4 rather than as an HTTP error. */
const NOT_JSON = Symbol('not JSON');

const IdParams = z.object({ id: z.uuid() });

export function abisRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // The references' own gallery, loaded with the application (a database outage leaves it to load on first use).
  const matcher = new abisService.AbisService(ctx, createGallery(ctx.db, ctx.config, ABIS_REFERENCE_FINGERS, ctx.logger));
  app.addHook('onReady', async () => {
    try {
      await matcher.gallery.ready();
    } catch (error) {
      ctx.logger.error({ err: error }, 'ABIS reference gallery not loaded; it loads on first use');
    }
  });
  app.addHook('onClose', () => matcher.gallery.close());

  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(null, NOT_JSON);
      }
    });
    // A request has arrived once its body is read: it takes its place in arrival order then, before its client is
    // authenticated (a database read, which may finish out of order). A slow upload holds no place, so it delays no
    // one; a request refused without a job gives its place up at once.
    const answer = (operation: AbisOperation | undefined) => async (request: FastifyRequest) => {
      const turn = matcher.arrive();
      try {
        const client = await abisService.authenticateClient(ctx, credentialOf(request));
        return await matcher.handle(client, request.body === NOT_JSON ? undefined : request.body, operation, turn);
      } finally {
        turn.leave();
      }
    };
    scope.post('/abis', { bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES }, answer(undefined));
    for (const [path, operation] of Object.entries(ABIS_PATHS)) {
      scope.post(path, { bodyLimit: FINGERPRINT_BODY_LIMIT_BYTES }, answer(operation));
    }
  });

  app.get(
    '/api/abis/clients',
    doc({
      tag: 'Abis',
      summary: 'Identity platforms allowed to call the ABIS interface',
      description: 'Headquarters administrators. Not paginated: a handful of platforms.',
      auth: 'user',
      responses: { 200: { description: 'The clients.', body: z.object({ clients: z.array(outline('AbisClient', 'An ABIS client (never its key).')) }) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { clients: await abisService.listClients(ctx, user) };
    },
  );

  app.post(
    '/api/abis/clients',
    doc({
      tag: 'Abis',
      summary: 'Allow an identity platform in; its API key is in this answer only',
      auth: 'user',
      body: abisService.NewAbisClient,
      responses: { 201: { description: 'Created.', body: outline('AbisClientCreated', '`{client, apiKey}`.') } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      return reply.code(201).send(await abisService.createClient(ctx, user, abisService.NewAbisClient.parse(request.body)));
    },
  );

  app.post(
    '/api/abis/clients/:id/revoke',
    doc({
      tag: 'Abis',
      summary: 'Revoke an ABIS client\'s key',
      auth: 'user',
      params: IdParams,
      responses: { 200: { description: 'Revoked.', body: z.object({ client: outline('AbisClient', 'An ABIS client (never its key).') }) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { client: await abisService.revokeClient(ctx, user, IdParams.parse(request.params).id) };
    },
  );
}
