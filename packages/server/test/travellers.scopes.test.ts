import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';

describeEachDialect('who may record and read travellers', (context) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let travellerId: string;
  before(async () => {
    t = buildTestApp(context.database);
    const admin = (await setupAdmin(t, context.database)).token;
    tokens.admin = admin;
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    await createPost(t, admin, { code: 'CMN', name: 'Chaman', lanes: ['E01'] });
    tokens.chaman = (await createUser(t, admin, { username: 'officer.cmn', roles: ['officer'], posts: ['CMN'] })).token;
    tokens.analyst = (await createUser(t, admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true })).token;
    tokens.auditor = (await createUser(t, admin, { username: 'auditor.hq', roles: ['auditor'], allPosts: true })).token;
    tokens.watchlist = (await createUser(t, admin, { username: 'lists.hq', roles: ['watchlist_manager'], allPosts: true })).token;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/travellers',
      headers: bearer(tokens.chaman),
      payload: { post: 'CMN', surnameLatin: 'Noori', givenNamesLatin: 'Zarmina', birthDate: '1990-05', sex: 'F', nationality: 'AFG' },
    });
    assert.equal(created.statusCode, 201, created.body);
    travellerId = (created.json() as { traveller: { id: string } }).traveller.id;
  });
  after(() => t.app.close());

  const newTraveller = { surnameLatin: 'Noori', givenNamesLatin: 'Zarmina', birthDate: '1990', sex: 'F', nationality: 'AFG' };

  test('an officer at Chaman cannot record a traveller at Torkham', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/travellers',
      headers: bearer(tokens.chaman),
      payload: { ...newTraveller, post: 'TKM' },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(errorCode(response), 'FORBIDDEN_POST');
  });

  test('an officer at Chaman cannot add a document at Torkham', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/travellers/${travellerId}/documents`,
      headers: bearer(tokens.chaman),
      payload: { post: 'TKM', document: { type: 'tazkira', number: '12/34/567' } },
    });
    assert.equal(errorCode(response), 'FORBIDDEN_POST');
  });

  test('an analyst reads travellers but cannot record them', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/travellers/${travellerId}`, headers: bearer(tokens.analyst) })).statusCode, 200);
    const response = await t.app.inject({ method: 'POST', url: '/api/travellers', headers: bearer(tokens.analyst), payload: { ...newTraveller, post: 'CMN' } });
    assert.equal(errorCode(response), 'FORBIDDEN_ROLE');
  });

  test('auditors, watchlist managers and administrators do not read traveller records', async () => {
    for (const who of ['auditor', 'watchlist', 'admin']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/travellers/${travellerId}`, headers: bearer(tokens[who]!) });
      assert.equal(response.statusCode, 403, who);
      assert.equal(errorCode(response), 'FORBIDDEN_ROLE', who);
    }
  });

  test('an auditor sees who read a traveller', async () => {
    await t.app.inject({ method: 'GET', url: `/api/travellers/${travellerId}`, headers: bearer(tokens.analyst!) });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/audit/entries?subject=traveller:${travellerId}`,
      headers: bearer(tokens.auditor!),
    });
    assert.equal(response.statusCode, 200, response.body);
    const entries = (response.json() as { entries: { action: string; subject: string }[] }).entries;
    assert.ok(entries.length >= 2);
    assert.ok(entries.every((e) => e.subject === `traveller:${travellerId}`));
    assert.deepEqual(entries.slice(0, 1).map((e) => e.action), ['traveller.created']);
    assert.ok(entries.some((e) => e.action === 'traveller.read'));
  });

  test('reading travellers needs a session', async () => {
    assert.equal(errorCode(await t.app.inject({ method: 'GET', url: `/api/travellers/${travellerId}` })), 'AUTH_REQUIRED');
  });
});
