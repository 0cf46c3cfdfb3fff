/**
 * The pagination contract on both databases: walking the pages of a list gives every row exactly once and in
 * order, rows inserted while walking do not shift the rest (keyset, not OFFSET: those after the cursor appear,
 * those before do not), scopes still hold page by page, and a cursor or limit that is not valid is VALIDATION_FAILED.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { encodeCursor, PAGE_LIMIT_MAX } from '../src/services/pagination.js';

interface Paged {
  readonly nextCursor: string | null;
  readonly [key: string]: unknown;
}

describeEachDialect('pagination', (context) => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  before(async () => {
    t = buildTestApp(context.database);
    admin = (await setupAdmin(t, context.database)).token;
    for (const code of ['KHY', 'CMN', 'TKM', 'GKN', 'ANG']) await createPost(t, admin, { code, name: `Post ${code}` });
    officer = (await createUser(t, admin, { username: 'officer.tkm', roles: ['officer'], posts: ['TKM'] })).token;
  });
  after(() => t.app.close());

  const get = (url: string, token = admin) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const page = async (url: string, token = admin): Promise<Paged> => {
    const response = await get(url, token);
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    return response.json() as Paged;
  };
  const withCursor = (url: string, cursor: string | null) => (cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url);

  test('posts: every post once and in code order, with posts added on both sides of the cursor while walking', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let inserted = false;
    do {
      const body = await page(withCursor('/api/posts?limit=2', cursor));
      const posts = body.posts as { code: string }[];
      assert.ok(posts.length <= 2);
      seen.push(...posts.map((p) => p.code));
      cursor = body.nextCursor;
      pages++;
      if (!inserted) {
        // After the first page (ANG, CMN): one post sorts before the cursor, one after it.
        await createPost(t, admin, { code: 'AAA', name: 'Before the cursor' });
        await createPost(t, admin, { code: 'ZZZ', name: 'After the cursor' });
        inserted = true;
      }
    } while (cursor);
    assert.deepEqual(seen, ['ANG', 'CMN', 'GKN', 'KHY', 'TKM', 'ZZZ']);
    assert.equal(pages, 3);
    assert.deepEqual(((await page('/api/posts?limit=500')).posts as { code: string }[]).map((p) => p.code), ['AAA', 'ANG', 'CMN', 'GKN', 'KHY', 'TKM', 'ZZZ']);
  });

  test('the default page is 50 and the last page says so with a null cursor', async () => {
    const body = await page('/api/posts');
    assert.equal((body.posts as unknown[]).length, 7);
    assert.equal(body.nextCursor, null);
    const exact = await page('/api/posts?limit=7');
    assert.equal(exact.nextCursor, null, 'a page that ends the list exactly has no next cursor');
  });

  test('users: pages keep a scoped administrator\'s view, each account once in username order', async () => {
    for (const name of ['c.officer', 'a.officer', 'b.officer']) await createUser(t, admin, { username: name, roles: ['officer'], posts: ['CMN'] });
    await createUser(t, admin, { username: 'tkm.analyst', roles: ['analyst'], posts: ['TKM'] });
    const chamanAdmin = (await createUser(t, admin, { username: 'cmn.admin', roles: ['admin'], posts: ['CMN'] })).token;
    const walk = async (token: string) => {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const body = await page(withCursor('/api/users?limit=1', cursor), token);
        names.push(...(body.users as { username: string }[]).map((u) => u.username));
        cursor = body.nextCursor;
      } while (cursor);
      return names;
    };
    assert.deepEqual(await walk(chamanAdmin), ['a.officer', 'b.officer', 'c.officer', 'cmn.admin']);
    assert.deepEqual(await walk(admin), ['a.officer', 'b.officer', 'c.officer', 'cmn.admin', 'officer.tkm', 'root.admin', 'tkm.analyst']);
  });

  test('travellers by name: pages in given-name order, at most 50 a page', async () => {
    for (const given of ['ZARA', 'AMINA', 'NOOR', 'BIBI', 'LAILA']) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/travellers',
        headers: bearer(officer),
        payload: { post: 'TKM', surnameLatin: 'KHAN', givenNamesLatin: given, birthDate: '1990', sex: 'F', nationality: 'PAK' },
      });
      assert.equal(created.statusCode, 201, created.body);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const body = await page(withCursor('/api/travellers?surname=KHAN&limit=2', cursor), officer);
      names.push(...(body.travellers as { givenNamesLatin: string }[]).map((p) => p.givenNamesLatin));
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(names, ['AMINA', 'BIBI', 'LAILA', 'NOOR', 'ZARA']);
    assert.equal(((await page('/api/travellers?surname=KHAN&limit=500', officer)).travellers as unknown[]).length, 5);
  });

  test('audit entries: reading pages appends entries (each read is audited) and the walk still gives each once, in order', async () => {
    const seqs: number[] = [];
    let cursor: string | null = null;
    let reads = 0;
    do {
      const body = await page(withCursor('/api/audit/entries?limit=5', cursor));
      seqs.push(...(body.entries as { seq: number }[]).map((e) => e.seq));
      cursor = body.nextCursor;
      reads++;
    } while (cursor);
    assert.ok(reads > 2, `${reads} reads`);
    // Contiguous sequence numbers from the first, none twice, including the entries earlier reads appended. The last
    // read appended one more entry after its page was taken, which the walk rightly did not see.
    assert.deepEqual(seqs, Array.from({ length: seqs.length }, (_, i) => i + 1));
    const head = (await page('/api/audit/entries?after=0&limit=1000')).entries as { seq: number }[];
    assert.equal(head.at(-1)!.seq, seqs.length + 1, 'only the walk\'s last read was appended after its page');
  });

  test('a malformed or foreign cursor, or a limit out of range, is VALIDATION_FAILED', async () => {
    const stringCursorOfAnotherList = encodeCursor({ key: 'ANG', id: '00000000-0000-0000-0000-000000000000' });
    const numberCursor = encodeCursor({ key: 3, id: '' });
    for (const url of [
      '/api/posts?cursor=not-a-cursor!',
      `/api/posts?cursor=${Buffer.from('{"a":1}').toString('base64url')}`,
      `/api/posts?cursor=${Buffer.from('[1,2,3]').toString('base64url')}`,
      `/api/posts?cursor=${numberCursor}`,
      `/api/users?cursor=${numberCursor}`,
      `/api/audit/entries?cursor=${stringCursorOfAnotherList}`,
      `/api/watchlists/versions?cursor=${stringCursorOfAnotherList}`,
      '/api/posts?limit=0',
      `/api/posts?limit=${PAGE_LIMIT_MAX + 1}`,
      '/api/posts?limit=ten',
      `/api/posts?cursor=${'A'.repeat(2000)}`,
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 400, url);
      assert.equal(errorCode(response), 'VALIDATION_FAILED', url);
    }
    const crossings = await get(`/api/crossings?post=TKM&status=awaiting_decision&cursor=${numberCursor}`, officer);
    assert.equal(errorCode(crossings), 'VALIDATION_FAILED');
  });

  test('queues, cases, versions and the overstays report answer the same page shape', async () => {
    const supervisor = (await createUser(t, admin, { username: 'sup.tkm', roles: ['supervisor'], posts: ['TKM'] })).token;
    for (const [url, key, token] of [
      ['/api/crossings?post=TKM&status=awaiting_decision&limit=5', 'crossings', officer],
      ['/api/adjudications?status=open&limit=5', 'cases', supervisor],
      ['/api/watchlists/versions?limit=5', 'versions', admin],
      ['/api/reports/overstays?limit=5', 'overstays', officer],
      ['/api/posts/TKM/devices?limit=5', 'devices', admin],
    ] as const) {
      const body = await page(url, token);
      assert.ok(Array.isArray(body[key]), `${url} has ${key}`);
      assert.equal(body.nextCursor, null, url);
    }
  });
});
