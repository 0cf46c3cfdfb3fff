import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';

const fixture = (name: string) => readFileSync(new URL(`../../screening/test/fixtures/ofac/${name}`, import.meta.url), 'utf8');
const FIXTURE = { sdn: fixture('sdn.csv'), alt: fixture('alt.csv'), add: fixture('add.csv'), comments: fixture('sdn_comments.csv') };
/** The published SDN set (about 6.5 MB), when this machine has it. */
const REAL_DIR = '/work/shared/data/watchlists/ofac';

interface ImportBody {
  saved: boolean;
  version: { id: string; source: string; entryCount: number };
  changes: { added: string[]; removed: string[]; changed: { id: string }[] };
}

describeEachDialect('OFAC SDN upload', (context) => {
  let t: TestApp;
  let manager: string;
  let officer: string;
  const upload = (files: object, token = manager) =>
    t.app.inject({ method: 'POST', url: '/api/watchlists/import', headers: bearer(token), payload: { format: 'ofac', files } });
  const ofacVersions = async () =>
    (await context.database.db.selectFrom('watchlist_versions').select('id').where('source', '=', 'ofac').execute()).length;

  before(async () => {
    t = buildTestApp(context.database);
    const admin = (await setupAdmin(t, context.database)).token;
    await t.app.inject({ method: 'POST', url: '/api/posts', headers: bearer(admin), payload: { code: 'TKM', name: 'Torkham', side: 'PK', timeZone: 'Asia/Karachi' } });
    manager = (await createUser(t, admin, { username: 'lists.hq', roles: ['watchlist_manager'], allPosts: true })).token;
    officer = (await createUser(t, admin, { username: 'officer.tkm', roles: ['officer'], posts: ['TKM'] })).token;
  });
  after(() => t.app.close());

  test('the SDN files uploaded together import as one version with its change report', async () => {
    const response = await upload(FIXTURE);
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json() as ImportBody;
    assert.equal(body.version.source, 'ofac');
    assert.equal(body.version.entryCount, 4);
    assert.deepEqual([...body.changes.added].sort(), ['9001', '9002', '9003', '9004']);
    const again = await upload(FIXTURE);
    assert.equal(again.statusCode, 200);
    assert.equal((again.json() as ImportBody).saved, false);
  });

  test('the stored entries can be browsed a page at a time and searched', async () => {
    const version = (await context.database.db.selectFrom('watchlist_versions').select('id').where('source', '=', 'ofac').orderBy('seq').executeTakeFirstOrThrow()).id;
    const entries = (query: string) => t.app.inject({ method: 'GET', url: `/api/watchlists/versions/${version}/entries${query}`, headers: bearer(manager) });
    const first = (await entries('?limit=3')).json() as { entries: { id: string }[]; nextCursor: string | null };
    assert.deepEqual(first.entries.map((e) => e.id), ['9001', '9002', '9003']);
    assert.ok(first.nextCursor);
    const rest = (await entries(`?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)).json() as { entries: { id: string }[]; nextCursor: string | null };
    assert.deepEqual(rest.entries.map((e) => e.id), ['9004']);
    assert.equal(rest.nextCursor, null);
    const found = (await entries('?q=karimi')).json() as { entries: { id: string }[] };
    assert.deepEqual(found.entries.map((e) => e.id), ['9001']);
    assert.deepEqual(((await entries('?q=100%25')).json() as { entries: unknown[] }).entries, []);
    assert.equal(errorCode(await t.app.inject({ method: 'GET', url: '/api/watchlists/versions/0000000099-ffffffff/entries', headers: bearer(manager) })), 'WATCHLIST_VERSION_NOT_FOUND');
    assert.equal(errorCode(await t.app.inject({ method: 'GET', url: `/api/watchlists/versions/${version}/entries`, headers: bearer(officer) })), 'FORBIDDEN_ROLE');
  });

  test('a malformed file rejects the whole set, naming the file and line', async () => {
    const before = await ofacVersions();
    // alt.csv has four lines; the fifth has a stray quote.
    const alt = `${FIXTURE.alt}9002,104,"aka,"GARCIA, Maria",-0- \n`;
    const response = await upload({ ...FIXTURE, alt });
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(errorCode(response), 'WATCHLIST_INVALID');
    const message = (response.json() as { error: { message: string } }).error.message;
    assert.match(message, /alt\.csv/);
    assert.match(message, /line 5/);
    assert.equal(await ofacVersions(), before);
  });

  test('a set without its aliases or addresses is refused, and only list managers may upload', async () => {
    const { alt: _alt, ...withoutAlt } = FIXTURE;
    assert.equal(errorCode(await upload(withoutAlt)), 'VALIDATION_FAILED');
    assert.equal(errorCode(await upload(FIXTURE, officer)), 'FORBIDDEN_ROLE');
  });

  test('the published SDN set fits the body limit and imports', { skip: !existsSync(`${REAL_DIR}/sdn.csv`) && 'no SDN files here' }, async () => {
    const read = (name: string) => readFileSync(`${REAL_DIR}/${name}`, 'utf8');
    const response = await upload({ sdn: read('sdn.csv'), alt: read('alt.csv'), add: read('add.csv'), comments: read('sdn_comments.csv') });
    assert.equal(response.statusCode, 201, response.body.slice(0, 500));
    const body = response.json() as ImportBody;
    assert.ok(body.version.entryCount > 10_000, `${body.version.entryCount} entries`);
    assert.ok(body.changes.removed.includes('9001'));
  });
});
