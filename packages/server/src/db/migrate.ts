/**
 * Brings a database to the latest schema with Kysely's Migrator. The same migrations serve SQLite and PostgreSQL.
 */
import { Migrator } from 'kysely';
import { ServerError } from '../errors.js';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

/** Runs every pending migration; returns the names applied. Throws STORAGE_UNAVAILABLE naming the failed one. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    // Numbers are reserved per piece of work, so one may ship after a higher-numbered one (0014 after 0015): a
    // database that already ran the higher one runs the lower one next instead of refusing to start. A migration
    // depends only on lower-numbered ones, never on one numbered after it.
    allowUnorderedMigrations: true,
    // On PostgreSQL the migrator looks for its table across all schemas unless told which one is ours.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(before any migration ran)';
    throw new ServerError('STORAGE_UNAVAILABLE', `migration ${failed} failed on ${database.description}: ${
      (error as Error).message ?? String(error)
    }`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
