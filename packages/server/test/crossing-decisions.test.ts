import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, errorCode, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { td3 } from './helpers/mrz.js';
import { enrolWithPassport, setupLane, type LaneFixture } from './helpers/lane.js';
import type { CrossingRecord } from '../src/services/crossing-decisions-service.js';
import { maximumAge } from '../src/domain/crossing-status.js';

const SAFI = { issuingState: 'PAK', surname: 'SAFI', givenNames: 'NADIR', documentNumber: 'CD7654321', nationality: 'PAK', birthDate: '780202', sex: 'M' as const, expiryDate: '300101' };
const CHILD = { issuingState: 'AFG', surname: 'SAFI', givenNames: 'MINA', documentNumber: 'P5550001', nationality: 'AFG', birthDate: '190707', sex: 'F' as const, expiryDate: '290101' };

describeEachDialect('decisions on crossings', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  let key = 0;
  const cross = async (payload: object) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(lane.officer),
      payload: { post: 'TKM', lane: 'E01', direction: 'in', idempotencyKey: `decision-${++key}`, ...payload },
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { crossing: CrossingRecord }).crossing;
  };
  const act = async (id: string, path: string, payload: object, token = lane.officer) =>
    t.app.inject({ method: 'POST', url: `/api/crossings/${id}/${path}`, headers: bearer(token), payload });
  const record = (response: { json(): unknown }) => (response.json() as { crossing: CrossingRecord }).crossing;

  before(async () => {
    t = buildTestApp(context.database);
    lane = await setupLane(t, context.database);
    await enrolWithPassport(t, lane.officer, 401, { surnameLatin: 'Safi', givenNamesLatin: 'Nadir', birthDate: '1978-02-02', sex: 'M', nationality: 'PAK' }, SAFI);
  });
  after(() => t.app.close());

  test('an officer clears a clear crossing without a reason, and the decision is recorded and audited', async () => {
    const crossing = await cross({ document: { mrz: td3(SAFI) }, fingers: fingerCaptures(401, [1, 2], 2) });
    assert.deepEqual([crossing.recommendation, crossing.status], ['clear', 'awaiting_decision']);
    const response = await act(crossing.id, 'decision', { decision: 'clear' });
    assert.equal(response.statusCode, 200, response.body);
    const decided = record(response);
    assert.equal(decided.status, 'cleared');
    assert.deepEqual(decided.decisions.map((d) => [d.kind, d.decision, d.statusBefore, d.statusAfter]), [['officer', 'clear', 'awaiting_decision', 'cleared']]);
    const audit = await context.database.db.selectFrom('audit_log').select('details').where('action', '=', 'crossing.decided').where('subject', '=', `crossing:${crossing.id}`).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.details).statusAfter, 'cleared');
    assert.equal(errorCode(await act(crossing.id, 'decision', { decision: 'refuse', reason: 'second thoughts' })), 'CROSSING_DECISION_NOT_ALLOWED');
  });

  test('referring to secondary needs a reason, and secondary inspection ends the crossing', async () => {
    const crossing = await cross({ document: { mrz: td3(SAFI) } });
    assert.equal(crossing.recommendation, 'secondary');
    assert.equal(errorCode(await act(crossing.id, 'decision', { decision: 'refer_secondary' })), 'VALIDATION_FAILED');
    assert.equal(record(await act(crossing.id, 'decision', { decision: 'refer_secondary', reason: 'scanner down, check by hand' })).status, 'in_secondary');
    const queue = await t.app.inject({ method: 'GET', url: '/api/crossings?post=TKM&status=in_secondary', headers: bearer(lane.officer) });
    assert.deepEqual((queue.json() as { crossings: { id: string }[] }).crossings.map((c) => c.id), [crossing.id]);
    const outcome = await act(crossing.id, 'secondary', { outcome: 'refuse', reason: 'passport photo does not match' });
    assert.equal(outcome.statusCode, 200, outcome.body);
    assert.deepEqual(record(outcome).decisions.map((d) => d.kind), ['officer', 'secondary']);
    assert.equal(record(outcome).status, 'refused');
  });

  test('an officer cannot clear an alert; a supervisor can, with a reason', async () => {
    const crossing = await cross({ document: { mrz: td3(SAFI) }, fingers: fingerCaptures(499, [1, 2], 1) });
    assert.equal(crossing.recommendation, 'secondary');
    // Fingers of an enrolled someone else make an alert.
    await enrolWithPassport(t, lane.officer, 402, { surnameLatin: 'Other', givenNamesLatin: 'Man', birthDate: '1978-02-02', sex: 'M', nationality: 'PAK' }, { ...SAFI, surname: 'OTHER', documentNumber: 'EF1112223' });
    const alert = await cross({ document: { mrz: td3(SAFI) }, fingers: fingerCaptures(402, [1, 6], 2) });
    assert.equal(alert.recommendation, 'alert');
    assert.equal(errorCode(await act(alert.id, 'decision', { decision: 'clear', reason: 'looks fine to me' })), 'CROSSING_DECISION_NOT_ALLOWED');
    assert.equal(errorCode(await act(alert.id, 'supervisor', { decision: 'clear', reason: 'short' }, lane.supervisor)), 'VALIDATION_FAILED');
    const cleared = await act(alert.id, 'supervisor', { decision: 'clear', reason: 'brothers share a passport photo; documents verified by phone' }, lane.supervisor);
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.deepEqual(record(cleared).decisions.map((d) => [d.kind, d.statusAfter]), [['supervisor', 'cleared']]);
  });

  test('a supervisor overrides a final decision with a reason, recorded as an override', async () => {
    const crossing = await cross({ document: { mrz: td3(SAFI) }, fingers: fingerCaptures(401, [6], 3) });
    await act(crossing.id, 'decision', { decision: 'refuse', reason: 'visa doubts' });
    assert.equal(errorCode(await act(crossing.id, 'supervisor', { decision: 'clear', reason: 'no visa needed for PAK' })), 'FORBIDDEN_ROLE');
    const overridden = await act(crossing.id, 'supervisor', { decision: 'clear', reason: 'citizens need no visa on this side' }, lane.supervisor);
    assert.equal(overridden.statusCode, 200, overridden.body);
    assert.deepEqual(record(overridden).decisions.map((d) => [d.kind, d.decision]), [['officer', 'refuse'], ['override', 'clear']]);
    assert.equal(errorCode(await act(crossing.id, 'supervisor', { decision: 'clear', reason: 'again the same thing' }, lane.supervisor)), 'CROSSING_DECISION_NOT_ALLOWED');
  });

  test('a child under the fingerprint age crosses without fingers on a supervisor decision', async () => {
    const crossing = await cross({ document: { mrz: td3(CHILD) } });
    assert.deepEqual(crossing.fingerprintException, { kind: 'under_age', reason: null });
    assert.equal(crossing.status, 'awaiting_supervisor');
    assert.ok(crossing.reasons.some((r) => r.code === 'fingerprints_exempt_age'));
    assert.equal(errorCode(await act(crossing.id, 'decision', { decision: 'clear', reason: 'a child' })), 'CROSSING_DECISION_NOT_ALLOWED');
    const queue = await t.app.inject({ method: 'GET', url: '/api/crossings?post=TKM&status=awaiting_supervisor', headers: bearer(lane.supervisor) });
    assert.ok((queue.json() as { crossings: { id: string }[] }).crossings.some((c) => c.id === crossing.id));
    const cleared = await act(crossing.id, 'supervisor', { decision: 'clear', reason: 'child travelling with her father' }, lane.supervisor);
    assert.equal(record(cleared).status, 'cleared');
  });

  test('"unable to capture" needs a reason, is recorded with the crossing, and waits for a supervisor', async () => {
    const crossing = await cross({ document: { mrz: td3(SAFI) }, unableToCapture: { reason: 'bandaged hands after burns' } });
    assert.deepEqual(crossing.fingerprintException, { kind: 'unable_to_capture', reason: 'bandaged hands after burns' });
    assert.equal(crossing.status, 'awaiting_supervisor');
    const read = await t.app.inject({ method: 'GET', url: `/api/crossings/${crossing.id}`, headers: bearer(lane.supervisor) });
    assert.equal(record(read).fingerprintException?.kind, 'unable_to_capture');
    const both = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(lane.officer),
      payload: { post: 'TKM', lane: 'E01', direction: 'in', idempotencyKey: 'both-fingers-and-exception', fingers: fingerCaptures(401, [1], 4), unableToCapture: { reason: 'none at all' } },
    });
    assert.equal(errorCode(both), 'VALIDATION_FAILED');
  });

  test('the minimum age for fingerprints comes from the configuration', async () => {
    const strict = buildTestApp(context.database, { SARHAD_FINGERPRINT_MIN_AGE_YEARS: '6' });
    try {
      const response = await strict.app.inject({
        method: 'POST',
        url: '/api/crossings',
        headers: bearer(lane.officer),
        payload: { post: 'TKM', lane: 'E01', direction: 'in', idempotencyKey: 'child-min-age-6', document: { mrz: td3(CHILD) } },
      });
      const crossing = (response.json() as { crossing: CrossingRecord }).crossing;
      assert.equal(crossing.fingerprintException, null);
      assert.equal(crossing.status, 'awaiting_decision');
    } finally {
      await strict.app.close();
    }
  });
});

test('the oldest possible age of a partial birth date decides a fingerprint exemption', () => {
  assert.equal(maximumAge('2015', '2026-11-26'), 11);
  assert.equal(maximumAge('2014-12', '2026-11-26'), 11);
  assert.equal(maximumAge('2014-11-26', '2026-11-26'), 12);
  assert.equal(maximumAge('2014-11-27', '2026-11-26'), 11);
});
