/**
 * Migration 0015: demo data bookkeeping. `demo_state` holds at most one row (id 1): the seed and size of the demo
 * population loaded into this database, the date it was generated for, and the loader's progress (`loading`,
 * `loaded`, `failed`), so a second load is refused instead of duplicating and the API knows demo mode is on.
 * `demo_travellers` says which synthetic person (fingers, scenario) each demo traveller record is, so the simulated
 * scanner can give a fresh impression of their fingers. Neither holds personal data beyond the ids: the people are
 * synthetic and their records live in `travellers` like anyone's.
 */
import { sql, type Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's DB interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('demo_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('travellers', 'integer', (c) => c.notNull())
    .addColumn('generated_for', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addCheckConstraint('demo_state_single_row', sql`id = 1`)
    .execute();
  await db.schema
    .createTable('demo_travellers')
    .addColumn('traveller_id', 'text', (c) => c.primaryKey().references('travellers.id').onDelete('cascade'))
    .addColumn('person_index', 'integer', (c) => c.notNull().unique())
    .addColumn('finger_person', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('post_code', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demo_travellers_post').on('demo_travellers').columns(['post_code', 'person_index']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('demo_travellers').execute();
  await db.schema.dropTable('demo_state').execute();
}
