import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, type TestApp } from './helpers/app.js';
import { setupLane, type LaneFixture } from './helpers/lane.js';

describeEachDialect('who may record and read crossings', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  const tokens: Record<string, string> = {};
  let crossingId: string;
  const cross = (token: string, post = 'TKM', key = `k-${Math.random().toString(36).slice(2, 12)}`) =>
    t.app.inject({ method: 'POST', url: '/api/crossings', headers: bearer(token), payload: { post, lane: 'E01', direction: 'out', idempotencyKey: key } });

  before(async () => {
    t = buildTestApp(context.database);
    lane = await setupLane(t, context.database);
    await createPost(t, lane.admin, { code: 'CMN', name: 'Chaman', lanes: ['E01'] });
    tokens.chaman = (await createUser(t, lane.admin, { username: 'officer.cmn', roles: ['officer'], posts: ['CMN'] })).token;
    tokens.enrolment = (await createUser(t, lane.admin, { username: 'enrol.tkm', roles: ['enrolment_officer'], posts: ['TKM'] })).token;
    tokens.analyst = (await createUser(t, lane.admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true })).token;
    const device = await t.app.inject({ method: 'POST', url: '/api/posts/CMN/devices', headers: bearer(lane.admin), payload: { lane: 'E01', name: 'Chaman reader' } });
    tokens.chamanDevice = (device.json() as { apiKey: string }).apiKey;
    const recorded = await cross(lane.officer);
    assert.equal(recorded.statusCode, 201, recorded.body);
    crossingId = (recorded.json() as { crossing: { id: string } }).crossing.id;
  });
  after(() => t.app.close());

  test('an officer at Chaman cannot record a crossing at Torkham', async () => {
    assert.equal(errorCode(await cross(tokens.chaman!)), 'FORBIDDEN_POST');
  });

  test('a Chaman lane device cannot record a crossing at Torkham', async () => {
    assert.equal(errorCode(await cross(tokens.chamanDevice!)), 'FORBIDDEN_POST');
  });

  test('enrolment officers, analysts and administrators do not process crossings', async () => {
    for (const who of ['enrolment', 'analyst']) assert.equal(errorCode(await cross(tokens[who]!)), 'FORBIDDEN_ROLE', who);
    assert.equal(errorCode(await cross(lane.admin)), 'FORBIDDEN_ROLE');
  });

  test('neither an officer nor a device at Chaman can read a Torkham crossing', async () => {
    for (const token of [tokens.chaman!, tokens.chamanDevice!]) {
      const read = await t.app.inject({ method: 'GET', url: `/api/crossings/${crossingId}`, headers: bearer(token) });
      assert.equal(errorCode(read), 'CROSSING_NOT_FOUND');
    }
  });

  test('an officer session must name its post and lane', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/crossings', headers: bearer(lane.officer), payload: { direction: 'in', idempotencyKey: 'no-place-1' } });
    assert.equal(errorCode(response), 'VALIDATION_FAILED');
  });
});
