import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, errorCode, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { td3 } from './helpers/mrz.js';
import { enrolWithPassport, setupLane, type LaneFixture } from './helpers/lane.js';
import { constantOffsetSpans, csvCell, startOfLocalDay, utcOffsetMinutes, type FlowReport } from '../src/services/reports-service.js';

/** Sessions outlive the days the fixture's clock moves through. */
const WEEK_MINUTES = 7 * 24 * 60;
const HOTAK = { issuingState: 'AFG', surname: 'HOTAK', givenNames: 'WAIS', documentNumber: 'P3334445', nationality: 'AFG', birthDate: '880808', sex: 'M' as const, expiryDate: '300101' };
const BANGASH = { issuingState: 'PAK', surname: 'BANGASH', givenNames: 'ALI', documentNumber: 'GH1112223', nationality: 'PAK', birthDate: '750505', sex: 'M' as const, expiryDate: '300101' };

describe('flow report time arithmetic', () => {
  test('UTC offsets and local midnights, including a half-hour zone', () => {
    assert.equal(utcOffsetMinutes(Date.parse('2026-11-26T00:00:00Z'), 'Asia/Karachi'), 300);
    assert.equal(utcOffsetMinutes(Date.parse('2026-11-26T00:00:00Z'), 'Asia/Kabul'), 270);
    assert.equal(new Date(startOfLocalDay('2026-11-26', 'Asia/Karachi')).toISOString(), '2026-11-25T19:00:00.000Z');
    assert.equal(new Date(startOfLocalDay('2026-11-26', 'Asia/Kabul')).toISOString(), '2026-11-25T19:30:00.000Z');
  });

  test('a range is cut where daylight saving begins, to the minute', () => {
    const from = startOfLocalDay('2026-03-28', 'Europe/London');
    const to = startOfLocalDay('2026-03-31', 'Europe/London');
    const spans = constantOffsetSpans(from, to, 'Europe/London');
    assert.deepEqual(
      spans.map((s) => [new Date(s.from).toISOString(), new Date(s.to).toISOString(), s.offsetMinutes]),
      [
        ['2026-03-28T00:00:00.000Z', '2026-03-29T01:00:00.000Z', 0],
        ['2026-03-29T01:00:00.000Z', '2026-03-30T23:00:00.000Z', 60],
      ],
    );
    assert.equal(constantOffsetSpans(from, to, 'Asia/Karachi').length, 1);
  });

  test('CSV cells are quoted and formula-safe', () => {
    assert.equal(csvCell('TKM'), 'TKM');
    assert.equal(csvCell(12), '12');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('+92'), "'+92");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  });
});

describeEachDialect('flow report', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  let analyst: string;
  let key = 0;
  const cross = async (at: string, person: number, passport: typeof HOTAK | undefined, direction: 'in' | 'out') => {
    t.clock.advance(Date.parse(at) - t.clock.now().getTime());
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(lane.officer),
      payload: { post: 'TKM', lane: 'E01', direction, idempotencyKey: `flow-report-${++key}`, ...(passport ? { document: { mrz: td3(passport) } } : {}), fingers: fingerCaptures(person, [1], 20 + key) },
    });
    assert.equal(response.statusCode, 201, response.body);
  };
  const flows = async (query: string, token = analyst) => t.app.inject({ method: 'GET', url: `/api/reports/flows${query}`, headers: bearer(token) });

  before(async () => {
    t = buildTestApp(context.database, { SARHAD_SESSION_TTL_MINUTES: String(WEEK_MINUTES) });
    lane = await setupLane(t, context.database);
    analyst = (await createUser(t, lane.admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true })).token;
    await enrolWithPassport(t, lane.officer, 601, { surnameLatin: 'Hotak', givenNamesLatin: 'Wais', birthDate: '1988-08-08', sex: 'M', nationality: 'AFG' }, HOTAK);
    await enrolWithPassport(t, lane.officer, 602, { surnameLatin: 'Bangash', givenNamesLatin: 'Ali', birthDate: '1975-05-05', sex: 'M', nationality: 'PAK' }, BANGASH);
    // Torkham is UTC+05:00: 18:59Z is 23:59 on the 27th there, 19:00Z is midnight starting the 28th.
    await cross('2026-11-27T18:59:00.000Z', 601, HOTAK, 'in');
    await cross('2026-11-27T19:00:00.000Z', 601, HOTAK, 'in');
    await cross('2026-11-28T08:10:00.000Z', 602, BANGASH, 'out');
    await cross('2026-11-28T08:20:00.000Z', 602, BANGASH, 'in');
    await cross('2026-11-29T03:00:00.000Z', 601, undefined, 'out');
  });
  after(async () => {
    await t.app.close();
  });

  test('counts by local day, hour, nationality, document type and direction', async () => {
    const response = await flows('?from=2026-11-28&to=2026-11-29');
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json() as FlowReport;
    assert.equal(report.posts.length, 1);
    const tkm = report.posts[0]!;
    assert.equal(tkm.post, 'TKM');
    assert.deepEqual(tkm.totals, { key: 'total', in: 2, out: 2, total: 4 });
    assert.deepEqual(tkm.byDay, [
      { key: '2026-11-28', in: 2, out: 1, total: 3 },
      { key: '2026-11-29', in: 0, out: 1, total: 1 },
    ]);
    assert.equal(tkm.byHour.length, 24);
    const hours = Object.fromEntries(tkm.byHour.filter((h) => h.total > 0).map((h) => [h.key, [h.in, h.out]]));
    assert.deepEqual(hours, { '00': [1, 0], '13': [1, 1], '08': [0, 1] });
    assert.deepEqual(tkm.byNationality.map((b) => [b.key, b.in, b.out]), [['AFG', 1, 1], ['PAK', 1, 1]]);
    assert.deepEqual(tkm.byDocumentType.map((b) => [b.key, b.total]), [['passport', 3], ['none', 1]]);
  });

  test('the CSV export has a header, a row per group and a total; it is audited', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/reports/flows.csv?from=2026-11-28&to=2026-11-28&post=TKM', headers: bearer(analyst) });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(String(response.headers['content-disposition']), /attachment; filename="sarhad-flows-2026-11-28-2026-11-28-TKM\.csv"/);
    const lines = response.body.split('\r\n');
    assert.equal(lines[0], 'post,time_zone,dimension,value,in,out,total');
    assert.ok(lines.includes('TKM,Asia/Karachi,day,2026-11-28,2,1,3'));
    assert.ok(lines.includes('TKM,Asia/Karachi,hour,13,1,1,2'));
    assert.ok(lines.includes('TKM,Asia/Karachi,nationality,AFG,1,0,1'));
    assert.ok(lines.includes('TKM,Asia/Karachi,total,total,2,1,3'));
    assert.equal(lines.at(-1), '');
    const audit = await context.database.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', 'report.flows').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.details), { from: '2026-11-28', to: '2026-11-28', posts: ['TKM'], format: 'csv' });
  });

  test('refuses other roles, posts not granted and bad ranges', async () => {
    assert.equal(errorCode(await flows('?from=2026-11-26&to=2026-11-26', lane.officer)), 'FORBIDDEN_ROLE');
    await t.app.inject({ method: 'POST', url: '/api/posts', headers: bearer(lane.admin), payload: { code: 'CMN', name: 'Chaman', side: 'PK', timeZone: 'Asia/Karachi' } });
    const chaman = (await createUser(t, lane.admin, { username: 'analyst.cmn', roles: ['analyst'], posts: ['CMN'] })).token;
    assert.equal(errorCode(await flows('?from=2026-11-26&to=2026-11-26&post=TKM', chaman)), 'FORBIDDEN_POST');
    const own = (await (await flows('?from=2026-11-26&to=2026-11-26', chaman)).json()) as FlowReport;
    assert.deepEqual(own.posts.map((p) => [p.post, p.totals.total]), [['CMN', 0]]);
    assert.equal((await flows('?from=2026-11-27&to=2026-11-26')).statusCode, 400);
    assert.equal((await flows('?from=2025-01-01&to=2026-11-26')).statusCode, 400);
    assert.equal((await flows('?from=2026-11&to=2026-11-26')).statusCode, 400);
  });
});
