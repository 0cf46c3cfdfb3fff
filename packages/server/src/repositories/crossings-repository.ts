/** Storage of crossings. */
import type { Kysely, Selectable } from 'kysely';
import type { CrossingsTable, DB } from '../db/schema.js';

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
