import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, errorCode, PASSWORD, type TestApp } from './helpers/app.js';
import { issueSetupToken } from '../src/services/setup-service.js';
import { verifyAuditChain } from '../src/services/audit-service.js';
import { DEMO_SCENARIOS } from '../src/domain/demo-people.js';

const TRAVELLERS = 60;
const NEW_PASSWORD = 'demo officer pass phrase 1';

describeEachDialect('demo data and the simulated lane', (context) => {
  let t: TestApp;
  let adminToken: string;
  let accounts: { username: string; password: string | null }[];
  let officerToken: string;

  const signIn = async (username: string, password: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { token: string }).token;
  };

  before(async () => {
    t = buildTestApp(context.database);
    const token = await issueSetupToken({ db: context.database.db, dialect: context.dialect, clock: t.clock, config: t.config, logger: pino({ level: 'silent' }) });
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token, username: 'root.admin', displayName: 'Root Admin', password: PASSWORD, demo: { seed: 11, travellers: TRAVELLERS } },
    });
    assert.equal(setup.statusCode, 201, setup.body);
    accounts = (setup.json() as { demo: { accounts: typeof accounts } }).demo.accounts;
    adminToken = await signIn('root.admin', PASSWORD);
    for (let i = 0; i < 600; i++) {
      const status = (await t.app.inject({ method: 'GET', url: '/api/demo/status', headers: bearer(adminToken) })).json() as { status: string; error: string | null };
      if (status.status === 'loaded') break;
      assert.notEqual(status.status, 'failed', status.error ?? '');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const officer = accounts.find((a) => a.username === 'demo.officer')!;
    const first = await signIn('demo.officer', officer.password!);
    const changed = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(first), payload: { currentPassword: officer.password, newPassword: NEW_PASSWORD } });
    assert.ok(changed.statusCode < 300, changed.body);
    officerToken = await signIn('demo.officer', NEW_PASSWORD);
  });
  after(() => t.app.close());

  test('first-run setup with the demo choice prints one one-time password per role, once', () => {
    assert.deepEqual(
      accounts.map((a) => a.username).sort(),
      ['demo.admin', 'demo.analyst', 'demo.auditor', 'demo.enrolment', 'demo.officer', 'demo.supervisor', 'demo.watchlist'],
    );
    assert.ok(accounts.every((a) => typeof a.password === 'string' && a.password.length >= 20));
  });

  test('status reports demo mode enabled once loaded', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/demo/status', headers: bearer(officerToken) });
    const status = response.json() as { enabled: boolean; status: string; seed: number; travellers: number };
    assert.equal(status.enabled, true);
    assert.equal(status.status, 'loaded');
    assert.equal(status.seed, 11);
  });

  test('the five posts exist with lanes and a scanner on every lane', async () => {
    const posts = (await t.app.inject({ method: 'GET', url: '/api/posts', headers: bearer(adminToken) })).json() as { posts: { code: string; lanes: unknown[] }[] };
    assert.deepEqual(posts.posts.map((p) => p.code).sort(), ['AGA', 'CMN', 'GKN', 'KLC', 'TKM']);
    const devices = (await t.app.inject({ method: 'GET', url: '/api/posts/TKM/devices', headers: bearer(adminToken) })).json() as { devices: unknown[] };
    assert.equal(devices.devices.length, posts.posts.find((p) => p.code === 'TKM')!.lanes.length);
  });

  test('loading again is refused and duplicates nothing', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/demo/load', headers: bearer(adminToken), payload: { seed: 11, travellers: TRAVELLERS } });
    assert.equal(response.statusCode, 409);
    assert.equal(errorCode(response), 'DEMO_ALREADY_LOADED');
    const demo = await context.database.db.selectFrom('demo_travellers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const travellers = await context.database.db.selectFrom('travellers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(travellers.n), Number(demo.n));
    assert.ok(Number(demo.n) >= TRAVELLERS - 2, `${demo.n} demo travellers`);
  });

  test('duplicate enrolments wait for adjudication and overstays are reported', async () => {
    const supervisor = await context.database.db.selectFrom('adjudication_cases').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow();
    assert.ok(Number(supervisor.n) >= 3);
    const analyst = accounts.find((a) => a.username === 'demo.analyst')!;
    let token = await signIn('demo.analyst', analyst.password!);
    await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(token), payload: { currentPassword: analyst.password, newPassword: NEW_PASSWORD } });
    token = await signIn('demo.analyst', NEW_PASSWORD);
    const report = await t.app.inject({ method: 'GET', url: '/api/reports/overstays', headers: bearer(token) });
    assert.equal(report.statusCode, 200, report.body);
    assert.ok((report.json() as { overstays: unknown[] }).overstays.length >= 1);
  });

  test('the queue shows every scenario with valid MRZs, and a scanned routine traveller is verified', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/demo/queue?post=TKM&limit=12', headers: bearer(officerToken) });
    assert.equal(response.statusCode, 200, response.body);
    const queue = (response.json() as { travellers: { travellerId: string | null; scenario: string; mrz: [string, string] | null; documentKind: string | null }[] }).travellers;
    assert.ok(queue.length > 0);
    for (const entry of queue) assert.ok(DEMO_SCENARIOS.includes(entry.scenario as never));
    assert.ok(queue.some((e) => e.scenario === 'unknown' && e.travellerId === null));
    assert.ok(queue.filter((e) => e.scenario === 'no-document').every((e) => e.documentKind === null));
    const routine = queue.find((e) => e.scenario === 'routine' && e.mrz)!;
    // Like a lane, the officer captures again when the server finds a capture too poor to use.
    let crossing;
    for (let take = 1; take <= 5; take++) {
      const capture = await t.app.inject({ method: 'POST', url: '/api/demo/scanner/capture', headers: bearer(officerToken), payload: { travellerId: routine.travellerId } });
      assert.equal(capture.statusCode, 200, capture.body);
      const fingers = (capture.json() as { fingers: { position: number; format: string; template: string }[] }).fingers;
      assert.deepEqual(fingers.map((f) => f.position), [2, 7]);
      crossing = await t.app.inject({
        method: 'POST',
        url: '/api/crossings',
        headers: bearer(officerToken),
        payload: {
          post: 'TKM',
          lane: 'E01',
          direction: 'in',
          idempotencyKey: `demo-test-routine-${take}`,
          document: { mrz: routine.mrz },
          fingers: fingers.map((f) => ({ position: f.position, template: f.template, capturedAt: '2026-11-26T08:00:00.000Z' })),
        },
      });
      if (errorCode(crossing) !== 'FINGERPRINT_UNUSABLE') break;
    }
    crossing = crossing!;
    assert.equal(crossing.statusCode, 201, crossing.body);
    const answer = (crossing.json() as { crossing: { traveller: { id: string }; biometrics: { outcome: string } } }).crossing;
    assert.equal(answer.biometrics.outcome, 'verified');
    assert.equal(answer.traveller.id, routine.travellerId);
  });

  test('an unknown traveller\'s prints match nobody', async () => {
    let crossing;
    for (let take = 1; take <= 5; take++) {
      const capture = await t.app.inject({ method: 'POST', url: '/api/demo/scanner/capture', headers: bearer(officerToken), payload: { scenario: 'unknown' } });
      const fingers = (capture.json() as { fingers: { position: number; template: string }[] }).fingers;
      crossing = await t.app.inject({
        method: 'POST',
        url: '/api/crossings',
        headers: bearer(officerToken),
        payload: { post: 'TKM', lane: 'E01', direction: 'in', idempotencyKey: `demo-test-unknown-${take}`, fingers: fingers.map((f) => ({ position: f.position, template: f.template, capturedAt: '2026-11-26T08:00:00.000Z' })) },
      });
      if (errorCode(crossing) !== 'FINGERPRINT_UNUSABLE') break;
    }
    crossing = crossing!;
    assert.equal(crossing.statusCode, 201, crossing.body);
    assert.equal((crossing.json() as { crossing: { biometrics: { outcome: string } } }).crossing.biometrics.outcome, 'not_identified');
  });

  test('the scanner refuses a traveller who is not a demo traveller', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/demo/scanner/capture', headers: bearer(officerToken), payload: { travellerId: '00000000-0000-4000-8000-000000000000' } });
    assert.equal(response.statusCode, 404);
    assert.equal(errorCode(response), 'DEMO_TRAVELLER_NOT_FOUND');
  });

  test('the audit chain still verifies after loading', async () => {
    const verification = await verifyAuditChain(context.database.db);
    assert.equal(verification.ok, true, JSON.stringify(verification));
  });
});

describeEachDialect('demo routes without demo data', (context) => {
  test('the queue and the scanner answer DEMO_DISABLED, status says disabled', async () => {
    const t = buildTestApp(context.database);
    after(() => t.app.close());
    const token = await issueSetupToken({ db: context.database.db, dialect: context.dialect, clock: t.clock, config: t.config, logger: pino({ level: 'silent' }) });
    await t.app.inject({ method: 'POST', url: '/api/setup', payload: { token, username: 'root.admin', displayName: 'Root', password: PASSWORD } });
    const login = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'root.admin', password: PASSWORD } })).json() as { token: string };
    const status = await t.app.inject({ method: 'GET', url: '/api/demo/status', headers: bearer(login.token) });
    assert.equal((status.json() as { enabled: boolean }).enabled, false);
    const capture = await t.app.inject({ method: 'POST', url: '/api/demo/scanner/capture', headers: bearer(login.token), payload: { scenario: 'unknown' } });
    assert.equal(capture.statusCode, 403); // an administrator has no lane role: refused before the demo check
    await t.app.inject({ method: 'POST', url: '/api/users', headers: bearer(login.token), payload: { username: 'lane.officer', displayName: 'Officer', password: PASSWORD, roles: ['officer'], allPosts: true } });
    let officer = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lane.officer', password: PASSWORD } })).json() as { token: string };
    await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(officer.token), payload: { currentPassword: PASSWORD, newPassword: 'another long pass phrase' } });
    officer = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lane.officer', password: 'another long pass phrase' } })).json() as { token: string };
    for (const request of [
      { method: 'POST' as const, url: '/api/demo/scanner/capture', payload: { scenario: 'unknown' } },
      { method: 'GET' as const, url: '/api/demo/queue?post=TKM' },
    ]) {
      const response = await t.app.inject({ ...request, headers: bearer(officer.token) });
      assert.equal(response.statusCode, 404, response.body);
      assert.equal(errorCode(response), 'DEMO_DISABLED');
    }
    const unauth = await t.app.inject({ method: 'GET', url: '/api/demo/status' });
    assert.equal(unauth.statusCode, 401);
  });
});
