import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './helpers/databases.js';
import { bearer, buildTestApp, createUser, errorCode, login, setupAdmin, type TestApp } from './helpers/app.js';
import { purgeExpired } from '../src/services/retention-service.js';
import type { RetentionRun, RetentionSetting } from '../src/services/retention-settings-service.js';

const DAY_MS = 86_400_000;

describeEachDialect('retention settings', (context) => {
  let t: TestApp;
  let admin: string;
  let auditor: string;
  const get = (token = admin) => t.app.inject({ method: 'GET', url: '/api/retention', headers: bearer(token) });
  const patch = (payload: object, token = admin) => t.app.inject({ method: 'PATCH', url: '/api/retention', headers: bearer(token), payload });
  const settingOf = (body: { settings: RetentionSetting[] }, dataClass: string) => body.settings.find((s) => s.dataClass === dataClass)!;

  before(async () => {
    t = buildTestApp(context.database);
    admin = (await setupAdmin(t, context.database)).token;
    auditor = (await createUser(t, admin, { username: 'auditor.hq', roles: ['auditor'], allPosts: true })).token;
  });
  after(() => t.app.close());

  test('the administrator sees each data class with its configured default and bounds', async () => {
    const response = await get();
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as { settings: RetentionSetting[]; runs: RetentionRun[] };
    assert.deepEqual(body.settings.map((s) => s.dataClass), ['unenrolled_travellers', 'enrolled_travellers', 'fingerprint_images', 'audit_log']);
    assert.deepEqual(settingOf(body, 'unenrolled_travellers'), { dataClass: 'unenrolled_travellers', days: 1095, defaultDays: 1095, min: 1, max: 3650, foreverAllowed: false, updatedAt: null, updatedBy: null });
    assert.equal(settingOf(body, 'audit_log').days, null);
    assert.equal(settingOf(body, 'audit_log').min, 365);
    assert.deepEqual(body.runs, []);
    assert.equal(errorCode(await get(auditor)), 'FORBIDDEN_ROLE');
    assert.equal(errorCode(await patch({ unenrolled_travellers: 30 }, auditor)), 'FORBIDDEN_ROLE');
  });

  test('periods outside their bounds are refused, nothing stored', async () => {
    assert.equal(errorCode(await patch({ audit_log: 364 })), 'RETENTION_PERIOD_INVALID');
    assert.match((await patch({ audit_log: 100 })).body, /legal minimum is 365 days/);
    assert.equal(errorCode(await patch({ unenrolled_travellers: null })), 'RETENTION_PERIOD_INVALID');
    assert.equal(errorCode(await patch({ unenrolled_travellers: 0 })), 'RETENTION_PERIOD_INVALID');
    assert.equal(errorCode(await patch({ enrolled_travellers: 36_501 })), 'RETENTION_PERIOD_INVALID');
    assert.equal(errorCode(await patch({ unenrolled_travellers: 30, audit_log: 10 })), 'RETENTION_PERIOD_INVALID');
    assert.equal(errorCode(await patch({ biometrics: 30 })), 'VALIDATION_FAILED');
    assert.equal(errorCode(await patch({})), 'VALIDATION_FAILED');
    assert.equal(settingOf((await get()).json() as { settings: RetentionSetting[] }, 'unenrolled_travellers').days, 1095);
  });

  test('a change is stored, audited with before and after, and used by the next purge, which is listed with its counts', async () => {
    const changed = await patch({ unenrolled_travellers: 30, audit_log: 400 });
    assert.equal(changed.statusCode, 200, changed.body);
    const body = changed.json() as { settings: RetentionSetting[] };
    assert.equal(settingOf(body, 'unenrolled_travellers').days, 30);
    assert.equal(settingOf(body, 'unenrolled_travellers').defaultDays, 1095);
    assert.equal(settingOf(body, 'unenrolled_travellers').updatedBy, 'root.admin');
    assert.equal(settingOf(body, 'audit_log').days, 400);
    const entry = await context.database.db.selectFrom('audit_log').select('details').where('action', '=', 'retention.settings_changed').executeTakeFirstOrThrow();
    const details = JSON.parse(entry.details) as { before: Record<string, number | null>; after: Record<string, number | null> };
    assert.equal(details.before.unenrolled_travellers, 1095);
    assert.equal(details.after.unenrolled_travellers, 30);
    assert.equal(details.before.audit_log, null);
    assert.equal(details.after.audit_log, 400);
    // Back to kept for ever: the audit log's period is not what this purge is about.
    assert.equal((await patch({ audit_log: null })).statusCode, 200);

    // A traveller never enrolled, recorded now and idle for 31 days: past the stored 30, far within the default 1095.
    const at = t.clock.now().toISOString();
    await context.database.db
      .insertInto('travellers')
      .values({ id: '00000000-0000-4000-8000-00000000a001', surname_latin: 'IDLE', given_names_latin: 'ONE', surname_original: null, given_names_original: null, original_script: null, father_name_latin: null, father_name_original: null, birth_date: '1980', sex: 'M', nationality: 'AFG', created_at: at, created_by: 'test', created_post_id: null, updated_at: at })
      .execute();
    t.clock.advance(31 * DAY_MS);
    const report = await purgeExpired({ db: context.database.db, clock: t.clock, config: t.config });
    assert.equal(report.deleted.unenrolledTravellers, 1);
    assert.equal(report.cutoffs.unenrolledTravellers, new Date(t.clock.now().getTime() - 30 * DAY_MS).toISOString());

    admin = await login(t, 'root.admin');
    const runs = ((await get()).json() as { runs: RetentionRun[] }).runs;
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.ranAt, t.clock.now().toISOString());
    assert.equal(runs[0]!.deleted.unenrolledTravellers, 1);
    assert.equal(runs[0]!.auditSeq, report.auditSeq);
    // A dry run is not recorded.
    await purgeExpired({ db: context.database.db, clock: t.clock, config: t.config }, { dryRun: true });
    assert.equal(((await get()).json() as { runs: RetentionRun[] }).runs.length, 1);
  });
});
