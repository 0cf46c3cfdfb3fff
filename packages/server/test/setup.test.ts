import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { describeEachDialect } from './helpers/databases.js';
import { buildTestApp, errorCode, PASSWORD, login } from './helpers/app.js';
import { issueSetupToken } from '../src/services/setup-service.js';
import { listAuditEntries, verifyAuditChain } from '../src/services/audit-service.js';

describeEachDialect('first-run setup', (context) => {
  const testApp = () => {
    const built = buildTestApp(context.database);
    after(() => built.app.close());
    return built;
  };
  const issue = (t: ReturnType<typeof buildTestApp>) =>
    issueSetupToken({ db: context.database.db, dialect: context.dialect, clock: t.clock, config: t.config, logger: pino({ level: 'silent' }) });

  test('reports that setup is required while no administrator exists', async () => {
    const { app } = testApp();
    const response = await app.inject({ method: 'GET', url: '/api/setup' });
    assert.deepEqual(response.json(), { required: true });
  });

  test('refuses a wrong token', async () => {
    const t = testApp();
    await issue(t);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token: 'sarhad_setup_guess', username: 'admin', displayName: 'Admin', password: PASSWORD },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(errorCode(response), 'SETUP_TOKEN_INVALID');
  });

  test('a later start issues a new token and the earlier one stops working', async () => {
    const t = testApp();
    const first = await issue(t);
    const second = await issue(t);
    assert.ok(first && second && first !== second);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token: first, username: 'admin', displayName: 'Admin', password: PASSWORD },
    });
    assert.equal(errorCode(response), 'SETUP_TOKEN_INVALID');
  });

  test('a password that fails the policy leaves the token usable', async () => {
    const t = testApp();
    const token = await issue(t);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token, username: 'admin', displayName: 'Admin', password: 'short' },
    });
    assert.equal(errorCode(weak), 'PASSWORD_POLICY');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token, username: 'Admin', displayName: 'First Admin', password: PASSWORD },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const user = (ok.json() as { user: Record<string, unknown> }).user;
    assert.deepEqual([user.username, user.roles, user.allPosts], ['admin', ['admin'], true]);
    assert.equal('passwordHash' in user || 'password_hash' in user, false);
    assert.ok(await login(t, 'admin'));
  });

  test('once an administrator exists, setup is refused and no token is issued', async () => {
    const t = testApp();
    assert.equal(await issue(t), undefined);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token: 'sarhad_setup_x', username: 'second', displayName: 'Second', password: PASSWORD },
    });
    assert.equal(response.statusCode, 409);
    assert.equal(errorCode(response), 'SETUP_ALREADY_DONE');
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/setup' })).json(), { required: false });
  });

  test('setup is audited and the chain verifies', async () => {
    const actions = (await listAuditEntries(context.database.db, 0, 100)).map((e) => e.action);
    assert.ok(actions.includes('setup.token_issued'));
    assert.ok(actions.includes('setup.completed'));
    assert.ok(actions.includes('user.created'));
    assert.equal((await verifyAuditChain(context.database.db)).ok, true);
  });
});
