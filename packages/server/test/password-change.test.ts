/**
 * Forced password change: an account whose password an administrator set (creation, reset, `sarhad admin create`)
 * may only change it, ask who it is and sign out until it does; the change proves the current password, follows the
 * policy, ends the user's other sessions and is audited.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createPost, errorCode, login, PASSWORD, setupAdmin, type TestApp } from './helpers/app.js';
import { listAuditEntries } from '../src/services/audit-service.js';
import { createUserFromConsole } from '../src/services/console-accounts-service.js';

const ADMIN_SET = 'set by the administrator';
const OWN = 'chosen by the officer alone';

describeEachDialect('forced password change', (context) => {
  let t: TestApp;
  let admin: string;
  before(async () => {
    t = buildTestApp(context.database);
    admin = (await setupAdmin(t, context.database)).token;
    await createPost(t, admin, { code: 'TKM', name: 'Torkham', lanes: ['E01'] });
  });
  after(() => t.app.close());

  const inject = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const newAccount = async (username: string) => {
    const created = await inject('POST', '/api/users', admin, {
      username,
      displayName: username,
      password: ADMIN_SET,
      roles: ['officer'],
      posts: ['TKM'],
    });
    assert.equal(created.statusCode, 201, created.body);
    const user = (created.json() as { user: { id: string; passwordChangeRequired: boolean } }).user;
    assert.equal(user.passwordChangeRequired, true);
    return user.id;
  };

  test('the first administrator chose their own password and is not asked to change it', async () => {
    const me = await inject('GET', '/api/auth/me', admin);
    assert.equal((me.json() as { user: { passwordChangeRequired: boolean } }).user.passwordChangeRequired, false);
    assert.equal((await inject('GET', '/api/posts', admin)).statusCode, 200);
  });

  test('a new account signs in, but every route except me, the change and sign-out answers PASSWORD_CHANGE_REQUIRED', async () => {
    await newAccount('first.login');
    const signedIn = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'first.login', password: ADMIN_SET } });
    assert.equal(signedIn.statusCode, 200);
    const { token, user } = signedIn.json() as { token: string; user: { passwordChangeRequired: boolean } };
    assert.equal(user.passwordChangeRequired, true);

    for (const [method, url] of [
      ['GET', '/api/posts'],
      ['GET', '/api/posts/TKM'],
      ['GET', '/api/travellers?surname=KHAN'],
      ['GET', '/api/crossings?post=TKM&status=awaiting_decision'],
      ['GET', '/api/users'],
      ['POST', '/api/travellers/lookup-mrz'],
    ] as const) {
      const response = await inject(method, url, token, method === 'POST' ? {} : undefined);
      assert.equal(response.statusCode, 403, `${method} ${url}`);
      assert.equal(errorCode(response), 'PASSWORD_CHANGE_REQUIRED', `${method} ${url}`);
    }
    const me = await inject('GET', '/api/auth/me', token);
    assert.equal(me.statusCode, 200);
    assert.equal((me.json() as { user: { passwordChangeRequired: boolean } }).user.passwordChangeRequired, true);
    assert.equal((await inject('POST', '/api/auth/logout', token)).statusCode, 204);
    assert.equal(errorCode(await inject('GET', '/api/auth/me', token)), 'AUTH_REQUIRED');
  });

  test('the change needs the right current password, a new one within policy and different from it', async () => {
    await newAccount('careful.one');
    const token = await login(t, 'careful.one', ADMIN_SET);
    const change = (currentPassword: string, newPassword: string) =>
      inject('POST', '/api/auth/password', token, { currentPassword, newPassword });
    assert.equal(errorCode(await change('not the one', OWN)), 'AUTH_INVALID_CREDENTIALS');
    assert.equal(errorCode(await change(ADMIN_SET, 'short')), 'PASSWORD_POLICY');
    assert.equal(errorCode(await change(ADMIN_SET, ADMIN_SET)), 'PASSWORD_UNCHANGED');
    assert.equal(errorCode(await inject('POST', '/api/auth/password', token, { currentPassword: ADMIN_SET })), 'VALIDATION_FAILED');
    assert.equal(errorCode(await inject('GET', '/api/posts', token)), 'PASSWORD_CHANGE_REQUIRED');
  });

  test('changing it opens the API in the same session, ends the other sessions and is audited', async () => {
    const id = await newAccount('officer.tkm');
    const first = await login(t, 'officer.tkm', ADMIN_SET);
    const second = await login(t, 'officer.tkm', ADMIN_SET);
    const changed = await inject('POST', '/api/auth/password', first, { currentPassword: ADMIN_SET, newPassword: OWN });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((changed.json() as { user: { passwordChangeRequired: boolean } }).user.passwordChangeRequired, false);

    const posts = await inject('GET', '/api/posts', first);
    assert.equal(posts.statusCode, 200, posts.body);
    assert.equal(errorCode(await inject('GET', '/api/auth/me', second)), 'AUTH_REQUIRED');
    await assert.rejects(login(t, 'officer.tkm', ADMIN_SET));
    assert.equal((await inject('GET', '/api/posts', await login(t, 'officer.tkm', OWN))).statusCode, 200);

    const entry = (await listAuditEntries(context.database.db, 0, 10_000)).filter((e) => e.action === 'user.password_changed').at(-1)!;
    assert.equal(entry.actor, `user:${id}`);
    assert.equal(entry.subject, `user:${id}`);
    assert.deepEqual(entry.details, { username: 'officer.tkm', required: true, otherSessionsEnded: 1 });
    assert.doesNotMatch(JSON.stringify(entry), new RegExp(OWN));
  });

  test('an administrator\'s reset requires the change again', async () => {
    const id = await newAccount('forgetful');
    const token = await login(t, 'forgetful', ADMIN_SET);
    assert.equal((await inject('POST', '/api/auth/password', token, { currentPassword: ADMIN_SET, newPassword: OWN })).statusCode, 200);
    const reset = await inject('POST', `/api/users/${id}/password`, admin, { password: 'reset by the admin' });
    assert.equal(reset.statusCode, 204);
    const again = await login(t, 'forgetful', 'reset by the admin');
    assert.equal(errorCode(await inject('GET', '/api/posts', again)), 'PASSWORD_CHANGE_REQUIRED');
    const listed = (await inject('GET', `/api/users/${id}`, admin)).json() as { user: { passwordChangeRequired: boolean } };
    assert.equal(listed.user.passwordChangeRequired, true);
  });

  test('a device key is not affected, and an account made at the console must change its generated password', async () => {
    const { user, password } = await createUserFromConsole(
      { database: context.database, config: t.config, clock: t.clock },
      { username: 'console.admin', roles: ['admin'], posts: [], allPosts: true },
    );
    assert.equal(user.passwordChangeRequired, true);
    const token = await login(t, 'console.admin', password);
    assert.equal(errorCode(await inject('GET', '/api/users', token)), 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await inject('POST', '/api/auth/password', token, { currentPassword: password, newPassword: PASSWORD })).statusCode, 200);
    assert.equal((await inject('GET', '/api/users', token)).statusCode, 200);
  });
});
