import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, setupAdmin, type TestApp } from './helpers/app.js';

describeEachDialect('who may see and do what', (context) => {
  let t: TestApp;
  let hqAdmin: string;
  let chamanOfficer: string;
  let chamanAdmin: string;
  let auditor: string;
  let torkhamOfficerId: string;
  let deviceKey: string;
  before(async () => {
    t = buildTestApp(context.database);
    hqAdmin = (await setupAdmin(t, context.database)).token;
    await createPost(t, hqAdmin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    await createPost(t, hqAdmin, { code: 'CMN', name: 'Chaman', lanes: ['E01'] });
    chamanOfficer = (await createUser(t, hqAdmin, { username: 'officer.cmn', roles: ['officer'], posts: ['CMN'] })).token;
    chamanAdmin = (await createUser(t, hqAdmin, { username: 'admin.cmn', roles: ['admin'], posts: ['CMN'] })).token;
    auditor = (await createUser(t, hqAdmin, { username: 'auditor.hq', roles: ['auditor'], allPosts: true })).token;
    torkhamOfficerId = (await createUser(t, hqAdmin, { username: 'officer.tkm', roles: ['officer'], posts: ['TKM'] })).id;
    const device = await t.app.inject({
      method: 'POST',
      url: '/api/posts/CMN/devices',
      headers: bearer(hqAdmin),
      payload: { lane: 'E01', name: 'Station' },
    });
    deviceKey = (device.json() as { apiKey: string }).apiKey;
  });
  after(() => t.app.close());

  const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const post = (url: string, token: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), payload });

  test('an officer at Chaman sees only Chaman in the list of posts', async () => {
    const posts = (await get('/api/posts', chamanOfficer)).json() as { posts: { code: string }[] };
    assert.deepEqual(posts.posts.map((p) => p.code), ['CMN']);
  });

  test('an officer at Chaman is refused Torkham with FORBIDDEN_POST', async () => {
    const response = await get('/api/posts/TKM', chamanOfficer);
    assert.equal(response.statusCode, 403);
    assert.equal(errorCode(response), 'FORBIDDEN_POST');
  });

  test('an officer cannot create posts, lanes, devices or users', async () => {
    for (const [url, payload] of [
      ['/api/posts', { code: 'GKN', name: 'Ghulam Khan', side: 'PK', timeZone: 'Asia/Karachi' }],
      ['/api/posts/CMN/lanes', { code: 'E02', name: 'x', direction: 'entry' }],
      ['/api/posts/CMN/devices', { lane: 'E01', name: 'x' }],
      ['/api/users', { username: 'x.y', displayName: 'x', password: 'long enough password', roles: ['officer'], posts: ['CMN'] }],
    ] as const) {
      const response = await post(url, chamanOfficer, payload);
      assert.equal(response.statusCode, 403, url);
      assert.equal(errorCode(response), 'FORBIDDEN_ROLE', url);
    }
  });

  test('an administrator at Chaman manages lanes at Chaman but not at Torkham', async () => {
    assert.equal((await post('/api/posts/CMN/lanes', chamanAdmin, { code: 'E02', name: 'Counter 2', direction: 'entry' })).statusCode, 201);
    const response = await post('/api/posts/TKM/lanes', chamanAdmin, { code: 'E02', name: 'Counter 2', direction: 'entry' });
    assert.equal(errorCode(response), 'FORBIDDEN_POST');
  });

  test('an administrator at Chaman cannot create a post', async () => {
    const response = await post('/api/posts', chamanAdmin, { code: 'AAD', name: 'Angoor Adda', side: 'PK', timeZone: 'Asia/Karachi' });
    assert.equal(errorCode(response), 'FORBIDDEN_POST');
  });

  test('an administrator at Chaman cannot create users at Torkham or with all posts', async () => {
    const base = { displayName: 'x', password: 'long enough password', roles: ['officer'] };
    assert.equal(errorCode(await post('/api/users', chamanAdmin, { ...base, username: 'a.tkm', posts: ['TKM'] })), 'FORBIDDEN_POST');
    assert.equal(errorCode(await post('/api/users', chamanAdmin, { ...base, username: 'a.all', allPosts: true })), 'FORBIDDEN_POST');
    assert.equal((await post('/api/users', chamanAdmin, { ...base, username: 'a.cmn', posts: ['CMN'] })).statusCode, 201);
  });

  test('an administrator at Chaman neither sees nor changes a Torkham officer', async () => {
    const users = (await get('/api/users', chamanAdmin)).json() as { users: { username: string }[] };
    assert.ok(!users.users.some((u) => u.username === 'officer.tkm'));
    assert.ok(users.users.some((u) => u.username === 'officer.cmn'));
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${torkhamOfficerId}`,
      headers: bearer(chamanAdmin),
      payload: { disabled: true },
    });
    assert.equal(errorCode(response), 'USER_NOT_FOUND');
  });

  test('an administrator at Chaman cannot move a Chaman officer to Torkham', async () => {
    const officer = (await get('/api/users', chamanAdmin)).json() as { users: { id: string; username: string }[] };
    const id = officer.users.find((u) => u.username === 'officer.cmn')!.id;
    const response = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: bearer(chamanAdmin), payload: { posts: ['TKM'] } });
    assert.equal(errorCode(response), 'FORBIDDEN_POST');
  });

  test('only auditors and administrators read the audit log', async () => {
    assert.equal((await get('/api/audit/verify', auditor)).statusCode, 200);
    assert.equal((await get('/api/audit/checkpoint', auditor)).statusCode, 200);
    const entries = await get('/api/audit/entries?limit=5', auditor);
    assert.equal(entries.statusCode, 200);
    assert.equal((entries.json() as { entries: unknown[] }).entries.length, 5);
    for (const url of ['/api/audit/verify', '/api/audit/checkpoint', '/api/audit/entries']) {
      assert.equal(errorCode(await get(url, chamanOfficer)), 'FORBIDDEN_ROLE', url);
    }
  });

  test('an auditor cannot administer', async () => {
    assert.equal(errorCode(await get('/api/users', auditor)), 'FORBIDDEN_ROLE');
  });

  test('a device key cannot act as a user, and a user session is not a device', async () => {
    for (const url of ['/api/posts', '/api/users', '/api/auth/me', '/api/audit/verify']) {
      const response = await get(url, deviceKey);
      assert.equal(response.statusCode, 403, url);
      assert.equal(errorCode(response), 'FORBIDDEN_PRINCIPAL', url);
    }
    assert.equal(errorCode(await get('/api/devices/self', chamanOfficer)), 'FORBIDDEN_PRINCIPAL');
  });

  test('no endpoint but health and setup answers without credentials', async () => {
    for (const url of ['/api/posts', '/api/users', '/api/auth/me', '/api/audit/verify', '/api/devices/self']) {
      assert.equal(errorCode(await t.app.inject({ method: 'GET', url })), 'AUTH_REQUIRED', url);
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
  });
});
