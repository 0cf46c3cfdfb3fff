/**
 * Storage of the MOSIP ABIS interface: client API keys, references with their fingers, and the answers to INSERT
 * and DELETE requests kept under their requestId (migration 0012).
 */
import type { Kysely, Selectable } from 'kysely';
import type { AbisClientsTable, AbisFingersTable, AbisReferencesTable, AbisRequestsTable, DB } from '../db/schema.js';

export type AbisClientRow = Selectable<AbisClientsTable>;
export type AbisReferenceRow = Selectable<AbisReferencesTable>;
export type AbisFingerRow = Selectable<AbisFingersTable>;
export type AbisRequestRow = Selectable<AbisRequestsTable>;

/** Ids per `IN (...)` list, well under SQLite's bound-parameter limit. */
const IN_BATCH = 500; // ids

export async function insertClient(db: Kysely<DB>, row: AbisClientRow): Promise<void> {
  await db.insertInto('abis_clients').values(row).execute();
}

export async function listClients(db: Kysely<DB>): Promise<AbisClientRow[]> {
  return db.selectFrom('abis_clients').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function findClientById(db: Kysely<DB>, id: string): Promise<AbisClientRow | undefined> {
  return db.selectFrom('abis_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findClientByKeyHash(db: Kysely<DB>, keyHash: string): Promise<AbisClientRow | undefined> {
  return db.selectFrom('abis_clients').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

/** Marks a client's key revoked; false when it was already revoked or does not exist. */
export async function revokeClient(db: Kysely<DB>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('abis_clients')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function touchClient(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('abis_clients').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Stores a reference and its fingers; a UNIQUE violation on `reference_id` means it exists already. */
export async function insertReference(db: Kysely<DB>, reference: AbisReferenceRow, fingers: readonly AbisFingerRow[]): Promise<void> {
  await db.insertInto('abis_references').values(reference).execute();
  if (fingers.length > 0) await db.insertInto('abis_fingers').values([...fingers]).execute();
}

export async function findReference(db: Kysely<DB>, referenceId: string): Promise<AbisReferenceRow | undefined> {
  return db.selectFrom('abis_references').selectAll().where('reference_id', '=', referenceId).executeTakeFirst();
}

/** Deletes a reference with its fingers (cascade); false when there was none. */
export async function deleteReference(db: Kysely<DB>, referenceId: string): Promise<boolean> {
  await db.deleteFrom('abis_fingers').where('reference_id', '=', referenceId).execute();
  const result = await db.deleteFrom('abis_references').where('reference_id', '=', referenceId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function countReferences(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('abis_references')
    .select(({ fn }) => fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A reference's fingers by position. */
export async function listFingers(db: Kysely<DB>, referenceId: string): Promise<AbisFingerRow[]> {
  return db.selectFrom('abis_fingers').selectAll().where('reference_id', '=', referenceId).orderBy('finger_position').execute();
}

/** Fingers in id order after `afterId`, for loading the ABIS gallery in batches. */
export async function listFingersAfter(
  db: Kysely<DB>,
  afterId: string,
  limit: number,
): Promise<Pick<AbisFingerRow, 'id' | 'reference_id' | 'finger_position' | 'template'>[]> {
  return db
    .selectFrom('abis_fingers')
    .select(['id', 'reference_id', 'finger_position', 'template'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Fingers of references after `afterReferenceId`, by reference then position, at most `limit` rows. */
export async function listFingersByReferenceAfter(
  db: Kysely<DB>,
  afterReferenceId: string,
  limit: number,
): Promise<Pick<AbisFingerRow, 'id' | 'reference_id' | 'finger_position' | 'template'>[]> {
  return db
    .selectFrom('abis_fingers')
    .select(['id', 'reference_id', 'finger_position', 'template'])
    .where('reference_id', '>', afterReferenceId)
    .orderBy('reference_id')
    .orderBy('finger_position')
    .limit(limit)
    .execute();
}

/** What changes whenever a reference is stored or deleted: finger and reference counts and the latest `created_at`. */
export async function fingersState(db: Kysely<DB>): Promise<{ rows: number; references: number; latest: string | null }> {
  const fingers = await db
    .selectFrom('abis_fingers')
    .select(({ fn }) => [fn.countAll<number | string | bigint>().as('n'), fn.count<number | string | bigint>('reference_id').distinct().as('r')])
    .executeTakeFirstOrThrow();
  const latest = await db.selectFrom('abis_references').select(({ fn }) => fn.max('created_at').as('latest')).executeTakeFirstOrThrow();
  return { rows: Number(fingers.n), references: Number(fingers.r), latest: latest.latest ?? null };
}

/** Of `referenceIds`, those with at least one finger stored. */
export async function referencesWithFingers(db: Kysely<DB>, referenceIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < referenceIds.length; i += IN_BATCH) {
    const batch = referenceIds.slice(i, i + IN_BATCH);
    const rows = await db.selectFrom('abis_fingers').select('reference_id').distinct().where('reference_id', 'in', batch).execute();
    for (const row of rows) found.add(row.reference_id);
  }
  return found;
}

/** Of `referenceIds`, those stored. */
export async function existingReferences(db: Kysely<DB>, referenceIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < referenceIds.length; i += IN_BATCH) {
    const batch = referenceIds.slice(i, i + IN_BATCH);
    const rows = await db.selectFrom('abis_references').select('reference_id').where('reference_id', 'in', batch).execute();
    for (const row of rows) found.add(row.reference_id);
  }
  return found;
}

export async function findRequest(db: Kysely<DB>, requestId: string): Promise<AbisRequestRow | undefined> {
  return db.selectFrom('abis_requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}

/** Records a request's answer; a UNIQUE violation means a concurrent copy of the request got there first. */
export async function insertRequest(db: Kysely<DB>, row: AbisRequestRow): Promise<void> {
  await db.insertInto('abis_requests').values(row).execute();
}
