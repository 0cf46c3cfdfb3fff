/**
 * Queries of the retention purge: records of travellers who were never enrolled (no fingerprints), and of enrolled
 * travellers idle for their period. Times are ISO 8601 UTC text, so `<` compares them in time order on both dialects.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Ids deleted per statement, well under SQLite's bound-parameter limit. */
const DELETE_BATCH = 500; // ids

/** Deletes crossings of travellers never identified (no traveller record) recorded before `cutoff`. */
export async function deleteUnidentifiedCrossingsBefore(db: Kysely<DB>, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('crossings')
    .where('traveller_id', 'is', null)
    .where('recorded_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Travellers without a single enrolled fingerprint whose record, documents and crossings are all older than `cutoff`
 * and who are not waiting in an open adjudication case.
 */
export async function listIdleUnenrolledTravellers(db: Kysely<DB>, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom('travellers as t')
    .select('t.id')
    .where('t.created_at', '<', cutoff)
    .where('t.updated_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('fingerprints as f').select('f.id').whereRef('f.traveller_id', '=', 't.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('crossings as c').select('c.id').whereRef('c.traveller_id', '=', 't.id').where('c.recorded_at', '>=', cutoff)),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('documents as d').select('d.id').whereRef('d.traveller_id', '=', 't.id').where('d.created_at', '>=', cutoff)),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('adjudication_cases as a').select('a.id').whereRef('a.traveller_id', '=', 't.id').where('a.status', '=', 'open'),
        ),
      ),
    )
    .orderBy('t.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Enrolled travellers (with fingerprints) idle since `cutoff`: their record, every document, fingerprint and crossing
 * is older than the cutoff, and they are not waiting in an open adjudication case.
 */
export async function listIdleEnrolledTravellers(db: Kysely<DB>, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom('travellers as t')
    .select('t.id')
    .where('t.created_at', '<', cutoff)
    .where('t.updated_at', '<', cutoff)
    .where(({ exists, selectFrom }) => exists(selectFrom('fingerprints as f').select('f.id').whereRef('f.traveller_id', '=', 't.id')))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('fingerprints as f').select('f.id').whereRef('f.traveller_id', '=', 't.id').where('f.created_at', '>=', cutoff)),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('crossings as c').select('c.id').whereRef('c.traveller_id', '=', 't.id').where('c.recorded_at', '>=', cutoff)),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('documents as d').select('d.id').whereRef('d.traveller_id', '=', 't.id').where('d.created_at', '>=', cutoff)),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('adjudication_cases as a').select('a.id').whereRef('a.traveller_id', '=', 't.id').where('a.status', '=', 'open'),
        ),
      ),
    )
    .orderBy('t.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Fingerprints stored for these travellers (counted before they go with them). */
export async function countFingerprintsOf(db: Kysely<DB>, ids: readonly string[]): Promise<number> {
  let count = 0;
  for (let i = 0; i < ids.length; i += DELETE_BATCH) {
    const row = await db
      .selectFrom('fingerprints')
      .select(({ fn }) => fn.countAll<number | string | bigint>().as('n'))
      .where('traveller_id', 'in', ids.slice(i, i + DELETE_BATCH))
      .executeTakeFirstOrThrow();
    count += Number(row.n);
  }
  return count;
}

/**
 * Deletes the travellers and their crossings (whose responses name them). Documents, fingerprints, decisions and
 * resolved adjudication cases about them go with them (ON DELETE CASCADE). Returns the counts.
 */
export async function deleteTravellersWithCrossings(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<{ travellers: number; crossings: number }> {
  let travellers = 0;
  let crossings = 0;
  for (let i = 0; i < ids.length; i += DELETE_BATCH) {
    const batch = ids.slice(i, i + DELETE_BATCH);
    const c = await db.deleteFrom('crossings').where('traveller_id', 'in', batch).executeTakeFirst();
    const t = await db.deleteFrom('travellers').where('id', 'in', batch).executeTakeFirst();
    crossings += Number(c.numDeletedRows);
    travellers += Number(t.numDeletedRows);
  }
  return { travellers, crossings };
}
