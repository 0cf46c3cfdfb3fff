/** Storage of crossings. */
import type { Kysely, Selectable } from 'kysely';
import type { CrossingDecisionsTable, CrossingsTable, DB } from '../db/schema.js';

export type CrossingRow = Selectable<CrossingsTable>;

export async function insertCrossing(db: Kysely<DB>, row: CrossingRow): Promise<void> {
  await db.insertInto('crossings').values(row).execute();
}

export async function findByIdempotencyKey(db: Kysely<DB>, postId: string, key: string): Promise<CrossingRow | undefined> {
  return db.selectFrom('crossings').selectAll().where('post_id', '=', postId).where('idempotency_key', '=', key).executeTakeFirst();
}

export async function findCrossing(db: Kysely<DB>, id: string): Promise<CrossingRow | undefined> {
  return db.selectFrom('crossings').selectAll().where('id', '=', id).executeTakeFirst();
}

export type CrossingDecisionRow = Selectable<CrossingDecisionsTable>;

export async function insertDecision(db: Kysely<DB>, row: CrossingDecisionRow): Promise<void> {
  await db.insertInto('crossing_decisions').values(row).execute();
}

/** A crossing's decisions, oldest first. */
export async function listDecisions(db: Kysely<DB>, crossingId: string): Promise<CrossingDecisionRow[]> {
  return db.selectFrom('crossing_decisions').selectAll().where('crossing_id', '=', crossingId).orderBy('position').execute();
}

/** Moves a crossing from `from` to `to`; false when its status was no longer `from` (decided concurrently). */
export async function updateStatus(db: Kysely<DB>, id: string, from: string, to: string): Promise<boolean> {
  const result = await db.updateTable('crossings').set({ status: to }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Crossings of a post in a status, oldest first (the supervisor's and secondary's queues). */
export async function listByStatus(db: Kysely<DB>, postId: string, status: string, limit: number): Promise<CrossingRow[]> {
  return db.selectFrom('crossings').selectAll().where('post_id', '=', postId).where('status', '=', status).orderBy('recorded_at').orderBy('id').limit(limit).execute();
}
