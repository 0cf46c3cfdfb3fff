import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describeEachDialect } from './helpers/databases.js';
import { ManualClock } from '../src/clock.js';
import { GENESIS_HASH, canonicalJson, entryHash } from '../src/domain/audit-chain.js';
import {
  appendAudit,
  exportCheckpoint,
  listAuditEntries,
  verifyAuditChain,
} from '../src/services/audit-service.js';
import type { Database } from '../src/db/database.js';

const clock = new ManualClock('2026-11-26T09:00:00.000Z');

test('canonical JSON sorts keys at every depth and has no whitespace', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } }), '{"a":{"c":"x","d":[true,null]},"b":1}');
  assert.equal(canonicalJson({ 'é': 1, z: 2, A: 3 }), '{"A":3,"z":2,"é":1}');
  assert.throws(() => canonicalJson({ n: Number.NaN }), TypeError);
});

test('the first entry hashes from the genesis hash as documented', () => {
  const entry = { seq: 1, time: '2026-11-26T09:00:00.000Z', actor: 'system', action: 'x', subject: null, post: null, details: {} };
  const expected = '{"action":"x","actor":"system","details":{},"post":null,"seq":1,"subject":null,"time":"2026-11-26T09:00:00.000Z"}';
  assert.equal(entryHash(GENESIS_HASH, entry), createHash('sha256').update(GENESIS_HASH + expected).digest('hex'));
});

/** Drops the append-only triggers the way an intruder with owner rights would, then runs `statement`. */
async function tamper(database: Database, statement: ReturnType<typeof sql>): Promise<void> {
  if (database.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(database.db);
    await statement.execute(database.db);
    await sql`alter table audit_log enable trigger user`.execute(database.db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(database.db);
    await sql`drop trigger audit_log_no_delete`.execute(database.db);
    await statement.execute(database.db);
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(database.db);
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(database.db);
  }
}

describeEachDialect('the audit chain', (context) => {
  test('an empty log verifies with the genesis checkpoint', async () => {
    const result = await verifyAuditChain(context.database.db);
    assert.deepEqual(result, { ok: true, entries: 0, head: { seq: 0, hash: GENESIS_HASH, time: null } });
  });

  test('appends get consecutive sequence numbers, each linked to the one before', async () => {
    const db = context.database.db;
    const first = await appendAudit(db, clock, { actor: 'system', action: 'test.first', details: { n: 1 } });
    const second = await appendAudit(db, clock, { actor: 'user:u1', action: 'test.second', subject: 'post:TKM', post: 'TKM' });
    assert.equal(first.seq, 1);
    assert.equal(first.prevHash, GENESIS_HASH);
    assert.equal(second.seq, 2);
    assert.equal(second.prevHash, first.hash);
    assert.equal(second.hash, entryHash(first.hash, second));
    const listed = await listAuditEntries(db, 0, 10);
    assert.deepEqual(listed.map((e) => e.action), ['test.first', 'test.second']);
    assert.deepEqual(listed[0]!.details, { n: 1 });
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('forty concurrent appends never fork the chain', async () => {
    const db = context.database.db;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => appendAudit(db, clock, { actor: 'system', action: 'test.concurrent', details: { i } })),
    );
    const result = await verifyAuditChain(db);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.entries, 42);
  });

  test('verifying while entries are being appended reports an intact chain', async () => {
    const db = context.database.db;
    const appends = Array.from({ length: 20 }, (_, i) => appendAudit(db, clock, { actor: 'system', action: 'test.during_verify', details: { i } }));
    const verifications = [verifyAuditChain(db), verifyAuditChain(db), verifyAuditChain(db)];
    await Promise.all(appends);
    for (const result of await Promise.all(verifications)) assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal((await verifyAuditChain(db)).entries, 62);
  });

  test('an audit entry commits or rolls back with the change it records', async () => {
    const db = context.database.db;
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, clock, { actor: 'system', action: 'test.rolled_back' });
        throw new Error('the audited change failed');
      }),
      /the audited change failed/,
    );
    const entries = await listAuditEntries(db, 0, 1000);
    assert.ok(!entries.some((e) => e.action === 'test.rolled_back'));
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('the database refuses to update or delete audit entries', async () => {
    const db = context.database.db;
    await assert.rejects(sql`update audit_log set actor = 'x' where seq = 1`.execute(db), /append-only/);
    await assert.rejects(sql`delete from audit_log where seq = 1`.execute(db), /append-only/);
  });

  test('a checkpoint taken now still verifies later', async () => {
    const db = context.database.db;
    const checkpoint = await exportCheckpoint(db);
    assert.equal(checkpoint.seq, 62);
    await appendAudit(db, clock, { actor: 'system', action: 'test.after_checkpoint' });
    assert.equal((await verifyAuditChain(db, { checkpoint })).ok, true);
    const forged = { ...checkpoint, hash: 'f'.repeat(64) };
    const result = await verifyAuditChain(db, { checkpoint: forged });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'checkpoint_mismatch');
    assert.equal(!result.ok && result.brokenAt, 62);
  });

  test('editing a stored entry is detected and named by its sequence number', async () => {
    const db = context.database.db;
    await tamper(context.database, sql`update audit_log set details = '{"n":2}' where seq = 1`);
    const result = await verifyAuditChain(db);
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && [result.brokenAt, result.reason, result.entries], [1, 'hash_mismatch', 0]);
  });
});

describeEachDialect('audit chain tampering', (context) => {
  async function seed(n: number): Promise<void> {
    for (let i = 0; i < n; i++) await appendAudit(context.database.db, clock, { actor: 'system', action: 'test.seed', details: { i } });
  }

  test('re-hashing an edited entry breaks the link of the entry after it', async () => {
    await seed(5);
    const db = context.database.db;
    const [row] = await listAuditEntries(db, 2, 1);
    const forged = { ...row!, actor: 'user:someone-else' };
    const forgedHash = entryHash(forged.prevHash, forged);
    await tamper(context.database, sql`update audit_log set actor = ${forged.actor}, hash = ${forgedHash} where seq = 3`);
    const result = await verifyAuditChain(db);
    assert.deepEqual(!result.ok && [result.brokenAt, result.reason], [4, 'prev_hash_mismatch']);
  });

  test('deleting entries from the end is named as truncation at the first missing one', async () => {
    const db = context.database.db;
    await tamper(context.database, sql`delete from audit_log where seq >= 2`);
    const result = await verifyAuditChain(db);
    assert.deepEqual(!result.ok && [result.brokenAt, result.reason], [2, 'truncated']);
  });
});

describeEachDialect('audit chain gaps', (context) => {
  test('deleting an entry in the middle of the chain is named as a gap', async () => {
    const db = context.database.db;
    for (let i = 0; i < 4; i++) await appendAudit(db, clock, { actor: 'system', action: 'test.seed', details: { i } });
    await tamper(context.database, sql`delete from audit_log where seq = 2`);
    const result = await verifyAuditChain(db);
    assert.deepEqual(!result.ok && [result.brokenAt, result.reason], [2, 'sequence_gap']);
  });
});
