import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { buildTestApp, errorCode } from './helpers/app.js';

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
