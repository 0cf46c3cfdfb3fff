/** Stored retention periods (overrides of the configured defaults) and the record of purge runs (migration 0014). */
import type { Kysely } from 'kysely';
import type { DB, RetentionRunsTable, RetentionSettingsTable } from '../db/schema.js';

export type RetentionSettingRow = RetentionSettingsTable;
export type RetentionRunRow = RetentionRunsTable;

export async function listSettings(db: Kysely<DB>): Promise<RetentionSettingRow[]> {
  return db.selectFrom('retention_settings').selectAll().orderBy('data_class').execute();
}

/** Inserts or replaces the period of one data class. */
export async function upsertSetting(db: Kysely<DB>, row: RetentionSettingRow): Promise<void> {
  await db
    .insertInto('retention_settings')
    .values(row)
    .onConflict((oc) => oc.column('data_class').doUpdateSet({ days: row.days, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

export async function insertRun(db: Kysely<DB>, row: RetentionRunRow): Promise<void> {
  await db.insertInto('retention_runs').values(row).execute();
}

/** The latest runs, newest first. */
export async function listRecentRuns(db: Kysely<DB>, limit: number): Promise<RetentionRunRow[]> {
  return db.selectFrom('retention_runs').selectAll().orderBy('ran_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
