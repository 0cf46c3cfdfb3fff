/**
 * Test databases. Every suite that touches storage runs once per dialect (Kysely's style: loop the suites over
 * every dialect). SQLite always runs, in a fresh file under the OS temp directory; PostgreSQL runs only when
 * DATABASE_URL is set (CI sets it), each test file in its own freshly created schema that is dropped afterwards,
 * so files can run in parallel against one server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, before, after } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database, type DialectName } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

const PG_URL = process.env.DATABASE_URL;

export interface TestDialect {
  readonly name: DialectName;
  /** A reason to skip, shown in the test report, or false to run. */
  readonly skip: string | false;
}

export const TEST_DIALECTS: readonly TestDialect[] = [
  { name: 'sqlite', skip: false },
  {
    name: 'postgres',
    skip: PG_URL ? false : 'PostgreSQL suite skipped: DATABASE_URL is not set (CI sets it; see DATABASE.md)',
  },
];

export interface TestDatabase {
  readonly database: Database;
  /** Closes the connection and deletes the file or drops the schema. */
  cleanup(): Promise<void>;
}

/** Opens a fresh, migrated database of the given dialect. */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sarhad-test-'));
    const database = await openDatabase({ kind: 'sqlite', file: join(dir, 'sarhad.sqlite') });
    await migrateToLatest(database);
    return {
      database,
      cleanup: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!PG_URL) throw new Error('DATABASE_URL is not set');
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ kind: 'postgres', url: PG_URL, schema });
  await migrateToLatest(database);
  return {
    database,
    cleanup: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
      await database.close();
    },
  };
}

/** A handle filled in by `before` and read inside tests. */
export interface DialectContext {
  readonly dialect: DialectName;
  readonly database: Database;
}

/**
 * Declares `suite` once per dialect under `title (sqlite)` / `title (postgres)`, with a fresh database opened
 * before and removed after.
 */
export function describeEachDialect(title: string, suite: (context: DialectContext) => void): void {
  for (const dialect of TEST_DIALECTS) {
    describe(`${title} (${dialect.name})`, { skip: dialect.skip }, () => {
      let handle: TestDatabase | undefined;
      before(async () => {
        handle = await openTestDatabase(dialect.name);
      });
      after(async () => {
        await handle?.cleanup();
      });
      suite({
        dialect: dialect.name,
        get database() {
          if (!handle) throw new Error('the test database is not open yet');
          return handle.database;
        },
      });
    });
  }
}
