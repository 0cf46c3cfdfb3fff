/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas the handlers parse with, served at
 * `/docs/json` and browsed with Swagger UI at `/docs` (its assets come from the installed @fastify/swagger-ui
 * package, never a CDN: posts run offline).
 *
 * Validation stays where it is, in the handlers (`Schema.parse(request.body)`), so bad input is VALIDATION_FAILED
 * from the one error handler and nothing is validated twice. A route describes itself with `doc({...})`, which puts
 * its zod schemas in the route's `config.openapi`; Fastify never sees them as a validation `schema`. An `onRoute`
 * hook added before any route records every route as it is registered, and the document is built from that record
 * on first request (zod 4's `z.toJSONSchema`, input side: what a client sends). A route without `doc()` still
 * appears, under its path's area, marked undocumented.
 *
 * The document and the UI need no sign-in: they describe the API, hold no data, and the API itself still refuses
 * every call without credentials. Keep the port off public networks as for the rest of the API.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { z } from 'zod';
import { SERVER_ERROR_CODES } from '../errors.js';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '../services/pagination.js';

/** Who may call a route: nobody in particular, a signed-in user, a lane device key, or either. */
export type AuthScheme = 'none' | 'user' | 'device' | 'userOrDevice';

/** A response: its description, and the zod schema of its body when there is one. */
export interface ResponseDoc {
  readonly description: string;
  readonly body?: z.ZodType;
}

/** What a route tells the OpenAPI document about itself. */
export interface RouteDoc {
  /** The area, e.g. `Crossings`; one of {@link TAGS}. */
  readonly tag: Tag;
  readonly summary: string;
  readonly description?: string;
  readonly auth: AuthScheme;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Success responses by status; errors are added for every route. */
  readonly responses: Readonly<Record<number, ResponseDoc>>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    openapi?: RouteDoc;
  }
}

/** Areas of the API, in the order the document lists them. */
export const TAGS = {
  Health: 'Liveness and metrics; no sign-in.',
  Setup: 'First-run setup of the first administrator.',
  Auth: 'Sessions and one\'s own password.',
  Users: 'Accounts, roles and post grants.',
  Posts: 'Posts, lanes and lane devices.',
  Travellers: 'Travellers and their documents.',
  Enrolment: 'Fingerprints, enrolment with 1:N de-duplication, adjudication of possible duplicates.',
  Crossings: 'Crossings at lanes, decisions, queues.',
  Movements: 'Movement histories and the overstays report.',
  Watchlists: 'Watchlist imports and versions.',
  Audit: 'The hash-chained audit log and signed checkpoints.',
  Dashboard: 'The supervisor dashboard and live events.',
  Abis: 'Identity platforms allowed to use the MOSIP-ABIS-compatible interface (`/abis`, outside this document).',
  Demo: 'Demo data and the simulated lane.',
  Other: 'Routes not described yet.',
} as const;
export type Tag = keyof typeof TAGS;

/** Route options carrying a route's description (spread into the options of `app.get(url, options, handler)`). */
export function doc(description: RouteDoc): { config: { openapi: RouteDoc } } {
  return { config: { openapi: description } };
}

/** The error body every failure answers with. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(SERVER_ERROR_CODES as [string, ...string[]]).meta({ description: 'Stable code, listed in docs/errors.md.' }),
      message: z.string().meta({ description: 'For people; names the offending value. Never parse it.' }),
    }),
  })
  .meta({ id: 'Error' });

/** `{ <key>: items, nextCursor }`, the answer of every paginated list. */
export function pageBody(key: string, item: z.ZodType): z.ZodType {
  return z.object({
    [key]: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  });
}

/** Paths served by the documentation itself, left out of the document. */
const DOCS_PREFIX = '/docs';

interface RecordedRoute {
  readonly method: string;
  readonly url: string;
  readonly doc: RouteDoc | undefined;
}

const SECURITY: Readonly<Record<AuthScheme, readonly Record<string, string[]>[]>> = {
  none: [],
  user: [{ sessionCookie: [] }, { sessionBearer: [] }],
  device: [{ deviceKey: [] }],
  userOrDevice: [{ sessionCookie: [] }, { sessionBearer: [] }, { deviceKey: [] }],
};

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses) of `schema`: what a client sends (`input`) or what the server
 * answers (`output`). Schemas with a `.meta({ id })` become `components.schemas` entries collected in `defs`.
 */
function jsonSchema(schema: z.ZodType, defs: Map<string, JsonSchema>, io: 'input' | 'output' = 'input'): JsonSchema {
  const converted = toComponentRefs(z.toJSONSchema(schema, { io, unrepresentable: 'any' })) as JsonSchema;
  delete converted.$schema;
  const found = converted.$defs as Record<string, JsonSchema> | undefined;
  delete converted.$defs;
  for (const [id, def] of Object.entries(found ?? {})) defs.set(id, def);
  const id = converted.id;
  if (typeof id === 'string') {
    delete converted.id;
    defs.set(id, converted);
    return { $ref: `#/components/schemas/${id}` };
  }
  return converted;
}

/** Rewrites zod's local `#/$defs/<id>` references to the document's `#/components/schemas/<id>`. */
function toComponentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toComponentRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? inner.replace(/^#\/\$defs\//, '#/components/schemas/') : toComponentRefs(inner),
    ]),
  );
}

/** Path or query parameters from an object schema (a union of objects, as traveller search, merges them). */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', defs: Map<string, JsonSchema>): JsonSchema[] {
  if (!schema) return [];
  const converted = jsonSchema(schema, defs);
  const variants = (converted.anyOf ?? converted.oneOf ?? [converted]) as JsonSchema[];
  const seen = new Map<string, JsonSchema>();
  for (const variant of variants) {
    const properties = (variant.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((variant.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      if (seen.has(name)) continue;
      const { description, ...rest } = property;
      seen.set(name, {
        name,
        in: where,
        required: where === 'path' || (variants.length === 1 && required.has(name) && rest.default === undefined),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return [...seen.values()];
}

/** `/api/users/:id` → `/api/users/{id}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operation(route: RecordedRoute, defs: Map<string, JsonSchema>): JsonSchema {
  const d = route.doc;
  const errors = { $ref: '#/components/responses/Error' };
  if (!d) {
    return {
      tags: ['Other'],
      summary: `${route.method} ${route.url}`,
      description: 'Not described yet.',
      parameters: parameters(z.object(Object.fromEntries([...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => [m[1]!, z.string()]))), 'path', defs),
      responses: { '200': { description: 'Success.' }, '4XX': errors, '5XX': errors },
    };
  }
  const responses: JsonSchema = {};
  for (const [status, response] of Object.entries(d.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.body ? { content: { 'application/json': { schema: jsonSchema(response.body, defs, 'output') } } } : {}),
    };
  }
  responses['4XX'] = errors;
  responses['5XX'] = errors;
  return {
    tags: [d.tag],
    summary: d.summary,
    ...(d.description ? { description: d.description } : {}),
    operationId: `${route.method.toLowerCase()}${route.url.replace(/[/:{}-]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    security: SECURITY[d.auth],
    parameters: [...parameters(d.params, 'path', defs), ...parameters(d.query, 'query', defs)],
    ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(d.body, defs) } } } } : {}),
    responses,
  };
}

/** Builds the OpenAPI document from the recorded routes. */
export function openApiDocument(routes: readonly RecordedRoute[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const defs = new Map<string, JsonSchema>();
  jsonSchema(ErrorBody, defs, 'output');
  const sorted = [...routes].sort((a, b) => (a.url === b.url ? a.method.localeCompare(b.method) : a.url < b.url ? -1 : 1));
  for (const route of sorted) {
    const path = openApiPath(route.url);
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route, defs);
  }
  const usedTags = new Set(sorted.map((r) => r.doc?.tag ?? 'Other'));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sarhad API',
      version: '0.1.0',
      description:
        'The API of a Sarhad border-crossing post. Errors are `{ "error": { "code", "message" } }` with the codes of ' +
        `docs/errors.md. Lists are paginated: \`limit\` (default ${PAGE_LIMIT_DEFAULT}, at most ${PAGE_LIMIT_MAX}) and an ` +
        'opaque `cursor` (the `nextCursor` of the previous page; keyset, so pages stay stable under inserts). Personal ' +
        'data never travels in URLs (MRZ lookups are POST). An account whose password an administrator set answers ' +
        'PASSWORD_CHANGE_REQUIRED everywhere except `POST /api/auth/password`, `GET /api/auth/me` and sign-out.',
    },
    tags: (Object.keys(TAGS) as Tag[]).filter((t) => usedTags.has(t)).map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      schemas: Object.fromEntries([...defs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
      responses: {
        Error: { description: 'A failure, with its stable code.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sarhad_session', description: 'Set by POST /api/auth/login (HttpOnly, SameSite=Strict).' },
        sessionBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'sarhad_st_…', description: 'The `token` POST /api/auth/login answers.' },
        deviceKey: { type: 'http', scheme: 'bearer', bearerFormat: 'sarhad_dk_…', description: 'A lane device\'s API key, shown once at registration.' },
      },
    },
  };
}

/** Whether a route belongs in the document: the API and /metrics, not the UI's files or the documentation. */
function documented(route: RouteOptions): boolean {
  return (route.url.startsWith('/api/') || route.url === '/metrics') && !route.url.startsWith(DOCS_PREFIX);
}

/**
 * Records every route registered from now on and serves the document at /docs/json and Swagger UI at /docs. Call
 * right after creating the app, before any route.
 */
export function registerOpenApi(app: FastifyInstance): void {
  const routes: RecordedRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!documented(route)) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, doc: route.config?.openapi });
    }
  });
  let document: JsonSchema | undefined;
  // @fastify/swagger only collects routes registered after it loads (Fastify loads plugins at ready); the record
  // above has them all, so its document is replaced by ours, built once on first use.
  void app.register(swagger, { openapi: { openapi: '3.1.0' }, transformObject: () => (document ??= openApiDocument(routes)) });
  void app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true, uiConfig: { deepLinking: true, docExpansion: 'list' } });
}
