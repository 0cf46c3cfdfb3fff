import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { NATIONAL_SMALL_CSV, UN_SMALL_XML } from './helpers/watchlists.js';
import { WatchlistScreening } from '../src/services/watchlist-screening.js';

interface ImportBody {
  saved: boolean;
  version: { id: string; source: string; entryCount: number };
  previous: { id: string } | null;
  changes: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[]; unchangedCount: number };
}

describeEachDialect('watchlist imports', (context) => {
  let t: TestApp;
  let manager: string;
  const upload = async (text: string, format?: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/watchlists/import', headers: bearer(manager), payload: { text, ...(format ? { format } : {}) } });
    return { status: response.statusCode, body: response.json() as ImportBody, response };
  };
  before(async () => {
    t = buildTestApp(context.database);
    const admin = (await setupAdmin(t, context.database)).token;
    manager = (await createUser(t, admin, { username: 'lists.hq', roles: ['watchlist_manager'], allPosts: true })).token;
  });
  after(() => t.app.close());

  test('a first import of a list stores every entry as added and audits it', async () => {
    const { status, body } = await upload(NATIONAL_SMALL_CSV);
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.saved, true);
    assert.equal(body.version.source, 'national');
    assert.equal(body.previous, null);
    assert.ok(body.changes.added.includes('NSL-0001'));
    assert.equal(body.changes.added.length, body.version.entryCount);
    const entry = await context.database.db.selectFrom('audit_log').select(['details', 'subject']).where('action', '=', 'watchlist.imported').executeTakeFirstOrThrow();
    assert.equal(entry.subject, `watchlist:${body.version.id}`);
    assert.equal(JSON.parse(entry.details).added, body.version.entryCount);
  });

  test('importing the same file again stores nothing new', async () => {
    const { status, body } = await upload(NATIONAL_SMALL_CSV);
    assert.equal(status, 200);
    assert.equal(body.saved, false);
    assert.equal(body.changes.added.length, 0);
  });

  test('a new version reports what was added, removed and changed', async () => {
    const lines = NATIONAL_SMALL_CSV.split('\n');
    const edited = lines
      .filter((l) => !l.startsWith('NSL-0002'))
      .map((l) => (l.startsWith('NSL-0001') ? l.replace('1962-03-15|~1960', '1962-03-16') : l))
      .concat('NSL-9999,Test Person Added,,1991,PAK,,Added for the test,,entry-ban')
      .join('\n');
    const { status, body } = await upload(edited);
    assert.equal(status, 201, JSON.stringify(body));
    assert.deepEqual(body.changes.added, ['NSL-9999']);
    assert.deepEqual(body.changes.removed, ['NSL-0002']);
    assert.deepEqual(body.changes.changed.map((c) => c.id), ['NSL-0001']);
    assert.ok(body.changes.changed[0]!.fields.includes('datesOfBirth'));
    const versions = await t.app.inject({ method: 'GET', url: '/api/watchlists/versions', headers: bearer(manager) });
    assert.equal((versions.json() as { versions: unknown[] }).versions.length, 2);
  });

  test('screening uses the latest version of every source once imported', async () => {
    const screening = new WatchlistScreening(context.database.db);
    assert.equal((await upload(UN_SMALL_XML)).status, 201);
    const { screener, versions } = await screening.current();
    assert.deepEqual(versions.map((v) => v.source), ['national', 'un']);
    const hits = screener.screen({ names: ['Abdul Karim Zadran'], nationalities: ['AFG'] });
    assert.equal(hits[0]?.entryId, 'TAi.901');
    assert.ok(screener.screen({ names: ['Test Person Added'] }).some((h) => h.entryId === 'NSL-9999'));
    assert.ok(!screener.screen({ names: ['Olga Ivanova'], dateOfBirth: '1981' }).some((h) => h.entryId === 'NSL-0002'));
    assert.equal((await screening.current()).screener, screener, 'the screener is reused while no version changes');
  });

  test('refuses a file that is no watchlist', async () => {
    const { response } = await upload('this is not a list\nat all');
    assert.equal(response.statusCode, 400);
    assert.equal(errorCode(response), 'WATCHLIST_INVALID');
    assert.equal(errorCode((await upload('<html></html>', 'un')).response), 'WATCHLIST_INVALID');
  });
});
