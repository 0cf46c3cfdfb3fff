import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { NATIONAL_SMALL_CSV } from './helpers/watchlists.js';

describeEachDialect('who may import watchlists', (context) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  before(async () => {
    t = buildTestApp(context.database);
    const admin = (await setupAdmin(t, context.database)).token;
    tokens.admin = admin;
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    tokens.officer = (await createUser(t, admin, { username: 'officer.tkm', roles: ['officer', 'supervisor'], posts: ['TKM'] })).token;
    tokens.postManager = (await createUser(t, admin, { username: 'lists.tkm', roles: ['watchlist_manager'], posts: ['TKM'] })).token;
    tokens.analyst = (await createUser(t, admin, { username: 'analyst.hq', roles: ['analyst'], allPosts: true })).token;
  });
  after(() => t.app.close());

  const upload = (token: string) => t.app.inject({ method: 'POST', url: '/api/watchlists/import', headers: bearer(token), payload: { text: NATIONAL_SMALL_CSV } });

  test('officers, supervisors and analysts cannot import lists', async () => {
    assert.equal(errorCode(await upload(tokens.officer!)), 'FORBIDDEN_ROLE');
    assert.equal(errorCode(await upload(tokens.analyst!)), 'FORBIDDEN_ROLE');
  });

  test('a watchlist manager granted one post cannot change lists that apply at every post', async () => {
    assert.equal(errorCode(await upload(tokens.postManager!)), 'FORBIDDEN_POST');
  });

  test('a headquarters administrator may import a list', async () => {
    assert.equal((await upload(tokens.admin!)).statusCode, 201);
  });
});
