/** Storage of enrolled fingerprint templates. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, FingerprintsTable } from '../db/schema.js';

export type FingerprintRow = Selectable<FingerprintsTable>;

export async function insertFingerprints(db: Kysely<DB>, rows: readonly FingerprintRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('fingerprints').values([...rows]).execute();
}

/** A traveller's fingers, by position. */
export async function listFingerprints(db: Kysely<DB>, travellerId: string): Promise<FingerprintRow[]> {
  return db.selectFrom('fingerprints').selectAll().where('traveller_id', '=', travellerId).orderBy('finger_position').execute();
}

/** Templates in id order after `afterId`, for loading the gallery in batches. */
export async function listTemplatesAfter(
  db: Kysely<DB>,
  afterId: string,
  limit: number,
): Promise<Pick<FingerprintRow, 'id' | 'traveller_id' | 'finger_position' | 'template'>[]> {
  return db
    .selectFrom('fingerprints')
    .select(['id', 'traveller_id', 'finger_position', 'template'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Of `travellerIds`, those with at least one fingerprint stored (to confirm 1:N candidates). */
export async function travellersWithFingerprints(db: Kysely<DB>, travellerIds: readonly string[]): Promise<Set<string>> {
  if (travellerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('fingerprints')
    .select('traveller_id')
    .distinct()
    .where('traveller_id', 'in', [...travellerIds])
    .execute();
  return new Set(rows.map((r) => r.traveller_id));
}

/**
 * Templates of travellers after `afterTravellerId`, by traveller then position, at most `limit` rows: loading a
 * gallery that takes each traveller's fingers together.
 */
export async function listTemplatesByTravellerAfter(
  db: Kysely<DB>,
  afterTravellerId: string,
  limit: number,
): Promise<Pick<FingerprintRow, 'id' | 'traveller_id' | 'finger_position' | 'template'>[]> {
  return db
    .selectFrom('fingerprints')
    .select(['id', 'traveller_id', 'finger_position', 'template'])
    .where('traveller_id', '>', afterTravellerId)
    .orderBy('traveller_id')
    .orderBy('finger_position')
    .limit(limit)
    .execute();
}

/** What changes whenever a fingerprint is stored or deleted: row and traveller counts and the latest `created_at`. */
export async function fingerprintsState(db: Kysely<DB>): Promise<{ rows: number; travellers: number; latest: string | null }> {
  const row = await db
    .selectFrom('fingerprints')
    .select(({ fn }) => [
      fn.countAll<number | string | bigint>().as('n'),
      fn.count<number | string | bigint>('traveller_id').distinct().as('t'),
      fn.max('created_at').as('latest'),
    ])
    .executeTakeFirstOrThrow();
  return { rows: Number(row.n), travellers: Number(row.t), latest: row.latest ?? null };
}
