/** Storage of crossings. */
import type { Kysely, Selectable } from 'kysely';
import type { CrossingDecisionsTable, CrossingsTable, DB } from '../db/schema.js';
import { afterKeyset } from './keyset.js';

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

/** How many crossings are in each of `statuses`, over all posts (statuses with none are absent). */
export async function countByStatus(db: Kysely<DB>, statuses: readonly string[]): Promise<{ status: string; count: number }[]> {
  const rows = await db
    .selectFrom('crossings')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('status', 'in', statuses)
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
}

/**
 * Crossings of a post in a status, oldest first (the supervisor's and secondary's queues): `limit` rows after the
 * keyset (recorded_at, id) `after` when given.
 */
export async function listByStatus(
  db: Kysely<DB>,
  postId: string,
  status: string,
  limit: number,
  after?: { readonly key: string | number; readonly id: string },
): Promise<CrossingRow[]> {
  let query = db.selectFrom('crossings').selectAll().where('post_id', '=', postId).where('status', '=', status);
  if (after) query = query.where((eb) => afterKeyset(eb, 'recorded_at', 'id', after));
  return query.orderBy('recorded_at').orderBy('id').limit(limit).execute();
}

/** A cleared crossing with its post's code, side and time zone. */
export type CrossingAtPost = CrossingRow & { post_code: string; post_side: string; post_time_zone: string };

function atPost(db: Kysely<DB>) {
  return db
    .selectFrom('crossings')
    .innerJoin('posts', 'posts.id', 'crossings.post_id')
    .selectAll('crossings')
    .select(['posts.code as post_code', 'posts.side as post_side', 'posts.time_zone as post_time_zone']);
}

/** A traveller's crossings (every status), oldest first. */
export async function listCrossingsOfTraveller(db: Kysely<DB>, travellerId: string): Promise<CrossingAtPost[]> {
  return atPost(db).where('crossings.traveller_id', '=', travellerId).orderBy('crossings.recorded_at').orderBy('crossings.id').execute();
}

/**
 * Each traveller's latest cleared crossing when it is an entry (`in`) recorded before `before`: who entered and has
 * not been seen leaving. Only entries at `postIds` when given.
 */
export async function listLatestEntries(db: Kysely<DB>, before: string, postIds: readonly string[] | undefined): Promise<CrossingAtPost[]> {
  if (postIds && postIds.length === 0) return [];
  let query = atPost(db)
    .where('crossings.status', '=', 'cleared')
    .where('crossings.direction', '=', 'in')
    .where('crossings.traveller_id', 'is not', null)
    .where('crossings.recorded_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('crossings as later')
            .select('later.id')
            .whereRef('later.traveller_id', '=', 'crossings.traveller_id')
            .where('later.status', '=', 'cleared')
            .whereRef('later.recorded_at', '>', 'crossings.recorded_at')
            .where('later.recorded_at', '<', before),
        ),
      ),
    );
  if (postIds) query = query.where('crossings.post_id', 'in', postIds);
  return query.orderBy('crossings.recorded_at').execute();
}
