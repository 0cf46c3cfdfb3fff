/**
 * Property-style tamper coverage: with a seeded generator, pick a random audit row and a random column, change one
 * character (or null a value, or give a null one a value), and the chain must fail verification at exactly that
 * row; likewise for deleting a random row, swapping two rows, and editing the head row. Each change is undone
 * before the next trial, and the chain is shown to verify again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { Prng } from '@sarhad/engine';
import { describeEachDialect } from './helpers/databases.js';
import { withoutAuditTriggers } from './helpers/audit-tamper.js';
import { ManualClock } from '../src/clock.js';
import { appendAudit, verifyAuditChain } from '../src/services/audit-service.js';
import type { AuditLogTable } from '../src/db/schema.js';
import type { Database } from '../src/db/database.js';

const SEED = 20261126;
const ROWS = 24;
const TRIALS = 60; // per dialect: every column is hit several times
const COLUMNS = ['seq', 'time', 'actor', 'action', 'subject', 'post', 'details', 'prev_hash', 'hash'] as const;
type Column = (typeof COLUMNS)[number];
const REPLACEMENTS = 'abcdefXYZ0123456789:.-_{}"é';

/** `text` with the character at a random index replaced by a different one. */
function changeOneCharacter(text: string, rng: Prng): string {
  const index = rng.int(text.length);
  const choices = [...REPLACEMENTS].filter((c) => c !== text[index]);
  return text.slice(0, index) + choices[rng.int(choices.length)]! + text.slice(index + 1);
}

async function rows(database: Database): Promise<AuditLogTable[]> {
  const all = await database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute();
  return all.map((r) => ({ ...r, seq: Number(r.seq) }));
}

async function setColumn(database: Database, seq: number, column: Column, value: string | number | null): Promise<void> {
  await sql`update audit_log set ${sql.id(column)} = ${value} where seq = ${seq}`.execute(database.db);
}

async function expectBrokenAt(database: Database, seq: number, what: string): Promise<void> {
  const result = await verifyAuditChain(database.db);
  assert.equal(result.ok, false, `${what} went unnoticed`);
  assert.equal(!result.ok && result.brokenAt, seq, `${what}: ${JSON.stringify(result)}`);
}

describeEachDialect('audit tampering, property-style', (context) => {
  const clock = new ManualClock('2026-11-26T11:00:00.000Z');

  test(`changing one character of any column of any of ${ROWS} rows is detected at that row (seed ${SEED})`, async () => {
    const { database } = context;
    for (let i = 0; i < ROWS; i++) {
      clock.advance(1_000 + i);
      await appendAudit(database.db, clock, {
        actor: i % 3 === 0 ? 'system' : `user:0000000${i % 7}-0000-4000-8000-000000000000`,
        action: i % 2 ? 'traveller.read' : 'crossing.recorded',
        subject: i % 4 === 0 ? null : `traveller:${i}`,
        post: i % 5 === 0 ? null : 'TKM',
        details: i % 6 === 0 ? {} : { count: i, kind: 'passport', note: 'défini', nested: { ok: i % 2 === 0 } },
      });
    }
    const original = await rows(database);
    const rng = new Prng(SEED);
    const hit = new Set<Column>();
    for (let trial = 0; trial < TRIALS; trial++) {
      const row = original[rng.int(original.length)]!;
      const column = COLUMNS[trial < COLUMNS.length ? trial : rng.int(COLUMNS.length)]!;
      hit.add(column);
      const before = row[column];
      let after: string | number | null;
      if (column === 'seq') after = row.seq + 1_000_000 + rng.int(1000); // no other row holds it
      else if (before === null) after = changeOneCharacter('TKM', rng);
      else if (column !== 'details' && rng.int(8) === 0 && (column === 'subject' || column === 'post')) after = null;
      else after = changeOneCharacter(String(before), rng);
      const what = `trial ${trial}: ${column} of #${row.seq} ${JSON.stringify(before)} -> ${JSON.stringify(after)}`;
      await withoutAuditTriggers(database, () => setColumn(database, row.seq, column, after));
      await expectBrokenAt(database, row.seq, what);
      await withoutAuditTriggers(database, () =>
        column === 'seq'
          ? sql`update audit_log set seq = ${row.seq} where seq = ${after}`.execute(database.db).then(() => undefined)
          : setColumn(database, row.seq, column, before),
      );
    }
    assert.deepEqual([...hit].sort(), [...COLUMNS].sort());
    assert.equal((await verifyAuditChain(database.db)).ok, true, 'every change was undone');
  });

  test('deleting any one row is detected at that row', async () => {
    const { database } = context;
    const original = await rows(database);
    const rng = new Prng(SEED + 1);
    for (let trial = 0; trial < 12; trial++) {
      const row = original[trial === 0 ? original.length - 1 : rng.int(original.length)]!;
      await withoutAuditTriggers(database, async () => {
        await database.db.deleteFrom('audit_log').where('seq', '=', row.seq).execute();
      });
      await expectBrokenAt(database, row.seq, `deleting #${row.seq}`);
      await withoutAuditTriggers(database, async () => {
        await database.db.insertInto('audit_log').values(row).execute();
      });
    }
    assert.equal((await verifyAuditChain(database.db)).ok, true);
  });

  test('swapping any two rows (reordering) is detected at the earlier one', async () => {
    const { database } = context;
    const original = await rows(database);
    const rng = new Prng(SEED + 2);
    for (let trial = 0; trial < 12; trial++) {
      const a = original[rng.int(original.length)]!;
      let b = original[rng.int(original.length)]!;
      if (b.seq === a.seq) b = original[(original.indexOf(a) + 1) % original.length]!;
      const [first, second] = a.seq < b.seq ? [a, b] : [b, a];
      // Every column but seq moves, so the rows trade places in the order: seq-ordered reading now meets second first.
      const swapTo = async (atFirst: AuditLogTable, atSecond: AuditLogTable) =>
        withoutAuditTriggers(database, async () => {
          await database.db.deleteFrom('audit_log').where('seq', 'in', [first.seq, second.seq]).execute();
          await database.db.insertInto('audit_log').values({ ...atFirst, seq: first.seq }).execute();
          await database.db.insertInto('audit_log').values({ ...atSecond, seq: second.seq }).execute();
        });
      await swapTo(second, first);
      await expectBrokenAt(database, first.seq, `swapping #${first.seq} and #${second.seq}`);
      await swapTo(first, second);
    }
    assert.equal((await verifyAuditChain(database.db)).ok, true);
  });

  test('changing the head row is detected', async () => {
    const { database } = context;
    const head = await database.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const rng = new Prng(SEED + 3);
    await database.db.updateTable('audit_head').set({ hash: changeOneCharacter(head.hash, rng) }).execute();
    const result = await verifyAuditChain(database.db);
    assert.equal(!result.ok && result.reason, 'head_mismatch');
    await database.db.updateTable('audit_head').set({ hash: head.hash, seq: Number(head.seq) + 1 }).execute();
    const truncated = await verifyAuditChain(database.db);
    assert.equal(!truncated.ok && truncated.reason, 'truncated');
    await database.db.updateTable('audit_head').set({ seq: Number(head.seq) }).execute();
    assert.equal((await verifyAuditChain(database.db)).ok, true);
  });
});

describeEachDialect('audit details stored bytes', (context) => {
  test('rewriting details with the same value in another key order is detected', async () => {
    const { database } = context;
    const clock = new ManualClock('2026-11-26T11:00:00.000Z');
    await appendAudit(database.db, clock, { actor: 'system', action: 'test.order', details: { a: 1, b: 2 } });
    await withoutAuditTriggers(database, () => setColumn(database, 1, 'details', '{"b":2,"a":1}'));
    const result = await verifyAuditChain(database.db);
    assert.deepEqual(!result.ok && [result.brokenAt, result.reason], [1, 'malformed']);
  });
});
