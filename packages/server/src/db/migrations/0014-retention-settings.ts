/**
 * Migration 0014: retention periods set by an administrator, overriding the configured defaults per data class
 * (a class without a row follows the configuration), and the record of every purge that ran, with its counts, so
 * the retention page can show the last runs (the audit log keeps only the purges that deleted something).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('retention_settings')
    .addColumn('data_class', 'text', (c) => c.primaryKey())
    // Null: kept for ever (only for the classes that allow it).
    .addColumn('days', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    // JSON: the periods applied and what was deleted per kind of record.
    .addColumn('cutoffs', 'text', (c) => c.notNull())
    .addColumn('deleted', 'text', (c) => c.notNull())
    .addColumn('audit_seq', 'bigint')
    .execute();
  await db.schema.createIndex('retention_runs_time').on('retention_runs').column('ran_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('retention_runs').execute();
  await db.schema.dropTable('retention_settings').execute();
}
