/** Storage of recorded "not the listed person" decisions (watchlist suppressions). */
import type { Kysely, Selectable } from 'kysely';
import type { DB, WatchlistSuppressionsTable } from '../db/schema.js';

export type SuppressionRow = Selectable<WatchlistSuppressionsTable>;

export async function insertSuppression(db: Kysely<DB>, row: SuppressionRow): Promise<void> {
  await db.insertInto('watchlist_suppressions').values(row).execute();
}

/** The decision on this traveller and this version of the entry, if one was recorded. */
export async function findSuppression(
  db: Kysely<DB>,
  pair: { travellerId: string; source: string; entryId: string; entryHash: string },
): Promise<SuppressionRow | undefined> {
  return db
    .selectFrom('watchlist_suppressions')
    .selectAll()
    .where('traveller_id', '=', pair.travellerId)
    .where('source', '=', pair.source)
    .where('entry_id', '=', pair.entryId)
    .where('entry_hash', '=', pair.entryHash)
    .executeTakeFirst();
}

/** Every decision about a traveller, oldest first (one indexed range: the unique key leads with traveller_id). */
export async function listForTraveller(db: Kysely<DB>, travellerId: string): Promise<SuppressionRow[]> {
  return db.selectFrom('watchlist_suppressions').selectAll().where('traveller_id', '=', travellerId).orderBy('decided_at').orderBy('id').execute();
}
