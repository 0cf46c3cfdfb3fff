/**
 * Migration 0009: decisions on crossings. A crossing carries its status (awaiting the officer, in secondary
 * inspection, awaiting a supervisor, cleared, refused) and any fingerprint exception (under the minimum age, or
 * unable to capture with a reason); each decision (the officer's, the secondary-inspection outcome, a supervisor's
 * decision or override) is a row with its reason.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('crossings').addColumn('status', 'text', (c) => c.notNull().defaultTo('awaiting_decision')).execute();
  await db.schema.alterTable('crossings').addColumn('fingerprint_exception', 'text').execute();
  await db.schema.alterTable('crossings').addColumn('exception_reason', 'text').execute();
  await db.schema.createIndex('crossings_post_status').on('crossings').columns(['post_id', 'status', 'recorded_at']).execute();
  await db.schema
    .createTable('crossing_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crossing_id', 'text', (c) => c.notNull().references('crossings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('status_before', 'text', (c) => c.notNull())
    .addColumn('status_after', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('crossing_decisions_order', ['crossing_id', 'position'])
    .addCheckConstraint('crossing_decisions_kind', sql`kind in ('officer', 'secondary', 'supervisor', 'override')`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('crossing_decisions').execute();
  await db.schema.dropIndex('crossings_post_status').execute();
  await db.schema.alterTable('crossings').dropColumn('exception_reason').execute();
  await db.schema.alterTable('crossings').dropColumn('fingerprint_exception').execute();
  await db.schema.alterTable('crossings').dropColumn('status').execute();
}
