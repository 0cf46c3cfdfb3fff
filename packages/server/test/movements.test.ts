import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, login, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { td3 } from './helpers/mrz.js';
import { enrolWithPassport, setupLane, type LaneFixture } from './helpers/lane.js';
import { daysBetween, pairMovements, permittedStay, type Movement } from '../src/domain/stays.js';
import type { StayView, Overstay } from '../src/services/movements-service.js';

const DAY_MS = 86_400_000;
const AFGHAN = { issuingState: 'AFG', surname: 'HOTAK', givenNames: 'WAIS', documentNumber: 'P3334445', nationality: 'AFG', birthDate: '880808', sex: 'M' as const, expiryDate: '300101' };
const TRADER = { issuingState: 'AFG', surname: 'ZAZAI', givenNames: 'GUL', documentNumber: 'P4445556', nationality: 'AFG', birthDate: '700101', sex: 'M' as const, expiryDate: '300101' };
const CITIZEN = { issuingState: 'PAK', surname: 'BANGASH', givenNames: 'ALI', documentNumber: 'GH1112223', nationality: 'PAK', birthDate: '750505', sex: 'M' as const, expiryDate: '300101' };

describeEachDialect('movements, stays and overstays', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  let analyst: string;
  let officer: string;
  let supervisor: string;
  let afghan: string;
  let trader: string;
  let citizen: string;
  let key = 0;
  const crossAndClear = async (person: number, passport: typeof AFGHAN, direction: 'in' | 'out') => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(officer),
      payload: { post: 'TKM', lane: 'E01', direction, idempotencyKey: `movement-${++key}`, document: { mrz: td3(passport) }, fingers: fingerCaptures(person, [1], 10 + key) },
    });
    assert.equal(response.statusCode, 201, response.body);
    const crossing = (response.json() as { crossing: { id: string; recommendation: string } }).crossing;
    const decided = await t.app.inject({ method: 'POST', url: `/api/crossings/${crossing.id}/decision`, headers: bearer(supervisor), payload: { decision: 'clear', reason: 'checked at the counter' } });
    assert.equal(decided.statusCode, 200, decided.body);
    return crossing.id;
  };
  const addDocument = async (id: string, document: object) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/travellers/${id}/documents`, headers: bearer(lane.officer), payload: { post: 'TKM', document } });
    assert.equal(response.statusCode, 201, response.body);
  };
  const overstays = async (query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/reports/overstays${query}`, headers: bearer(analyst) });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { overstays: Overstay[] }).overstays;
  };

  before(async () => {
    t = buildTestApp(context.database);
    lane = await setupLane(t, context.database);
    officer = lane.officer;
    supervisor = lane.supervisor;
    analyst = (await createUser(t, lane.admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true })).token;
    afghan = await enrolWithPassport(t, lane.officer, 501, { surnameLatin: 'Hotak', givenNamesLatin: 'Wais', birthDate: '1988-08-08', sex: 'M', nationality: 'AFG' }, AFGHAN);
    trader = await enrolWithPassport(t, lane.officer, 502, { surnameLatin: 'Zazai', givenNamesLatin: 'Gul', birthDate: '1970-01-01', sex: 'M', nationality: 'AFG' }, TRADER);
    citizen = await enrolWithPassport(t, lane.officer, 503, { surnameLatin: 'Bangash', givenNamesLatin: 'Ali', birthDate: '1975-05-05', sex: 'M', nationality: 'PAK' }, CITIZEN);
    // 2026-11-26: a Pakistani visa until 2026-12-05; a border pass from Torkham until 2027-04-30.
    await addDocument(afghan, { type: 'visa', number: 'PKV12345', issuingCountry: 'PAK', validFrom: '2026-11-01', validUntil: '2026-12-05', entries: 'single' });
    await addDocument(trader, { type: 'border_pass', number: 'RD-7788', issuingPost: 'TKM', validFrom: '2026-11-01', validUntil: '2027-04-30' });
  });
  after(() => t.app.close());

  test('entries are judged against the visa, the border pass, or citizenship', async () => {
    await crossAndClear(501, AFGHAN, 'in');
    await crossAndClear(502, TRADER, 'in');
    await crossAndClear(503, CITIZEN, 'in');
    const read = async (id: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/travellers/${id}/movements`, headers: bearer(analyst) });
      assert.equal(response.statusCode, 200, response.body);
      return (response.json() as { stays: StayView[] }).stays;
    };
    assert.deepEqual((await read(afghan)).map((s) => s.permitted), [{ basis: 'visa', until: '2026-12-05' }]);
    assert.deepEqual((await read(trader)).map((s) => s.permitted), [{ basis: 'border_pass', until: '2027-04-30' }]);
    assert.deepEqual((await read(citizen)).map((s) => s.permitted), [{ basis: 'citizen', until: null }]);
    assert.deepEqual(await overstays(), []);
  });

  test('an entry past its visa with no exit is an overstay, until the exit closes the stay', async () => {
    t.clock.advance(20 * DAY_MS); // 2026-12-16; sessions last 12 h, so sign in again
    [analyst, officer, supervisor] = [await login(t, 'analyst.hq'), await login(t, 'officer.tkm'), await login(t, 'super.tkm')];
    const report = await overstays();
    assert.deepEqual(report.map((o) => [o.travellerId, o.daysOver, o.permitted.basis]), [[afghan, 11, 'visa']]);
    assert.deepEqual((await overstays('?asOf=2026-12-05')).length, 0);
    const exit = await crossAndClear(501, AFGHAN, 'out');
    assert.deepEqual(await overstays(), []);
    const response = await t.app.inject({ method: 'GET', url: `/api/travellers/${afghan}/movements`, headers: bearer(analyst) });
    const history = response.json() as { crossings: { id: string }[]; stays: StayView[] };
    assert.equal(history.crossings.length, 2);
    assert.equal(history.stays.length, 1);
    assert.equal(history.stays[0]!.exit?.id, exit);
    assert.equal(history.stays[0]!.overstayDays, 11);
    // The report as of a past date still shows who was over their stay then.
    assert.deepEqual((await overstays('?asOf=2026-12-10')).map((o) => [o.travellerId, o.daysOver]), [[afghan, 5]]);
  });

  test('crossings not cleared are in the history but not in the stays', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(officer),
      payload: { post: 'TKM', lane: 'E01', direction: 'out', idempotencyKey: `movement-${++key}`, document: { mrz: td3(TRADER) } },
    });
    const crossing = (response.json() as { crossing: { id: string } }).crossing;
    await t.app.inject({ method: 'POST', url: `/api/crossings/${crossing.id}/decision`, headers: bearer(officer), payload: { decision: 'refuse', reason: 'no fingers given' } });
    const history = (await t.app.inject({ method: 'GET', url: `/api/travellers/${trader}/movements`, headers: bearer(analyst) })).json() as { crossings: { status: string }[]; stays: StayView[] };
    assert.deepEqual(history.crossings.map((c) => c.status), ['cleared', 'refused']);
    assert.equal(history.stays.length, 1);
    assert.equal(history.stays[0]!.exit, null);
  });

  test('reading a movement history and running the report are audited', async () => {
    const actions = await context.database.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'in', ['traveller.movements_read', 'report.overstays']).execute();
    assert.ok(actions.some((a) => a.action === 'traveller.movements_read' && a.subject === `traveller:${afghan}`));
    assert.ok(actions.some((a) => a.action === 'report.overstays'));
  });
});

test('movements pair each entry with the next exit; an exit without an entry stands alone', () => {
  const m = (id: string, direction: 'in' | 'out', day: string): Movement => ({ crossingId: id, post: 'TKM', direction, recordedAt: `${day}T08:00:00.000Z`, localDate: day, country: 'PAK' });
  const stays = pairMovements([m('c', 'in', '2026-03-01'), m('a', 'out', '2026-01-01'), m('b', 'in', '2026-02-01'), m('d', 'out', '2026-03-05')]);
  assert.deepEqual(
    stays.map((s) => [s.entry?.crossingId ?? null, s.exit?.crossingId ?? null]),
    [[null, 'a'], ['b', null], ['c', 'd']],
  );
});

test('without a visa, border pass or citizenship the stay was over from the day of entry', () => {
  assert.deepEqual(permittedStay('2026-05-01', 'PAK', 'AFG', []), { basis: 'none', until: '2026-05-01' });
  const expiredVisa = { type: 'visa', issuingCountry: 'PAK', validFrom: '2026-01-01', validUntil: '2026-04-30' };
  assert.deepEqual(permittedStay('2026-05-01', 'PAK', 'AFG', [expiredVisa]).basis, 'none');
  const afghanVisa = { ...expiredVisa, issuingCountry: 'AFG', validUntil: '2026-12-31' };
  assert.deepEqual(permittedStay('2026-05-01', 'PAK', 'AFG', [afghanVisa]).basis, 'none');
  assert.equal(daysBetween('2026-12-05', '2026-12-16'), 11);
});
