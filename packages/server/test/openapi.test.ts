/**
 * The OpenAPI document at /docs/json and Swagger UI at /docs: every API route Fastify has registered is in the
 * document (read from Fastify's own route tree, not from the document's record of it), the document is OpenAPI 3.1
 * in shape (references resolve, path parameters are declared, operation ids are unique), the UI's assets are served
 * by the server itself, and describing routes changed neither validation nor error codes.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from './helpers/databases.js';
import { buildTestApp, errorCode, setupAdmin, type TestApp } from './helpers/app.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every (method, path) Fastify routes, read from `printRoutes({ commonPrefix: false })`: one node a line, nested by
 * four characters of tree drawing per level, `segment (METHOD, ...)` where a route ends.
 */
function registeredRoutes(app: FastifyInstance): Set<string> {
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = [...match[1]!].length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.add(`${method} ${path}`);
    }
  }
  return routes;
}

let database: TestDatabase;
let t: TestApp;
let doc: Json;
before(async () => {
  database = await openTestDatabase('sqlite');
  t = buildTestApp(database.database);
  const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
  assert.equal(response.statusCode, 200);
  doc = response.json() as Json;
});
after(async () => {
  await t.app.close();
  await database.cleanup();
});

const paths = () => doc.paths as Record<string, Record<string, Json>>;
const operations = () =>
  Object.entries(paths()).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })));

test('every registered /api route (and /metrics) is in the document, and nothing else is', () => {
  const registered = [...registeredRoutes(t.app)].filter((r) => / \/api\//.test(r) || r.endsWith(' /metrics')).sort();
  assert.ok(registered.length > 30, `found ${registered.length} routes in Fastify's tree`);
  const documented = operations()
    .map(({ path, method }) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`)
    .sort();
  assert.deepEqual(documented, registered);
});

test('the document is OpenAPI 3.1 in shape: info, tags, responses, resolvable references, declared path parameters', () => {
  assert.equal(doc.openapi, '3.1.0');
  const info = doc.info as Json;
  assert.equal(typeof info.title, 'string');
  assert.equal(typeof info.version, 'string');
  const tagNames = new Set((doc.tags as { name: string }[]).map((tag) => tag.name));
  const components = doc.components as Record<string, Record<string, unknown>>;
  const operationIds = new Set<string>();

  const refs: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') refs.push(inner);
        else collect(inner);
      }
    }
  };
  collect(doc);
  for (const ref of refs) {
    const [, section, name] = /^#\/components\/(schemas|responses)\/(.+)$/.exec(ref) ?? [];
    assert.ok(section && components[section]?.[name!], `unresolved reference ${ref}`);
  }

  for (const { path, method, op } of operations()) {
    const where = `${method.toUpperCase()} ${path}`;
    assert.ok(Array.isArray(op.tags) && (op.tags as string[]).every((tag) => tagNames.has(tag)), `${where} has declared tags`);
    assert.equal(typeof op.summary, 'string', where);
    const responses = op.responses as Record<string, unknown>;
    assert.ok(Object.keys(responses).some((status) => /^2\d\d$/.test(status)), `${where} has a success response`);
    assert.ok(responses['4XX'], `${where} documents its errors`);
    const parameters = (op.parameters ?? []) as { name: string; in: string; required?: boolean }[];
    for (const name of [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)) {
      assert.ok(parameters.some((p) => p.in === 'path' && p.name === name && p.required === true), `${where} declares {${name}}`);
    }
    for (const p of parameters) assert.ok(['path', 'query'].includes(p.in), `${where}: ${p.name} in ${p.in}`);
    if (op.operationId !== undefined) {
      assert.ok(!operationIds.has(op.operationId as string), `operationId ${String(op.operationId)} is unique`);
      operationIds.add(op.operationId as string);
    }
    for (const requirement of (op.security ?? []) as Record<string, unknown>[]) {
      for (const scheme of Object.keys(requirement)) assert.ok(components.securitySchemes?.[scheme], `${where}: scheme ${scheme}`);
    }
  }
});

test('the documented schemas come from the zod schemas the handlers parse with', () => {
  const login = paths()['/api/auth/login']!.post!;
  const body = (((login.requestBody as Json).content as Json)['application/json'] as Json).schema as Json;
  assert.deepEqual(body.required, ['username', 'password']);
  const usersList = paths()['/api/users']!.get!;
  const limit = (usersList.parameters as { name: string; schema: Json }[]).find((p) => p.name === 'limit')!;
  assert.deepEqual([limit.schema.default, limit.schema.maximum], [50, 500]);
  const error = (doc.components as Record<string, Record<string, Json>>).schemas!.Error!;
  const codes = (((error.properties as Json).error as Json).properties as Record<string, Json>).code!.enum as string[];
  assert.ok(codes.includes('PASSWORD_CHANGE_REQUIRED') && codes.includes('VALIDATION_FAILED'));
  assert.deepEqual(Object.keys((doc.components as Record<string, Json>).securitySchemes!).sort(), ['deviceKey', 'sessionBearer', 'sessionCookie']);
});

test('no documented operation carries a machine-readable zone or MRZ in its URL', () => {
  for (const { path, method, op } of operations()) {
    for (const p of (op.parameters ?? []) as { name: string }[]) {
      assert.ok(!/mrz/i.test(p.name), `${method.toUpperCase()} ${path} takes ${p.name} in the URL`);
    }
  }
});

test('/docs answers Swagger UI as HTML, with its assets served by the server, not a CDN', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/docs' });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  assert.doesNotMatch(page.body, /https?:\/\/(?!localhost)[^"']*\.(js|css)/, 'no script or style from elsewhere');
  const scripts = [...page.body.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(scripts.length > 0, page.body.slice(0, 500));
  for (const src of scripts) {
    const url = new URL(src, 'http://server/docs/').pathname;
    const asset = await t.app.inject({ method: 'GET', url });
    assert.equal(asset.statusCode, 200, url);
  }
});

test('describing the routes changed no validation: bad input is still VALIDATION_FAILED from the handlers', async () => {
  const admin = (await setupAdmin(t, database.database)).token;
  const bad = await t.app.inject({ method: 'POST', url: '/api/users', headers: { authorization: `Bearer ${admin}` }, payload: { username: 'x' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(errorCode(bad), 'VALIDATION_FAILED');
  const badQuery = await t.app.inject({ method: 'GET', url: '/api/users?limit=-1', headers: { authorization: `Bearer ${admin}` } });
  assert.equal(errorCode(badQuery), 'VALIDATION_FAILED');
  const signedOut = await t.app.inject({ method: 'GET', url: '/api/users' });
  assert.equal(errorCode(signedOut), 'AUTH_REQUIRED');
});
