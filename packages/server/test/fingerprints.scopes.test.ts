import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';
import { fingerCaptures } from './helpers/fingers.js';

describeEachDialect('who may enrol and read fingerprints', (context) => {
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
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/travellers',
      headers: bearer(tokens.chaman),
      payload: { post: 'CMN', surnameLatin: 'Noori', givenNamesLatin: 'Zarmina', birthDate: '1990', sex: 'F', nationality: 'AFG' },
    });
    travellerId = (created.json() as { traveller: { id: string } }).traveller.id;
  });
  after(() => t.app.close());

  const enrol = (token: string, post: string) =>
    t.app.inject({ method: 'POST', url: `/api/travellers/${travellerId}/fingerprints`, headers: bearer(token), payload: { post, fingers: fingerCaptures(9, [2]) } });

  test('an officer at Chaman cannot enrol fingerprints at Torkham', async () => {
    assert.equal(errorCode(await enrol(tokens.chaman!, 'TKM')), 'FORBIDDEN_POST');
  });

  test('an analyst reads fingerprint metadata but cannot enrol fingers', async () => {
    assert.equal(errorCode(await enrol(tokens.analyst!, 'CMN')), 'FORBIDDEN_ROLE');
    const listed = await t.app.inject({ method: 'GET', url: `/api/travellers/${travellerId}/fingerprints`, headers: bearer(tokens.analyst!) });
    assert.equal(listed.statusCode, 200);
  });

  test('an administrator neither enrols nor reads fingerprints', async () => {
    assert.equal(errorCode(await enrol(tokens.admin!, 'CMN')), 'FORBIDDEN_ROLE');
    const listed = await t.app.inject({ method: 'GET', url: `/api/travellers/${travellerId}/fingerprints`, headers: bearer(tokens.admin!) });
    assert.equal(errorCode(listed), 'FORBIDDEN_ROLE');
  });

  test('enrolling fingerprints needs a session', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/api/travellers/${travellerId}/fingerprints`, payload: { post: 'CMN', fingers: [] } });
    assert.equal(errorCode(response), 'AUTH_REQUIRED');
  });
});
