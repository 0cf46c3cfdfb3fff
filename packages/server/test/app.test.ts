import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { describeEachDialect, openTestDatabase } from './helpers/databases.js';
import { buildTestApp, errorCode, testConfig } from './helpers/app.js';
import { build } from '../src/app.js';
import { ManualClock } from '../src/clock.js';

describeEachDialect('the application skeleton', (context) => {
  test('GET /api/health reports ok and the database dialect', async () => {
    const { app } = buildTestApp(context.database);
    after(() => app.close());
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: context.dialect, time: '2026-11-26T08:00:00.000Z' });
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  test('an unknown route answers 404 ROUTE_NOT_FOUND in the error shape', async () => {
    const { app } = buildTestApp(context.database);
    after(() => app.close());
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json(), { error: { code: 'ROUTE_NOT_FOUND', message: 'no route for GET /api/nothing-here' } });
  });

  test('malformed JSON answers 400 REQUEST_INVALID', async () => {
    const { app } = buildTestApp(context.database);
    after(() => app.close());
    const response = await app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(errorCode(response), 'REQUEST_INVALID');
  });
});

test('request logs name the route pattern, never the query string or path values', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const handle = await openTestDatabase('sqlite');
  const app = build({ database: handle.database, clock: new ManualClock('2026-11-26T08:00:00.000Z'), config: testConfig(), logger });
  try {
    await app.inject({ method: 'GET', url: '/api/travellers?documentType=cnic&documentNumber=1710112345671' });
    await app.inject({ method: 'GET', url: '/api/travellers/6f1c1f8e-3b0e-4a59-9d7e-6a3c6f1b2a10' });
    const log = lines.join('');
    assert.ok(!log.includes('1710112345671') && !log.includes('6f1c1f8e'), log);
    assert.match(log, /"route":"\/api\/travellers\/:id","status":401/);
  } finally {
    await app.close();
    await handle.cleanup();
  }
});

test('with the database gone, health answers 503 and other failures 500 INTERNAL without details', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
  const handle = await openTestDatabase('sqlite');
  const app = build({ database: handle.database, clock: new ManualClock('2026-11-26T08:00:00.000Z'), config: testConfig(), logger });
  try {
    await handle.database.close();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(health.statusCode, 503);
    assert.equal(errorCode(health), 'STORAGE_UNAVAILABLE');
    const posts = await app.inject({ method: 'GET', url: '/api/posts', headers: { authorization: 'Bearer sarhad_st_x' } });
    assert.equal(posts.statusCode, 500);
    assert.equal(errorCode(posts), 'INTERNAL');
    assert.match((posts.json() as { error: { message: string } }).error.message, /^internal error; see the server log for request \S+$/);
    assert.ok(lines.some((l) => l.includes('unhandled error')), 'the failure is logged');
  } finally {
    await app.close();
    await handle.cleanup().catch(() => undefined);
  }
});
