import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, errorCode, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { td3 } from './helpers/mrz.js';
import { enrolWithPassport, setupLane, type LaneFixture } from './helpers/lane.js';
import { NATIONAL_SMALL_CSV } from './helpers/watchlists.js';
import type { Crossing } from '../src/services/crossings-service.js';

const KHAN = { issuingState: 'PAK', surname: 'KHAN', givenNames: 'AHMED', documentNumber: 'AB1234567', nationality: 'PAK', birthDate: '850101', sex: 'M' as const, expiryDate: '300101' };
const NOORI = { issuingState: 'AFG', surname: 'NOORI', givenNames: 'ZARMINA', documentNumber: 'P0099887', nationality: 'AFG', birthDate: '900512', sex: 'F' as const, expiryDate: '310101' };
const DURRANI = { issuingState: 'AFG', surname: 'DURRANI', givenNames: 'AHMAD SHAH', documentNumber: 'P7654321', nationality: 'AFG', birthDate: '620315', sex: 'M' as const, expiryDate: '290101' };

describeEachDialect('the crossing transaction', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  let khan: string;
  let noori: string;
  let key = 0;
  const nextKey = () => `crossing-${++key}-${context.dialect}`;
  const cross = async (payload: object, token = lane.officer) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/crossings', headers: bearer(token), payload: { post: 'TKM', lane: 'E01', direction: 'in', ...payload } });
    return { response, crossing: (response.json() as { crossing: Crossing }).crossing };
  };
  const codes = (c: Crossing) => c.reasons.map((r) => r.code);

  before(async () => {
    t = buildTestApp(context.database);
    lane = await setupLane(t, context.database);
    khan = await enrolWithPassport(t, lane.officer, 301, { surnameLatin: 'Khan', givenNamesLatin: 'Ahmed', birthDate: '1985-01-01', sex: 'M', nationality: 'PAK' }, KHAN);
    noori = await enrolWithPassport(t, lane.officer, 302, { surnameLatin: 'Noori', givenNamesLatin: 'Zarmina', birthDate: '1990-05-12', sex: 'F', nationality: 'AFG' }, NOORI);
  });
  after(() => t.app.close());

  test('before any watchlist is imported, a crossing says nothing was screened', async () => {
    const { response, crossing } = await cross({ idempotencyKey: nextKey(), document: { mrz: td3(KHAN) }, fingers: fingerCaptures(301, [1, 2], 2) });
    assert.equal(response.statusCode, 201, response.body);
    assert.ok(codes(crossing).includes('no_watchlists_loaded'));
    assert.equal(crossing.recommendation, 'clear');
  });

  test('clears a passport holder whose fingers verify, with the score band, document validity and screened lists', async () => {
    const imported = await t.app.inject({ method: 'POST', url: '/api/watchlists/import', headers: bearer(lane.admin), payload: { text: NATIONAL_SMALL_CSV } });
    assert.equal(imported.statusCode, 201, imported.body);
    const { response, crossing } = await cross({ idempotencyKey: nextKey(), document: { mrz: td3(KHAN).join('\n') }, fingers: fingerCaptures(301, [1, 6], 2) });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(crossing.recommendation, 'clear', JSON.stringify(crossing.reasons));
    assert.equal(crossing.traveller?.id, khan);
    assert.deepEqual([crossing.biometrics.method, crossing.biometrics.outcome, crossing.biometrics.band], ['verification', 'verified', 'strong']);
    assert.deepEqual(crossing.biometrics.fingers.map((f) => f.position), [1, 6]);
    assert.deepEqual([crossing.document.known, crossing.document.status, crossing.document.validUntil], [true, 'valid', '2030-01-01']);
    assert.deepEqual(crossing.watchlist.versions.map((v) => v.source), ['national']);
    assert.deepEqual(crossing.watchlist.hits, []);
    const audit = await context.database.db.selectFrom('audit_log').select(['details', 'post']).where('subject', '=', `crossing:${crossing.id}`).executeTakeFirstOrThrow();
    const details = JSON.parse(audit.details) as Record<string, unknown>;
    assert.deepEqual([audit.post, details.travellerId, details.recommendation, details.method], ['TKM', khan, 'clear', 'verification']);
  });

  test('a retried submission gets the same answer and is recorded once; a reused key with another request is refused', async () => {
    const idempotencyKey = nextKey();
    const payload = { idempotencyKey, document: { mrz: td3(NOORI) }, fingers: fingerCaptures(302, [2], 2) };
    const first = await cross(payload);
    const second = await cross(payload);
    assert.equal(second.response.statusCode, 201);
    assert.equal(second.response.headers['idempotent-replay'], 'true');
    assert.deepEqual(second.crossing, first.crossing);
    const rows = await context.database.db.selectFrom('crossings').select('id').where('idempotency_key', '=', idempotencyKey).execute();
    assert.equal(rows.length, 1);
    const reused = await cross({ ...payload, direction: 'out' });
    assert.equal(reused.response.statusCode, 409);
    assert.equal(errorCode(reused.response), 'IDEMPOTENCY_KEY_REUSED');
  });

  test('simultaneous copies of one submission record one crossing', async () => {
    const payload = { idempotencyKey: nextKey(), document: { mrz: td3(NOORI) }, fingers: fingerCaptures(302, [7], 3) };
    const results = await Promise.all([cross(payload), cross(payload), cross(payload)]);
    assert.equal(new Set(results.map((r) => r.crossing.id)).size, 1);
  });

  test("alerts when the fingers presented with one traveller's passport are another enrolled traveller's", async () => {
    const { crossing } = await cross({ idempotencyKey: nextKey(), document: { mrz: td3(KHAN) }, fingers: fingerCaptures(302, [1, 2], 4) });
    assert.equal(crossing.recommendation, 'alert');
    assert.equal(crossing.biometrics.outcome, 'not_verified');
    assert.equal(crossing.biometrics.band, 'insufficient');
    assert.deepEqual(crossing.biometrics.candidates.map((c) => c.travellerId), [noori]);
    assert.ok(codes(crossing).includes('fingerprints_match_other_traveller'));
  });

  test('identifies a traveller by fingers alone when no document is presented, and refers them for the document', async () => {
    const { crossing } = await cross({ idempotencyKey: nextKey(), fingers: fingerCaptures(302, [6, 7], 5) });
    assert.deepEqual([crossing.biometrics.method, crossing.biometrics.outcome, crossing.traveller?.id], ['identification', 'identified', noori]);
    assert.deepEqual(codes(crossing).sort(), ['document_missing', 'identified_by_fingerprints']);
    assert.equal(crossing.recommendation, 'secondary');
  });

  test('a traveller identified by fingers with an unregistered passport is referred to register it', async () => {
    const renewed = { ...NOORI, documentNumber: 'P0099999', expiryDate: '360101' };
    const { crossing } = await cross({ idempotencyKey: nextKey(), document: { mrz: td3(renewed) }, fingers: fingerCaptures(302, [1], 7) });
    assert.deepEqual([crossing.biometrics.outcome, crossing.traveller?.id, crossing.document.known], ['identified', noori, false]);
    assert.deepEqual(codes(crossing).sort(), ['document_not_registered', 'identified_by_fingerprints']);
    assert.equal(crossing.recommendation, 'secondary');
  });

  test('an unregistered, expired passport with unknown fingers is referred, with each reason', async () => {
    const stranger = { ...KHAN, surname: 'STRANGER', documentNumber: 'ZZ0000001', expiryDate: '200101' };
    const { crossing } = await cross({ idempotencyKey: nextKey(), document: { mrz: td3(stranger) }, fingers: fingerCaptures(399, [1], 1) });
    assert.equal(crossing.traveller, null);
    assert.deepEqual([crossing.document.known, crossing.document.status], [false, 'expired']);
    assert.equal(crossing.biometrics.outcome, 'not_identified');
    assert.deepEqual(codes(crossing).sort(), ['document_expired', 'traveller_unknown']);
    assert.equal(crossing.recommendation, 'secondary');
  });

  test('alerts on a watchlisted traveller and explains the hit', async () => {
    const durrani = await enrolWithPassport(t, lane.officer, 303, { surnameLatin: 'Durrani', givenNamesLatin: 'Ahmad Shah', birthDate: '1962-03-15', sex: 'M', nationality: 'AFG' }, DURRANI);
    const { crossing } = await cross({ idempotencyKey: nextKey(), document: { mrz: td3(DURRANI) }, fingers: fingerCaptures(303, [1], 2) });
    assert.equal(crossing.traveller?.id, durrani);
    assert.equal(crossing.recommendation, 'alert');
    const hit = crossing.watchlist.hits.find((h) => h.entryId === 'NSL-0001');
    assert.ok(hit, JSON.stringify(crossing.watchlist));
    assert.equal(hit.explanation.dateOfBirth, 'exact');
    assert.ok(codes(crossing).includes('watchlist_hit'));
  });

  test('screens an unregistered passport by what its MRZ says, including the document number', async () => {
    const listed = { ...DURRANI, surname: 'OTHER', givenNames: 'NAME', documentNumber: 'P1234567', birthDate: '700101' };
    const { crossing } = await cross({ idempotencyKey: nextKey(), document: { mrz: td3(listed) } });
    assert.ok(crossing.watchlist.hits.some((h) => h.entryId === 'NSL-0001' && h.explanation.document !== undefined), JSON.stringify(crossing.watchlist.hits));
    assert.ok(codes(crossing).includes('fingerprints_not_captured'));
    assert.equal(crossing.recommendation, 'alert');
  });

  test('a lane device records crossings at its own lane only', async () => {
    const fromDevice = await cross({ post: undefined, lane: undefined, idempotencyKey: nextKey(), document: { type: 'passport', number: 'AB1234567', issuingCountry: 'PAK' }, fingers: fingerCaptures(301, [2], 3) }, lane.deviceKey);
    assert.equal(fromDevice.response.statusCode, 201, fromDevice.response.body);
    assert.deepEqual([fromDevice.crossing.lane, fromDevice.crossing.traveller?.id], ['E01', khan]);
    const row = await context.database.db.selectFrom('crossings').select('recorded_by').where('id', '=', fromDevice.crossing.id).executeTakeFirstOrThrow();
    assert.match(row.recorded_by, /^device:/);
    const elsewhere = await cross({ lane: 'E02', idempotencyKey: nextKey() }, lane.deviceKey);
    assert.equal(errorCode(elsewhere.response), 'FORBIDDEN_POST');
  });

  test('an officer reads a recorded crossing back, and the read is audited', async () => {
    const { crossing } = await cross({ idempotencyKey: nextKey(), document: { mrz: td3(KHAN) }, fingers: fingerCaptures(301, [7], 6) });
    const read = await t.app.inject({ method: 'GET', url: `/api/crossings/${crossing.id}`, headers: bearer(lane.officer) });
    assert.equal(read.statusCode, 200);
    assert.deepEqual((read.json() as { crossing: Crossing }).crossing, { ...crossing, decisions: [] });
    const actions = await context.database.db.selectFrom('audit_log').select('action').where('subject', '=', `crossing:${crossing.id}`).orderBy('seq').execute();
    assert.deepEqual(actions.map((a) => a.action), ['crossing.recorded', 'crossing.read']);
  });

  test('an exit-only lane refuses an entry', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/posts/TKM/lanes', headers: bearer(lane.admin), payload: { code: 'X01', name: 'Exit 1', direction: 'exit' } });
    assert.equal(created.statusCode, 201, created.body);
    const { response } = await cross({ lane: 'X01', idempotencyKey: nextKey() });
    assert.equal(errorCode(response), 'VALIDATION_FAILED');
    const { response: exit } = await cross({ lane: 'X01', direction: 'out', idempotencyKey: nextKey(), document: { mrz: td3(KHAN) } });
    assert.equal(exit.statusCode, 201, exit.body);
  });

  test('a document number registered by two issuers needs the issuing country', async () => {
    await enrolWithPassport(t, lane.officer, 304, { surnameLatin: 'Khan', givenNamesLatin: 'Ahmed', birthDate: '1985-01-01', sex: 'M', nationality: 'AFG' }, { ...KHAN, issuingState: 'AFG', nationality: 'AFG' });
    const { crossing } = await cross({ idempotencyKey: nextKey(), document: { type: 'passport', number: 'AB1234567' } });
    assert.equal(crossing.document.known, false);
    assert.ok(codes(crossing).includes('document_ambiguous'));
    assert.ok(!codes(crossing).includes('traveller_unknown'));
    const { crossing: named } = await cross({ idempotencyKey: nextKey(), document: { type: 'passport', number: 'AB1234567', issuingCountry: 'PAK' } });
    assert.equal(named.traveller?.id, khan);
  });
});
