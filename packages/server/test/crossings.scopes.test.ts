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

  test('an officer at Chaman cannot decide a Torkham crossing, and an analyst decides none', async () => {
    for (const [who, code] of [['chaman', 'CROSSING_NOT_FOUND'], ['analyst', 'FORBIDDEN_ROLE'], ['enrolment', 'FORBIDDEN_ROLE']] as const) {
      const response = await t.app.inject({ method: 'POST', url: `/api/crossings/${crossingId}/decision`, headers: bearer(tokens[who]!), payload: { decision: 'refuse', reason: 'not mine to decide' } });
      assert.equal(errorCode(response), code, who);
    }
  });

  test('only supervisors decide on the supervisor path, and a device decides nothing', async () => {
    const officer = await t.app.inject({ method: 'POST', url: `/api/crossings/${crossingId}/supervisor`, headers: bearer(lane.officer), payload: { decision: 'refuse', reason: 'officers are not supervisors' } });
    assert.equal(errorCode(officer), 'FORBIDDEN_ROLE');
    const device = await t.app.inject({ method: 'POST', url: `/api/crossings/${crossingId}/decision`, headers: bearer(lane.deviceKey), payload: { decision: 'refuse', reason: 'devices do not decide' } });
    assert.equal(errorCode(device), 'FORBIDDEN_PRINCIPAL');
  });

  test("an officer at Chaman sees neither Torkham's queues nor its overstays", async () => {
    const queue = await t.app.inject({ method: 'GET', url: '/api/crossings?post=TKM&status=awaiting_decision', headers: bearer(tokens.chaman!) });
    assert.equal(errorCode(queue), 'FORBIDDEN_POST');
    const report = await t.app.inject({ method: 'GET', url: '/api/reports/overstays?post=TKM', headers: bearer(tokens.chaman!) });
    assert.equal(errorCode(report), 'FORBIDDEN_POST');
  });

  test('administrators read neither movement histories nor the overstays report', async () => {
    const report = await t.app.inject({ method: 'GET', url: '/api/reports/overstays', headers: bearer(lane.admin) });
    assert.equal(errorCode(report), 'FORBIDDEN_ROLE');
    const history = await t.app.inject({ method: 'GET', url: '/api/travellers/00000000-0000-4000-8000-000000000000/movements', headers: bearer(lane.admin) });
    assert.equal(errorCode(history), 'FORBIDDEN_ROLE');
  });
});
