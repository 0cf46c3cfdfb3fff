import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { pino } from 'pino';
import { describeEachDialect } from './helpers/databases.js';
import { testConfig } from './helpers/app.js';
import { ManualClock } from '../src/clock.js';
import { isServerError } from '../src/errors.js';
import type { Database } from '../src/db/database.js';
import { appendAudit, exportCheckpoint, listAuditEntries, verifyAuditChain } from '../src/services/audit-service.js';
import { loadAuditSigningKey } from '../src/services/audit-signing-service.js';
import { purgeExpired, type RetentionContext } from '../src/services/retention-service.js';
import { startRetentionJob } from '../src/services/retention-job.js';

const home = mkdtempSync(join(tmpdir(), 'sarhad-retention-'));
after(() => rmSync(home, { recursive: true, force: true }));

const RETENTION = { SARHAD_RETENTION_UNENROLLED_DAYS: '1095', SARHAD_RETENTION_AUDIT_DAYS: '365', SARHAD_SERVER_ID: 'TKM' };

function retentionContext(database: Database, clock: ManualClock, env: Record<string, string> = RETENTION): RetentionContext {
  const config = testConfig({ SARHAD_DATA_DIR: join(home, database.dialect), ...env });
  const key = loadAuditSigningKey(config);
  return { db: database.db, clock, config, logger: pino({ level: 'silent' }), auditKey: () => key };
}

const OLD = '2026-02-01T10:00:00.000Z';
const RECENT = '2029-12-01T10:00:00.000Z';

/** Post, lane and travellers: A unenrolled and idle, B unenrolled but crossed recently, C enrolled, D waiting in an open case. */
async function seed(database: Database, clock: ManualClock): Promise<void> {
  const db = database.db;
  await db.insertInto('posts').values({ id: 'p1', code: 'TKM', name: 'Torkham', side: 'PK', time_zone: 'Asia/Karachi', created_at: OLD }).execute();
  await db.insertInto('lanes').values({ id: 'l1', post_id: 'p1', code: 'E01', name: 'E01', direction: 'both', created_at: OLD }).execute();
  for (const id of ['A', 'B', 'C', 'D']) {
    await db
      .insertInto('travellers')
      .values({
        id, surname_latin: `SURNAME${id}`, given_names_latin: 'GIVEN', surname_original: null, given_names_original: null,
        original_script: null, father_name_latin: null, father_name_original: null, birth_date: '1980', sex: 'M',
        nationality: 'AFG', created_at: OLD, created_by: 'system', created_post_id: 'p1', updated_at: OLD,
      })
      .execute();
    await db
      .insertInto('documents')
      .values({
        id: `doc-${id}`, traveller_id: id, type: 'tazkira', number: `NUM-${id}`, issuing_country: 'AFG', issuing_post_id: null,
        valid_from: null, valid_until: null, mrz: null, details: '{}', created_at: OLD, created_by: 'system',
      })
      .execute();
  }
  await db
    .insertInto('fingerprints')
    .values({
      id: 'fp-C', traveller_id: 'C', finger_position: 1, template: 'AAAA', minutiae: 30, quality: 80, source_format: 'sarhad',
      captured_at: OLD, created_at: OLD, created_by: 'system', created_post_id: 'p1',
    })
    .execute();
  await db
    .insertInto('adjudication_cases')
    .values({
      id: 'case-D', status: 'open', post_id: 'p1', traveller_id: 'D', pending: '{"fingers":[]}', candidates: '[]', created_at: OLD,
      created_by: 'system', decision: null, same_as_traveller_id: null, result_traveller_id: null, reason: null, decided_at: null,
      decided_by: null,
    })
    .execute();
  const crossing = (id: string, traveller: string | null, at: string) => ({
    id, post_id: 'p1', lane_id: 'l1', direction: 'in', idempotency_key: id, request_hash: 'h', traveller_id: traveller,
    document_id: null, identity_method: 'none', biometric_outcome: 'not_captured', biometric_score: null,
    recommendation: 'secondary', response: '{"surname":"NAMED IN THE RESPONSE"}', recorded_at: at, recorded_by: 'system',
    status: 'cleared', fingerprint_exception: null, exception_reason: null,
  });
  await db
    .insertInto('crossings')
    .values([
      crossing('x-unknown-old', null, OLD), crossing('x-unknown-recent', null, RECENT), crossing('x-A', 'A', OLD),
      crossing('x-B-old', 'B', OLD), crossing('x-B-recent', 'B', RECENT), crossing('x-C', 'C', OLD),
    ])
    .execute();
  // Audit entries: ten in 2026 (past a 365-day period on 2030-01-01), five in late 2029.
  for (let i = 0; i < 10; i++) {
    clock.advance(60_000);
    await appendAudit(db, clock, { actor: 'system', action: 'test.old', details: { i } });
  }
  const late = new ManualClock(RECENT);
  for (let i = 0; i < 5; i++) await appendAudit(db, late, { actor: 'system', action: 'test.recent', details: { i } });
}

async function ids(database: Database, table: 'travellers' | 'crossings'): Promise<string[]> {
  return (await database.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
}

describeEachDialect('retention purge', (context) => {
  const clock = new ManualClock(OLD);
  const now = new ManualClock('2030-01-01T00:00:00.000Z');

  test('a dry run counts what is past its period and deletes nothing', async () => {
    await seed(context.database, clock);
    const report = await purgeExpired(retentionContext(context.database, now), { dryRun: true });
    assert.deepEqual(report.deleted, { unidentifiedCrossings: 1, unenrolledTravellers: 1, unenrolledTravellerCrossings: 1, enrolledTravellers: 0, enrolledFingerprints: 0, enrolledTravellerCrossings: 0, auditEntries: 10 });
    assert.equal(report.auditSeq, null);
    assert.equal((await ids(context.database, 'travellers')).length, 4);
    assert.equal((await ids(context.database, 'crossings')).length, 6);
    assert.equal((await verifyAuditChain(context.database.db)).entries, 15);
  });

  test('a purge deletes idle unenrolled travellers and unidentified crossings, keeps the enrolled, the recent and the waiting', async () => {
    const before = await exportCheckpoint(context.database.db);
    const ctx = retentionContext(context.database, now);
    const report = await purgeExpired(ctx);
    assert.deepEqual(report.deleted, { unidentifiedCrossings: 1, unenrolledTravellers: 1, unenrolledTravellerCrossings: 1, enrolledTravellers: 0, enrolledFingerprints: 0, enrolledTravellerCrossings: 0, auditEntries: 10 });
    assert.deepEqual(await ids(context.database, 'travellers'), ['B', 'C', 'D']);
    assert.deepEqual(await ids(context.database, 'crossings'), ['x-B-old', 'x-B-recent', 'x-C', 'x-unknown-recent']);
    const documents = await context.database.db.selectFrom('documents').select('id').orderBy('id').execute();
    assert.deepEqual(documents.map((d) => d.id), ['doc-B', 'doc-C', 'doc-D']);

    // One audit entry with counts and cutoffs only: no names, no document numbers.
    const [entry] = await listAuditEntries(context.database.db, before.seq, 10);
    assert.equal(entry?.action, 'retention.purged');
    assert.equal(entry?.seq, report.auditSeq);
    assert.doesNotMatch(JSON.stringify(entry?.details), /SURNAME|NUM-|NAMED/);
    assert.deepEqual((entry?.details as { deleted: unknown }).deleted, report.deleted);
  });

  test('the audit log keeps verifying from the signed anchor, and a later checkpoint still verifies', async () => {
    const ctx = retentionContext(context.database, now);
    const key = ctx.auditKey!();
    assert.deepEqual(await context.database.db.selectFrom('audit_log').select(({ fn }) => fn.min('seq').as('first')).executeTakeFirst().then((r) => Number(r?.first)), 11);
    const result = await verifyAuditChain(context.database.db, { publicKey: key.publicKey });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(result.ok && [result.entries, result.anchor?.seq, result.head.seq], [6, 10, 16]);
    const later = await exportCheckpoint(context.database.db);
    assert.equal((await verifyAuditChain(context.database.db, { publicKey: key.publicKey, checkpoint: later })).ok, true);
  });

  test('without the public key, or against another key, the anchor is not trusted', async () => {
    const unkeyed = await verifyAuditChain(context.database.db);
    assert.deepEqual(!unkeyed.ok && [unkeyed.reason, unkeyed.brokenAt], ['anchor_invalid', 10]);
    const other = loadAuditSigningKey(testConfig({ SARHAD_DATA_DIR: join(home, `${context.dialect}-other`) }));
    const result = await verifyAuditChain(context.database.db, { publicKey: other.publicKey });
    assert.equal(!result.ok && result.reason, 'anchor_invalid');
  });

  test('a checkpoint older than the anchor is reported as purged', async () => {
    const key = retentionContext(context.database, now).auditKey!();
    const result = await verifyAuditChain(context.database.db, { publicKey: key.publicKey, checkpoint: { seq: 5, hash: 'a'.repeat(64), time: null } });
    assert.deepEqual(!result.ok && [result.reason, result.brokenAt], ['checkpoint_purged', 5]);
  });

  test('the database still refuses deleting entries after the anchor, and moving the anchor back', async () => {
    await assert.rejects(sql`delete from audit_log where seq = 11`.execute(context.database.db), /append-only/);
    await assert.rejects(sql`update audit_anchor set seq = 3 where id = 1`.execute(context.database.db), /forward/);
    await assert.rejects(sql`delete from audit_anchor`.execute(context.database.db), /forward/);
  });

  test('a purge with nothing past its period deletes nothing and appends no entry', async () => {
    const head = await exportCheckpoint(context.database.db);
    const report = await purgeExpired(retentionContext(context.database, now));
    assert.deepEqual(report.deleted, { unidentifiedCrossings: 0, unenrolledTravellers: 0, unenrolledTravellerCrossings: 0, enrolledTravellers: 0, enrolledFingerprints: 0, enrolledTravellerCrossings: 0, auditEntries: 0 });
    assert.equal(report.auditSeq, null);
    assert.equal((await exportCheckpoint(context.database.db)).seq, head.seq);
  });

  test('an edited anchor is detected', async () => {
    const key = retentionContext(context.database, now).auditKey!();
    await sql`update audit_anchor set hash = ${'b'.repeat(64)} where id = 1`.execute(context.database.db);
    const result = await verifyAuditChain(context.database.db, { publicKey: key.publicKey });
    assert.equal(!result.ok && result.reason, 'anchor_invalid');
  });

  test('a broken chain stops the purge with AUDIT_CHAIN_BROKEN', async () => {
    await assert.rejects(purgeExpired(retentionContext(context.database, now)), (error: unknown) => isServerError(error, 'AUDIT_CHAIN_BROKEN'));
  });
});

describeEachDialect('retention without audit retention', (context) => {
  test('the audit log is kept whole when no audit period is configured', async () => {
    const clock = new ManualClock(OLD);
    await seed(context.database, clock);
    const env = { SARHAD_RETENTION_UNENROLLED_DAYS: '1095' };
    const report = await purgeExpired(retentionContext(context.database, new ManualClock('2030-01-01T00:00:00.000Z'), env));
    assert.deepEqual([report.deleted.auditEntries, report.anchor, report.cutoffs.auditLog], [0, null, null]);
    const result = await verifyAuditChain(context.database.db);
    assert.deepEqual(result.ok && [result.entries, result.anchor], [16, undefined]);
  });

  test('the server job purges on its own and stops cleanly', async () => {
    const ctx = retentionContext(context.database, new ManualClock('2033-01-01T00:00:00.000Z'), { SARHAD_RETENTION_UNENROLLED_DAYS: '1' });
    const job = startRetentionJob(ctx, { firstRunDelayMs: 0 });
    for (let i = 0; i < 100 && (await ids(context.database, 'crossings')).length > 1; i++) await new Promise((r) => setTimeout(r, 20));
    await job.stop();
    // Everything is older than a day now: only the enrolled traveller C (with a crossing) and D, waiting in an open
    // adjudication case, remain.
    assert.deepEqual(await ids(context.database, 'travellers'), ['C', 'D']);
    assert.deepEqual(await ids(context.database, 'crossings'), ['x-C']);
  });
});

test('an audit retention period under 365 days is refused', () => {
  assert.throws(() => testConfig({ SARHAD_RETENTION_AUDIT_DAYS: '30' }), (error: unknown) => isServerError(error, 'CONFIG_INVALID'));
});
