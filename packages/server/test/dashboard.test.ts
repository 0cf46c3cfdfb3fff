import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { NATIONAL_SMALL_CSV } from './helpers/watchlists.js';
import type { Dashboard } from '../src/services/dashboard-service.js';
import { medianOfHistogram } from '../src/services/dashboard-service.js';
import { localDayInterval, localHour, startOfLocalDay } from '../src/domain/local-day.js';

const SECOND = 1000;

describeEachDialect('supervisor dashboard', (context) => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let supervisor: string;
  let key = 0;
  const ids: Record<string, string> = {};

  /** A crossing at Spin Boldak (Asia/Kabul, UTC+04:30) at the clock's time: an unregistered passport, no fingers. */
  const cross = async (laneCode: string, extra: object = {}) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(officer),
      payload: { post: 'SBK', lane: laneCode, direction: 'in', idempotencyKey: `dashboard-${++key}`, document: { type: 'passport', number: `D${4000000 + key}` }, ...extra },
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { crossing: { id: string; recommendation: string; status: string } }).crossing;
  };
  const decide = async (id: string, afterSeconds: number, decision = 'refer_secondary') => {
    t.clock.advance(afterSeconds * SECOND);
    const response = await t.app.inject({ method: 'POST', url: `/api/crossings/${id}/decision`, headers: bearer(officer), payload: { decision, reason: 'passport not registered here' } });
    assert.equal(response.statusCode, 200, response.body);
  };
  const at = (iso: string) => {
    t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
  };
  const dashboard = async (query = 'post=SBK', token = supervisor, app = t) => {
    const response = await app.app.inject({ method: 'GET', url: `/api/dashboard?${query}`, headers: bearer(token) });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { dashboard: Dashboard }).dashboard;
  };

  before(async () => {
    t = buildTestApp(context.database);
    admin = (await setupAdmin(t, context.database)).token;
    const post = await t.app.inject({ method: 'POST', url: '/api/posts', headers: bearer(admin), payload: { code: 'SBK', name: 'Spin Boldak', side: 'AF', timeZone: 'Asia/Kabul' } });
    assert.equal(post.statusCode, 201, post.body);
    for (const code of ['E01', 'E02']) {
      const lane = await t.app.inject({ method: 'POST', url: '/api/posts/SBK/lanes', headers: bearer(admin), payload: { code, name: `Counter ${code}`, direction: 'both' } });
      assert.equal(lane.statusCode, 201, lane.body);
    }
    officer = (await createUser(t, admin, { username: 'officer.sbk', roles: ['officer'], posts: ['SBK'] })).token;
    supervisor = (await createUser(t, admin, { username: 'super.sbk', roles: ['supervisor'], posts: ['SBK'] })).token;
    const imported = await t.app.inject({ method: 'POST', url: '/api/watchlists/import', headers: bearer(admin), payload: { text: NATIONAL_SMALL_CSV } });
    assert.equal(imported.statusCode, 201, imported.body);

    // 23:55 on the 25th at the post (19:25 UTC): yesterday's.
    at('2026-11-25T19:25:00.000Z');
    ids.yesterday = (await cross('E01')).id;
    // 00:05 on the 26th at the post (19:35 UTC the day before): the first of today, decided after 30 s.
    at('2026-11-25T19:35:00.000Z');
    ids.midnight = (await cross('E01')).id;
    await decide(ids.midnight, 30);
    // 09:10 at the post: two on E01 (decided after 60 s and 42 s), one on E02 (10 s), and an undecided one on E02.
    at('2026-11-26T04:40:00.000Z');
    ids.a = (await cross('E01')).id;
    ids.b = (await cross('E01')).id;
    ids.c = (await cross('E02')).id;
    ids.open = (await cross('E02')).id;
    await decide(ids.c, 10);
    await decide(ids.b, 32);
    await decide(ids.a, 18);
    // 12:00 at the post (07:30 UTC): the queue's other kinds.
    at('2026-11-26T07:30:00.000Z');
    const alert = await cross('E01', { document: { type: 'passport', number: 'P1234567', issuingCountry: 'AFG' } });
    assert.equal(alert.recommendation, 'alert');
    ids.alert = alert.id;
    t.clock.advance(SECOND);
    ids.exception = (await cross('E02', { unableToCapture: { reason: 'both hands bandaged' } })).id;
    const enrol = (surname: string, capture: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/enrolments',
        headers: bearer(officer),
        payload: { post: 'SBK', traveller: { surnameLatin: surname, givenNamesLatin: 'Noor', birthDate: '1990', sex: 'F', nationality: 'AFG' }, fingers: fingerCaptures(733, [1, 2, 6, 7], capture) },
      });
    assert.equal((await enrol('Achakzai', 1)).statusCode, 201);
    const held = await enrol('Achakzay', 2);
    assert.equal(held.statusCode, 202, held.body);
    ids.case = (held.json() as { case: { id: string } }).case.id;
    at('2026-11-26T07:45:00.000Z');
  });
  after(() => t.app.close());

  test('counts today\'s crossings in the post\'s time zone, per local hour, against the capacity', async () => {
    const d = await dashboard();
    assert.deepEqual([d.date, d.today, d.post.timeZone, d.capacity], ['2026-11-26', true, 'Asia/Kabul', 50_000]);
    assert.equal(d.crossings.total, 7);
    assert.equal(d.crossings.hours.length, 24);
    assert.deepEqual(
      d.crossings.hours.filter((h) => h.count > 0),
      [{ hour: 0, count: 1 }, { hour: 9, count: 4 }, { hour: 12, count: 2 }],
    );
    assert.deepEqual(d.crossings.byRecommendation, { clear: 0, secondary: 6, alert: 1 });
    assert.deepEqual(d.crossings.byStatus, { awaiting_decision: 2, awaiting_supervisor: 1, in_secondary: 4, cleared: 0, refused: 0 });

    const yesterday = await dashboard('post=SBK&date=2026-11-25');
    assert.deepEqual([yesterday.today, yesterday.crossings.total, yesterday.crossings.hours[23]!.count], [false, 1, 1]);
    assert.ok(yesterday.lanes.every((l) => l.lastHour === null));
  });

  test('gives each lane its throughput and median processing time, submission to first decision', async () => {
    const d = await dashboard();
    assert.deepEqual(
      d.lanes.map((l) => [l.code, l.crossings, l.lastHour, l.decided, l.medianProcessingSeconds]),
      [
        // 30, 42 and 60 s: median 42; the alert and nothing else in the last hour (07:45 back to 06:45 UTC).
        ['E01', 4, 1, 3, 42],
        ['E02', 3, 1, 1, 10],
      ],
    );
  });

  test('lists what waits for a supervisor, oldest first, with ids and no personal data', async () => {
    const d = await dashboard();
    assert.deepEqual(d.queue.counts, { alert: 1, exception: 1, referral: 4, duplicate: 1 });
    const kinds = d.queue.items.map((i) => [i.kind, 'crossingId' in i ? i.crossingId : i.caseId]);
    // a, b and c were recorded in the same millisecond: ties are ordered by id.
    const sameTime = [ids.a!, ids.b!, ids.c!].sort().map((id) => ['referral', id]);
    assert.deepEqual(kinds, [
      ['referral', ids.midnight],
      ...sameTime,
      ['alert', ids.alert],
      ['exception', ids.exception],
      ['duplicate', ids.case],
    ]);
    const json = JSON.stringify(d);
    for (const personal of ['Achakzai', 'Achakzay', 'P1234567', 'D4000', 'bandaged', 'Durrani']) assert.ok(!json.includes(personal), `${personal} on the dashboard`);
    // Crossings awaiting the officer's decision on a `secondary` answer are the lane's work, not the supervisor's.
    assert.ok(!kinds.some(([, id]) => id === ids.yesterday || id === ids.open));
  });

  test('a computed dashboard is shared until the post\'s next event', async () => {
    const first = await dashboard();
    t.clock.advance(2 * SECOND);
    const again = await dashboard();
    assert.equal(again.generatedAt, first.generatedAt, 'served again: nothing happened at the post');
    await cross('E02');
    const after = await dashboard();
    assert.equal(after.crossings.total, first.crossings.total + 1);
    assert.notEqual(after.generatedAt, first.generatedAt);
  });

  test('the capacity comes from the configuration', async () => {
    const configured = buildTestApp(context.database, { SARHAD_DAILY_CAPACITY: '20000' });
    try {
      configured.clock.advance(t.clock.now().getTime() - configured.clock.now().getTime());
      assert.equal((await dashboard('post=SBK', supervisor, configured)).capacity, 20_000);
    } finally {
      await configured.app.close();
    }
  });

  test('only supervisors at the post read it', async () => {
    const read = (token: string, query = 'post=SBK') => t.app.inject({ method: 'GET', url: `/api/dashboard?${query}`, headers: bearer(token) });
    assert.equal(errorCode(await read(officer)), 'FORBIDDEN_ROLE');
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    const elsewhere = (await createUser(t, admin, { username: 'super.tkm', roles: ['supervisor'], posts: ['TKM'] })).token;
    assert.equal(errorCode(await read(elsewhere)), 'FORBIDDEN_POST');
    assert.equal(errorCode(await read(supervisor, 'post=SBK&date=26-11-2026')), 'VALIDATION_FAILED');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/dashboard?post=SBK' })).statusCode, 401);
  });
});

test('a local day is the interval between local midnights, 23 or 25 hours across a clock change', () => {
  assert.equal(startOfLocalDay('2026-11-26', 'Asia/Kabul').toISOString(), '2026-11-25T19:30:00.000Z');
  assert.equal(startOfLocalDay('2026-11-26', 'Asia/Karachi').toISOString(), '2026-11-25T19:00:00.000Z');
  const spring = localDayInterval('2026-03-29', 'Europe/London');
  assert.equal((spring.end.getTime() - spring.start.getTime()) / 3_600_000, 23);
  const autumn = localDayInterval('2026-10-25', 'Europe/London');
  assert.equal((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000, 25);
  assert.equal(localHour(Date.parse('2026-11-25T19:29:59.000Z'), 'Asia/Kabul'), 23);
  assert.equal(localHour(Date.parse('2026-11-25T19:30:00.000Z'), 'Asia/Kabul'), 0);
});

test('the median of a histogram of seconds is the middle value, or the mean of the middle two', () => {
  assert.equal(medianOfHistogram([]), null);
  assert.equal(medianOfHistogram([{ seconds: 60, count: 1 }, { seconds: 30, count: 1 }, { seconds: 42, count: 1 }]), 42);
  assert.equal(medianOfHistogram([{ seconds: 10, count: 1 }, { seconds: 20, count: 1 }]), 15);
  assert.equal(medianOfHistogram([{ seconds: 5, count: 3 }, { seconds: 100, count: 1 }]), 5);
});
