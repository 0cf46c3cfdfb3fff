/** Storage of the demo bookkeeping: the one `demo_state` row and which synthetic person each demo traveller is. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, DemoStateTable, DemoTravellersTable } from '../db/schema.js';

export type DemoStateRow = Selectable<DemoStateTable>;
export type DemoTravellerRow = Selectable<DemoTravellersTable>;

export async function findState(db: Kysely<DB>): Promise<DemoStateRow | undefined> {
  return db.selectFrom('demo_state').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Creates the row, or replaces a failed or interrupted load's (never a finished one: see demo-service). */
export async function upsertState(db: Kysely<DB>, row: DemoStateRow): Promise<void> {
  await db
    .insertInto('demo_state')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

export async function updateProgress(db: Kysely<DB>, done: number, total: number): Promise<void> {
  await db.updateTable('demo_state').set({ done, total }).where('id', '=', 1).execute();
}

export async function finishState(db: Kysely<DB>, status: 'loaded' | 'failed', at: string, error: string | null): Promise<void> {
  await db.updateTable('demo_state').set({ status, finished_at: at, error }).where('id', '=', 1).execute();
}

export async function insertTraveller(db: Kysely<DB>, row: DemoTravellerRow): Promise<void> {
  await db.insertInto('demo_travellers').values(row).execute();
}

export async function findTraveller(db: Kysely<DB>, travellerId: string): Promise<DemoTravellerRow | undefined> {
  return db.selectFrom('demo_travellers').selectAll().where('traveller_id', '=', travellerId).executeTakeFirst();
}

/** Person indexes already enrolled (a resumed load skips them). */
export async function listPersonIndexes(db: Kysely<DB>): Promise<Set<number>> {
  const rows = await db.selectFrom('demo_travellers').select('person_index').execute();
  return new Set(rows.map((r) => Number(r.person_index)));
}

/** Demo travellers of a post, in person order, `limit` of them of each kind at most. */
export async function listOfPost(db: Kysely<DB>, postCode: string, kinds: readonly string[], limitPerKind: number): Promise<DemoTravellerRow[]> {
  const rows: DemoTravellerRow[] = [];
  for (const kind of kinds) {
    rows.push(
      ...(await db
        .selectFrom('demo_travellers')
        .selectAll()
        .where('post_code', '=', postCode)
        .where('kind', '=', kind)
        .orderBy('person_index')
        .limit(limitPerKind)
        .execute()),
    );
  }
  return rows;
}
