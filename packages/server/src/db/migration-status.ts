/** Which migrations a database has applied, for `sarhad db migrate` to list. */
import { Migrator } from 'kysely';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

export interface MigrationStatus {
  readonly name: string;
  /** When it was applied (ISO 8601 UTC), or null when pending. */
  readonly appliedAt: string | null;
}

/** Every known migration in order, with when it was applied. */
export async function listMigrations(database: Database): Promise<MigrationStatus[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const migrations = await migrator.getMigrations();
  return migrations.map((m) => ({ name: m.name, appliedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}
