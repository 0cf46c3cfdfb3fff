import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, errorCode, login, PASSWORD, setupAdmin, type TestApp } from './helpers/app.js';
import { listAuditEntries } from '../src/services/audit-service.js';

const MINUTE = 60_000;

describeEachDialect('signing in', (context) => {
  let t: TestApp;
  let admin: string;
  before(async () => {
    t = buildTestApp(context.database);
    admin = (await setupAdmin(t, context.database)).token;
    await createUser(t, admin, { username: 'auditor.one', roles: ['auditor'], allPosts: true });
  });
  after(() => t.app.close());

  const loginAttempt = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  test('a login sets an HttpOnly SameSite=Strict session cookie that authenticates', async () => {
    const response = await loginAttempt('auditor.one', PASSWORD);
    assert.equal(response.statusCode, 200);
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /^sarhad_session=sarhad_st_[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(me.statusCode, 200);
    assert.equal((me.json() as { user: { username: string } }).user.username, 'auditor.one');
  });

  test('the session token also works as a Bearer token, and only its hash is stored', async () => {
    const token = await login(t, 'auditor.one');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    assert.equal(me.statusCode, 200);
    const stored = await context.database.db.selectFrom('sessions').select('token_hash').execute();
    assert.ok(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash) && s.token_hash !== token));
  });

  test('a request without credentials gets AUTH_REQUIRED', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    assert.equal(response.statusCode, 401);
    assert.equal(errorCode(response), 'AUTH_REQUIRED');
  });

  test('logout ends the session', async () => {
    const token = await login(t, 'auditor.one');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /Max-Age=0/);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    assert.equal(errorCode(me), 'AUTH_REQUIRED');
  });

  test('a session expires after its lifetime', async () => {
    const token = await login(t, 'auditor.one');
    t.clock.advance(12 * 60 * MINUTE - 1);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode, 200);
    t.clock.advance(1);
    assert.equal(errorCode(await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })), 'AUTH_REQUIRED');
  });

  test('a wrong password and an unknown username get the same answer', async () => {
    const wrong = await loginAttempt('auditor.one', 'not the password at all');
    const unknown = await loginAttempt('nobody.here', 'not the password at all');
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(errorCode(wrong), 'AUTH_INVALID_CREDENTIALS');
    t.clock.advance(60 * MINUTE); // let these failures age out of the window
  });

  test('five failures lock the username for fifteen minutes, even for the right password', async () => {
    await createUser(t, await login(t, 'root.admin'), { username: 'target.user', roles: ['officer'], allPosts: true });
    for (let i = 0; i < 4; i++) assert.equal(errorCode(await loginAttempt('target.user', `wrong password ${i}`)), 'AUTH_INVALID_CREDENTIALS');
    assert.equal(errorCode(await loginAttempt('target.user', 'wrong password 5')), 'AUTH_INVALID_CREDENTIALS');
    const locked = await loginAttempt('target.user', PASSWORD);
    assert.equal(locked.statusCode, 429);
    assert.equal(errorCode(locked), 'AUTH_LOCKED_OUT');
    t.clock.advance(15 * MINUTE);
    assert.equal((await loginAttempt('target.user', PASSWORD)).statusCode, 200);
    const actions = (await listAuditEntries(context.database.db, 0, 1000)).map((e) => e.action);
    assert.ok(actions.includes('auth.locked_out'));
    assert.ok(actions.includes('auth.login_refused_locked'));
  });

  test('parallel guesses cannot check more passwords than the limit', async () => {
    await createUser(t, await login(t, 'root.admin'), { username: 'racer', roles: ['officer'], allPosts: true });
    const before = (await listAuditEntries(context.database.db, 0, 100_000)).length;
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => loginAttempt('racer', `guess number ${i}`)));
    const codes = responses.map((r) => errorCode(r));
    assert.equal(codes.filter((c) => c === 'AUTH_INVALID_CREDENTIALS').length, 5);
    assert.equal(codes.filter((c) => c === 'AUTH_LOCKED_OUT').length, 7);
    const entries = (await listAuditEntries(context.database.db, before, 100_000)).map((e) => e.action);
    assert.equal(entries.filter((a) => a === 'auth.login_failed' || a === 'auth.locked_out').length, 5);
    assert.equal(errorCode(await loginAttempt('racer', PASSWORD)), 'AUTH_LOCKED_OUT');
    t.clock.advance(15 * MINUTE);
  });

  test('failures spread beyond the window do not lock the account', async () => {
    await createUser(t, await login(t, 'root.admin'), { username: 'slow.typist', roles: ['officer'], allPosts: true });
    for (let i = 0; i < 8; i++) {
      assert.equal(errorCode(await loginAttempt('slow.typist', 'wrong password here')), 'AUTH_INVALID_CREDENTIALS');
      t.clock.advance(4 * MINUTE);
    }
    assert.equal((await loginAttempt('slow.typist', PASSWORD)).statusCode, 200);
  });

  test('a disabled account cannot sign in and its sessions end', async () => {
    const admin = await login(t, 'root.admin');
    const user = await createUser(t, admin, { username: 'leaver', roles: ['officer'], allPosts: true });
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: bearer(admin), payload: { disabled: true } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(errorCode(await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.token) })), 'AUTH_REQUIRED');
    assert.equal(errorCode(await loginAttempt('leaver', PASSWORD)), 'AUTH_INVALID_CREDENTIALS');
  });

  test('changing one\'s own password needs the current one, ends the other sessions and keeps this one', async () => {
    const user = await createUser(t, await login(t, 'root.admin'), { username: 'changer', roles: ['analyst'], allPosts: true });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: bearer(user.token),
      payload: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
    });
    assert.equal(errorCode(wrong), 'AUTH_INVALID_CREDENTIALS');
    const elsewhere = await login(t, 'changer');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: bearer(user.token),
      payload: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.token) })).statusCode, 200);
    assert.equal(errorCode(await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(elsewhere) })), 'AUTH_REQUIRED');
    assert.ok(await login(t, 'changer', 'a brand new passphrase'));
  });
});
