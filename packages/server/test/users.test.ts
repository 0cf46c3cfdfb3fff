import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, createUser, errorCode, login, setupAdmin, type TestApp } from './helpers/app.js';
import { listAuditEntries } from '../src/services/audit-service.js';

describeEachDialect('user administration', (context) => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  before(async () => {
    t = buildTestApp(context.database);
    ({ token: admin, userId: adminId } = await setupAdmin(t, context.database));
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
    await createPost(t, admin, { code: 'CMN', name: 'Chaman', side: 'PK', lanes: ['E01'] });
  });
  after(() => t.app.close());

  test('an administrator creates an officer at a post; the password is stored as argon2id', async () => {
    const officer = await createUser(t, admin, { username: 'officer.tkm', roles: ['officer'], posts: ['TKM'] });
    const user = (await t.app.inject({ method: 'GET', url: `/api/users/${officer.id}`, headers: bearer(admin) })).json() as {
      user: { roles: string[]; posts: string[]; allPosts: boolean };
    };
    assert.deepEqual([user.user.roles, user.user.posts, user.user.allPosts], [['officer'], ['TKM'], false]);
    const row = await context.database.db.selectFrom('users').select('password_hash').where('id', '=', officer.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  test('a duplicate username is refused with USERNAME_TAKEN, case-insensitively', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(admin),
      payload: { username: 'Officer.TKM', displayName: 'x', password: 'long enough password', roles: ['officer'], posts: ['TKM'] },
    });
    assert.equal(response.statusCode, 409);
    assert.equal(errorCode(response), 'USERNAME_TAKEN');
  });

  test('an unknown role or post is refused', async () => {
    const role = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(admin),
      payload: { username: 'x.role', displayName: 'x', password: 'long enough password', roles: ['king'] },
    });
    assert.equal(errorCode(role), 'VALIDATION_FAILED');
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(admin),
      payload: { username: 'x.post', displayName: 'x', password: 'long enough password', roles: ['officer'], posts: ['ZZZ'] },
    });
    assert.equal(errorCode(post), 'POST_NOT_FOUND');
  });

  test('changing roles and posts is audited with before and after, and ends the user\'s sessions', async () => {
    const officer = await createUser(t, admin, { username: 'moving.officer', roles: ['officer'], posts: ['TKM'] });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${officer.id}`,
      headers: bearer(admin),
      payload: { roles: ['supervisor', 'officer'], posts: ['CMN'] },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual((response.json() as { user: { roles: string[]; posts: string[] } }).user.posts, ['CMN']);
    assert.equal(errorCode(await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(officer.token) })), 'AUTH_REQUIRED');
    const entry = (await listAuditEntries(context.database.db, 0, 1000)).filter((e) => e.action === 'user.updated').at(-1)!;
    assert.equal(entry.subject, `user:${officer.id}`);
    assert.equal(entry.actor, `user:${adminId}`);
    assert.deepEqual(entry.details.changes, {
      roles: { from: ['officer'], to: ['officer', 'supervisor'] },
      posts: { from: ['TKM'], to: ['CMN'] },
    });
  });

  test('an administrator resets a password; the old one stops working', async () => {
    const user = await createUser(t, admin, { username: 'forgetful', roles: ['analyst'], allPosts: true });
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/password`,
      headers: bearer(admin),
      payload: { password: 'temporary passphrase 1' },
    });
    assert.equal(reset.statusCode, 204);
    await assert.rejects(login(t, 'forgetful'));
    assert.ok(await login(t, 'forgetful', 'temporary passphrase 1'));
    assert.ok((await listAuditEntries(context.database.db, 0, 1000)).some((e) => e.action === 'user.password_reset'));
  });

  test('the last headquarters administrator cannot be disabled or demoted', async () => {
    for (const payload of [{ disabled: true }, { roles: ['auditor'] }, { allPosts: false, posts: ['TKM'] }]) {
      const response = await t.app.inject({ method: 'PATCH', url: `/api/users/${adminId}`, headers: bearer(admin), payload });
      assert.equal(response.statusCode, 409, JSON.stringify(payload));
      assert.equal(errorCode(response), 'LAST_ADMIN');
    }
    await createUser(t, admin, { username: 'second.admin', roles: ['admin'], allPosts: true });
    const response = await t.app.inject({ method: 'PATCH', url: `/api/users/${adminId}`, headers: bearer(admin), payload: { disabled: true } });
    assert.equal(response.statusCode, 200);
  });
});
