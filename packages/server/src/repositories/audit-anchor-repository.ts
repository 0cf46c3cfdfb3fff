/**
 * Storage of the audit anchor (migration 0010): the signed checkpoint of the last entry removed by audit retention.
 * Verification starts from it; the DELETE trigger on `audit_log` lets through only entries up to its `seq`.
 */
import type { Kysely } from 'kysely';
import type { AuditAnchorTable, DB } from '../db/schema.js';

export type AuditAnchorRow = AuditAnchorTable;

export async function findAnchor(db: Kysely<DB>): Promise<AuditAnchorRow | undefined> {
  const row = await db.selectFrom('audit_anchor').selectAll().where('id', '=', 1).executeTakeFirst();
  return row && { ...row, seq: Number(row.seq) };
}

/** Sets the anchor (a trigger refuses moving it backwards). */
export async function setAnchor(db: Kysely<DB>, anchor: Omit<AuditAnchorRow, 'id'>): Promise<void> {
  await db
    .insertInto('audit_anchor')
    .values({ id: 1, ...anchor })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: anchor.seq, hash: anchor.hash, checkpoint: anchor.checkpoint, created_at: anchor.created_at }))
    .execute();
}

/** The last entry written before `time` such that every entry before it is too: the prefix older than `time`. */
export async function lastSeqBefore(db: Kysely<DB>, time: string): Promise<number> {
  const first = await db.selectFrom('audit_log').select('seq').where('time', '>=', time).orderBy('seq', 'asc').limit(1).executeTakeFirst();
  if (first) return Number(first.seq) - 1;
  const last = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ? Number(last.seq) : 0;
}

/** Deletes the entries up to `seq` (allowed by the trigger only up to the anchor). Returns how many. */
export async function deleteEntriesThrough(db: Kysely<DB>, seq: number): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('seq', '<=', seq).executeTakeFirst();
  return Number(result.numDeletedRows);
}
