import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';
import { td3 } from './helpers/mrz.js';
import { enrolWithPassport, setupLane, type LaneFixture } from './helpers/lane.js';
import { NATIONAL_SMALL_CSV } from './helpers/watchlists.js';
import type { Crossing } from '../src/services/crossings-service.js';
import type { Suppression } from '../src/services/watchlist-suppressions-service.js';

// Two different men named Ahmad Shah Durrani, born the day the stop list's NSL-0001 was: both hit the entry.
const DURRANI = { issuingState: 'AFG', surname: 'DURRANI', givenNames: 'AHMAD SHAH', documentNumber: 'P7654321', nationality: 'AFG', birthDate: '620315', sex: 'M' as const, expiryDate: '290101' };
const NAMESAKE = { ...DURRANI, documentNumber: 'P7000002' };
const DURRANI_RECORD = { surnameLatin: 'Durrani', givenNamesLatin: 'Ahmad Shah', birthDate: '1962-03-15', sex: 'M' as const, nationality: 'AFG' };

/** The stop list with one entry's content changed (`NSL-0001` gains an alias, or `NSL-0004` a new reason). */
const withNewAlias = NATIONAL_SMALL_CSV.replace('Ahmed Shah Durani|Ahmad Shah Abdali', 'Ahmed Shah Durani|Ahmad Shah Abdali|Ahmad Shah Durrany');
const withOtherEntryChanged = NATIONAL_SMALL_CSV.replace('Expelled in 2023', 'Expelled in 2023 and again in 2025');

describeEachDialect('"not the listed person" decisions', (context) => {
  let t: TestApp;
  let lane: LaneFixture;
  let durrani: string;
  let key = 0;
  const cross = async (passport: typeof DURRANI, person: number) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(lane.officer),
      payload: { post: 'TKM', lane: 'E01', direction: 'in', idempotencyKey: `suppression-${++key}`, document: { mrz: td3(passport) }, fingers: fingerCaptures(person, [1, 6], 2) },
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { crossing: Crossing }).crossing;
  };
  const notListed = (crossingId: string, payload: object, token = lane.supervisor) =>
    t.app.inject({ method: 'POST', url: `/api/crossings/${crossingId}/not-listed-person`, headers: bearer(token), payload });
  const importList = async (text: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/watchlists/import', headers: bearer(lane.admin), payload: { text } });
    assert.equal((response.json() as { saved: boolean }).saved, true, response.body);
  };
  const REASON = 'Different father and village; the listed man was born in Kandahar, confirmed by phone with HQ';

  before(async () => {
    t = buildTestApp(context.database);
    lane = await setupLane(t, context.database);
    await importList(NATIONAL_SMALL_CSV);
    durrani = await enrolWithPassport(t, lane.officer, 611, DURRANI_RECORD, DURRANI);
    await enrolWithPassport(t, lane.officer, 612, DURRANI_RECORD, NAMESAKE);
  });
  after(() => t.app.close());

  test('a supervisor records that a traveller is not the listed person; the decision is stored and audited without its reason', async () => {
    const alert = await cross(DURRANI, 611);
    assert.equal(alert.recommendation, 'alert');
    const hit = alert.watchlist.hits.find((h) => h.entryId === 'NSL-0001');
    assert.ok(hit, JSON.stringify(alert.watchlist));
    assert.match(hit.entryHash, /^[0-9a-f]{64}$/);

    assert.equal(errorCode(await notListed(alert.id, { source: 'national', entryId: 'NSL-0001', reason: REASON }, lane.officer)), 'FORBIDDEN_ROLE');
    assert.equal(errorCode(await notListed(alert.id, { source: 'national', entryId: 'NSL-0001', reason: 'too short' })), 'VALIDATION_FAILED');
    assert.equal(errorCode(await notListed(alert.id, { source: 'national', entryId: 'NSL-0002', reason: REASON })), 'WATCHLIST_HIT_NOT_FOUND');

    const recorded = await notListed(alert.id, { source: 'national', entryId: 'NSL-0001', reason: REASON });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const suppression = (recorded.json() as { suppression: Suppression }).suppression;
    assert.deepEqual(
      [suppression.travellerId, suppression.source, suppression.entryId, suppression.entryHash, suppression.crossingId, suppression.post, suppression.reason],
      [durrani, 'national', 'NSL-0001', hit.entryHash, alert.id, 'TKM', REASON],
    );
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['subject', 'details', 'post'])
      .where('action', '=', 'watchlist.suppression_recorded')
      .executeTakeFirstOrThrow();
    assert.equal(audit.subject, `traveller:${durrani}`);
    assert.deepEqual(JSON.parse(audit.details), { suppression: suppression.id, crossingId: alert.id, source: 'national', entryId: 'NSL-0001', entryHash: hit.entryHash });
    assert.ok(!audit.details.includes('Kandahar'), 'the free-text reason stays out of the audit log');

    // Recorded twice (a double click, a second supervisor): the first decision stands, nothing new is stored.
    const again = await notListed(alert.id, { source: 'national', entryId: 'NSL-0001', reason: `${REASON}, again` });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal((again.json() as { suppression: Suppression }).suppression.id, suppression.id);
    const listed = await t.app.inject({ method: 'GET', url: `/api/travellers/${durrani}/watchlist-suppressions`, headers: bearer(lane.supervisor) });
    assert.deepEqual((listed.json() as { suppressions: Suppression[] }).suppressions.map((s) => s.id), [suppression.id]);
  });

  test('from then on that traveller no longer alerts on that entry, while a namesake still does', async () => {
    const crossing = await cross(DURRANI, 611);
    assert.deepEqual(crossing.watchlist.hits.map((h) => h.entryId), []);
    assert.deepEqual(crossing.watchlist.suppressed, [{ source: 'national', entryId: 'NSL-0001', primaryName: 'Ahmad Shah Durrani' }]);
    assert.equal(crossing.recommendation, 'clear');
    const audit = await context.database.db.selectFrom('audit_log').select('details').where('subject', '=', `crossing:${crossing.id}`).where('action', '=', 'crossing.recorded').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.details).watchlistSuppressed, ['national:NSL-0001']);

    const namesake = await cross(NAMESAKE, 612);
    assert.equal(namesake.recommendation, 'alert');
    assert.ok(namesake.watchlist.hits.some((h) => h.entryId === 'NSL-0001'));
  });

  test('a new list version that leaves the entry unchanged keeps the decision; one that changes the entry revives the alert', async () => {
    await importList(withOtherEntryChanged);
    assert.deepEqual((await cross(DURRANI, 611)).watchlist.hits.map((h) => h.entryId), []);

    await importList(withNewAlias);
    const revived = await cross(DURRANI, 611);
    assert.equal(revived.recommendation, 'alert');
    const hit = revived.watchlist.hits.find((h) => h.entryId === 'NSL-0001');
    assert.ok(hit, JSON.stringify(revived.watchlist));
    assert.deepEqual(revived.watchlist.suppressed, []);

    // A decision on the new content suppresses again; the old one stays on record.
    assert.equal((await notListed(revived.id, { source: 'national', entryId: 'NSL-0001', reason: REASON })).statusCode, 201);
    assert.deepEqual((await cross(DURRANI, 611)).watchlist.suppressed.map((s) => s.entryId), ['NSL-0001']);
    const rows = await context.database.db.selectFrom('watchlist_suppressions').select('entry_hash').where('traveller_id', '=', durrani).execute();
    assert.equal(rows.length, 2);
  });

  test('a crossing that identified nobody cannot carry the decision', async () => {
    // The listed passport number, unregistered and without fingers: an alert on the document, but whose?
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/crossings',
      headers: bearer(lane.officer),
      payload: { post: 'TKM', lane: 'E01', direction: 'in', idempotencyKey: `suppression-${++key}`, document: { type: 'passport', number: 'P1234567', issuingCountry: 'AFG' } },
    });
    const crossing = (response.json() as { crossing: Crossing }).crossing;
    assert.equal(crossing.traveller, null);
    assert.ok(crossing.watchlist.hits.some((h) => h.entryId === 'NSL-0001'), JSON.stringify(crossing.watchlist));
    assert.equal(errorCode(await notListed(crossing.id, { source: 'national', entryId: 'NSL-0001', reason: REASON })), 'SUPPRESSION_NEEDS_TRAVELLER');
  });

  test('a supervisor of another post does not see the crossing', async () => {
    await createPost(t, lane.admin, { code: 'CMN', name: 'Chaman', lanes: ['E01'] });
    const other = (await createUser(t, lane.admin, { username: 'super.cmn', roles: ['supervisor'], posts: ['CMN'] })).token;
    const alert = await cross(NAMESAKE, 612);
    assert.equal(errorCode(await notListed(alert.id, { source: 'national', entryId: 'NSL-0001', reason: REASON }, other)), 'CROSSING_NOT_FOUND');
    assert.equal((await context.database.db.selectFrom('watchlist_suppressions').select('id').where('crossing_id', '=', alert.id).execute()).length, 0);
  });
});
