/**
 * Storage of the audit log. Appends must run inside a transaction that starts with `claimNextSeq`: it updates the
 * single `audit_head` row, which serialises appenders (row lock on PostgreSQL, write lock on SQLite) until commit.
 */
import type { Kysely } from 'kysely';
import type { AuditLogTable, DB } from '../db/schema.js';

export type AuditRow = AuditLogTable;

/**
 * Takes the chain's lock and reserves the next sequence number. Returns it with the hash of the entry before it.
 * Must be the first write of the transaction that then calls `insertEntry` and `setHeadHash`.
 */
export async function claimNextSeq(db: Kysely<DB>): Promise<{ seq: number; prevHash: string }> {
  const row = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), prevHash: row.hash };
}

export async function insertEntry(db: Kysely<DB>, row: AuditRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export async function setHeadHash(db: Kysely<DB>, seq: number, hash: string): Promise<void> {
  await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).where('seq', '=', seq).execute();
}

/** The head row: the latest sequence number and hash the appenders recorded. */
export async function getHead(db: Kysely<DB>): Promise<{ seq: number; hash: string }> {
  const row = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}

/** Entries with `seq > afterSeq`, oldest first; only those about `subject` when given. */
export async function listEntries(db: Kysely<DB>, afterSeq: number, limit: number, subject?: string): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq);
  if (subject !== undefined) query = query.where('subject', '=', subject);
  const rows = await query.orderBy('seq', 'asc').limit(limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Entries with `afterSeq < seq <= untilSeq`, oldest first: a slice of the chain as of a known head. */
export async function listChain(db: Kysely<DB>, afterSeq: number, untilSeq: number, limit: number): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', untilSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The entry with the highest sequence number, or undefined for an empty log. */
export async function findLastEntry(db: Kysely<DB>): Promise<AuditRow | undefined> {
  const row = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, seq: Number(row.seq) };
}
