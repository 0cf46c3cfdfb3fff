/**
 * Builds the Fastify application from its dependencies. Nothing is global: tests build as many apps as they like,
 * each over its own database, clock and logger, and call them in-process with `app.inject()`.
 *
 * Errors become HTTP responses here and only here: `ServerError` keeps its status and code, zod validation
 * failures become VALIDATION_FAILED, Fastify's own 4xx (bad JSON, body too large) become REQUEST_INVALID, and
 * anything else is logged and answered as INTERNAL without details. Every error body is
 * `{ "error": { "code": "...", "message": "..." } }`.
 */
import { ExtractionPool } from '@sarhad/engine';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { SERVER_ERRORS, ServerError, type ServerErrorCode } from './errors.js';
import type { ServiceContext } from './services/context.js';
import { healthRoutes } from './routes/health-routes.js';
import { registerOpenApi } from './routes/openapi.js';
import { setupRoutes } from './routes/setup-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { postsRoutes } from './routes/posts-routes.js';
import { usersRoutes } from './routes/users-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { travellersRoutes } from './routes/travellers-routes.js';
import { fingerprintsRoutes } from './routes/fingerprints-routes.js';
import { webRoutes } from './routes/web-routes.js';
import type { IdentificationGallery } from './services/identification-gallery.js';
import { createGallery } from './services/galleries.js';
import { WatchlistScreening } from './services/watchlist-screening.js';
import { watchlistsRoutes } from './routes/watchlists-routes.js';
import { crossingsRoutes } from './routes/crossings-routes.js';
import { movementsRoutes } from './routes/movements-routes.js';
import { reportsRoutes } from './routes/reports-routes.js';
import { retentionRoutes } from './routes/retention-routes.js';
import { auditSigningRoutes } from './routes/audit-signing-routes.js';
import { loadAuditSigningKey, type AuditSigningKey } from './services/audit-signing-service.js';
import { Metrics } from './services/metrics.js';
import { metricsRoutes } from './routes/metrics-routes.js';
import { abisRoutes } from './routes/abis-routes.js';
import { demoRoutes } from './routes/demo-routes.js';
import { EventBus } from './services/events.js';
import { dashboardRoutes } from './routes/dashboard-routes.js';
import { eventsRoutes } from './routes/events-routes.js';

/** What the application needs from the outside world. */
export interface AppDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: Config;
  /** The 1:N gallery; by default an exhaustive in-memory gallery over this database. */
  readonly gallery?: IdentificationGallery;
  /** The audit signing key (startServer loads it at start); by default read from the configured file on first use. */
  readonly auditSigningKey?: AuditSigningKey;
}

/** Largest request body accepted. */
const BODY_LIMIT_BYTES = 1024 * 1024; // 1 MiB: JSON only; images have their own routes later

export function build(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify's own request log writes the full URL, and query strings carry personal data (document numbers in
    // traveller searches). The onResponse hook below logs the route pattern instead.
    disableRequestLogging: true,
  }) as unknown as FastifyInstance;
  // First, so that it records every route registered below for the OpenAPI document (/docs, /docs/json).
  registerOpenApi(app);
  let auditSigningKey = deps.auditSigningKey;
  // Workers start with the first raster a lane sends (an app that only sees templates starts none) and end here.
  const extraction = new ExtractionPool({ workers: deps.config.extraction.workers });
  app.addHook('onClose', () => extraction.close());
  const ctx: ServiceContext = Object.freeze({
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    config: deps.config,
    logger: deps.logger,
    extraction,
    gallery: deps.gallery ?? createGallery(deps.database.db, deps.config, undefined, deps.logger),
    watchlists: new WatchlistScreening(deps.database.db),
    metrics: new Metrics(),
    events: new EventBus(deps.logger),
    auditKey: () => (auditSigningKey ??= loadAuditSigningKey(deps.config)),
  });
  // The gallery is read from the database before the first request is served (Fastify runs onReady at listen
  // and before the first inject). If the database is down the server still starts (health reports it) and the
  // gallery loads on first use.
  // A gallery built here is closed here (its worker threads); one passed in belongs to the caller.
  if (!deps.gallery) app.addHook('onClose', () => ctx.gallery.close());
  app.addHook('onReady', async () => {
    try {
      await ctx.gallery.ready();
    } catch (error) {
      deps.logger.error({ err: error }, 'fingerprint gallery not loaded; it loads on first use');
    }
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    // Everything this API returns is personal or security data: never cache it, never sniff it.
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    ctx.metrics.observeRequest(request.method, request.routeOptions.url ?? '(no route)', reply.statusCode, reply.elapsedTime);
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    const send = (code: ServerErrorCode, message: string, status: number = SERVER_ERRORS[code]) =>
      reply.code(status).send({ error: { code, message } });
    if (error instanceof ServerError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return send(error.code, error.message, error.status);
    }
    if (error instanceof ZodError) {
      return send(
        'VALIDATION_FAILED',
        error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`).join('; '),
      );
    }
    // Fastify's own client errors (bad JSON 400, body too large 413, unsupported media type 415) keep their status.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return send('REQUEST_INVALID', (error as Error).message, status);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send('INTERNAL', `internal error; see the server log for request ${request.id}`);
  });

  app.setNotFoundHandler(async (request) => {
    throw new ServerError('ROUTE_NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`);
  });

  healthRoutes(app, ctx);
  metricsRoutes(app, ctx);
  setupRoutes(app, ctx);
  authRoutes(app, ctx);
  postsRoutes(app, ctx);
  usersRoutes(app, ctx);
  auditRoutes(app, ctx);
  travellersRoutes(app, ctx);
  fingerprintsRoutes(app, ctx);
  webRoutes(app, ctx);
  watchlistsRoutes(app, ctx);
  crossingsRoutes(app, ctx);
  movementsRoutes(app, ctx);
  reportsRoutes(app, ctx);
  retentionRoutes(app, ctx);
  auditSigningRoutes(app, ctx);
  abisRoutes(app, ctx);
  demoRoutes(app, ctx);
  dashboardRoutes(app, ctx);
  eventsRoutes(app, ctx);
  return app;
}
