import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { td3 } from './helpers/mrz.js';
import { enrolWithPassport, setupLane, type LaneFixture } from './helpers/lane.js';

const SAFI = { issuingState: 'AFG', surname: 'SAFI', givenNames: 'NASRIN', documentNumber: 'P5550001', nationality: 'AFG', birthDate: '880214', sex: 'F' as const, expiryDate: '320101' };

describeEachDialect('GET /metrics', (context) => {
  let t: TestApp;
  let lane: LaneFixture;

  before(async () => {
    t = buildTestApp(context.database);
    lane = await setupLane(t, context.database);
    await enrolWithPassport(t, lane.officer, 501, { surnameLatin: 'Safi', givenNamesLatin: 'Nasrin', birthDate: '1988-02-14', sex: 'F', nationality: 'AFG' }, SAFI);
  });
  after(() => t.app.close());

  const metrics = async () => {
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    return response.body;
  };
  const crossing = (key: string, extra: object) =>
    t.app.inject({ method: 'POST', url: '/api/crossings', headers: bearer(lane.officer), payload: { post: 'TKM', lane: 'E01', direction: 'in', idempotencyKey: key, ...extra } });

  test('counts each recorded crossing once by recommendation, with its match score, and not its replays', async () => {
    const body = { document: { mrz: td3(SAFI) }, fingers: fingerCaptures(501, [1, 2], 2) };
    assert.equal((await crossing(`metrics-1-${context.dialect}`, body)).statusCode, 201);
    assert.equal((await crossing(`metrics-1-${context.dialect}`, body)).statusCode, 201); // a retry: the same crossing
    const text = await metrics();
    assert.match(text, /^sarhad_crossings_total\{recommendation="clear"\} 1$/m);
    assert.match(text, /^sarhad_match_score_count 1$/m);
    assert.match(text, /^sarhad_match_score_bucket\{le="\+Inf"\} 1$/m);
  });

  test('times requests per route pattern in histogram buckets that add up', async () => {
    const text = await metrics();
    const count = Number(/^sarhad_http_request_duration_seconds_count\{method="POST",route="\/api\/crossings",status="2xx"\} (\d+)$/m.exec(text)?.[1]);
    assert.equal(count, 2);
    const inf = Number(/^sarhad_http_request_duration_seconds_bucket\{method="POST",route="\/api\/crossings",status="2xx",le="\+Inf"\} (\d+)$/m.exec(text)?.[1]);
    assert.equal(inf, count);
  });

  test('reports the open queues, including a crossing waiting for a supervisor', async () => {
    const exception = await crossing(`metrics-2-${context.dialect}`, { document: { mrz: td3(SAFI) }, unableToCapture: { reason: 'both index fingers bandaged after an injury' } });
    assert.equal(exception.statusCode, 201, exception.body);
    const text = await metrics();
    assert.match(text, /^sarhad_crossing_queue\{status="awaiting_supervisor"\} 1$/m);
    assert.match(text, /^sarhad_crossing_queue\{status="in_secondary"\} 0$/m);
  });

  test('carries no name, document number or identifier of a traveller', async () => {
    const text = await metrics();
    for (const secret of ['SAFI', 'Safi', 'Nasrin', 'P5550001']) assert.ok(!text.includes(secret), `${secret} in /metrics`);
    assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
