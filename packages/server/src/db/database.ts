/**
 * Opens the one Kysely query layer over either database: SQLite through better-sqlite3 (the default, a file in
 * the data directory: a post runs on one machine with no server to install) or PostgreSQL through a pg Pool
 * (headquarters). Nothing here is a module-level singleton: callers open, pass the handle to `build(deps)`, close.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import { ServerError } from '../errors.js';
import type { DB } from './schema.js';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type DialectName = (typeof DIALECTS)[number];

/** An open database: the query builder plus what the migrator and a few dialect-aware queries need. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: DialectName;
  /** PostgreSQL schema holding the tables (undefined for SQLite). */
  readonly schema: string | undefined;
  /** Human-readable location without credentials, for logs and banners. */
  readonly description: string;
  close(): Promise<void>;
}

/** How long a SQLite writer waits for another writer's lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000; // 5 s
/** SQLite durability: FULL (2) fsyncs the WAL at each commit (DATABASE.md, "Durability"). */
const SQLITE_SYNCHRONOUS = 'FULL';
/** Upper bound on PostgreSQL connections per server process. */
const PG_POOL_MAX = 10; // connections
const PG_CONNECT_TIMEOUT_MS = 5_000; // 5 s
const PG_INT8_OID = 20;

export interface OpenOptions {
  /** Refuse to create a new SQLite file (for `sarhad audit verify`, which only reads). */
  readonly mustExist?: boolean;
}

/** Opens the configured database and checks that it answers. Throws STORAGE_MISSING or STORAGE_UNAVAILABLE. */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  return config.kind === 'sqlite' ? openSqlite(config.file, options) : openPostgres(config.url, config.schema, options);
}

function openSqlite(file: string, options: OpenOptions): Database {
  if (options.mustExist && !existsSync(file)) {
    throw new ServerError('STORAGE_MISSING', `no Sarhad database at ${file}`);
  }
  let sqlite: BetterSqlite3.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    sqlite = new BetterSqlite3(file, { fileMustExist: options.mustExist ?? false });
    // WAL lets readers (audit verification, exports) run while the server writes. FULL synchronous fsyncs the WAL
    // at every commit, so a write the server acknowledged survives kill -9 *and* power loss; NORMAL would only
    // survive application crashes and could lose the last commits on power loss (https://sqlite.org/pragma.html
    // #pragma_synchronous). A border post's laptop loses power; a crossing or audit entry must not vanish.
    // Foreign keys are off unless asked.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${SQLITE_SYNCHRONOUS}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    throw new ServerError('STORAGE_UNAVAILABLE', `cannot open SQLite database ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', schema: undefined, description: `SQLite ${file}`, close: () => db.destroy() };
}

async function openPostgres(url: string, schema: string, options: OpenOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: PG_POOL_MAX,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    // synchronous_commit on (PostgreSQL's default, asserted here so a database or role default of off cannot
    // weaken it): a commit returns only once its WAL is flushed to disk.
    options: `-c search_path=${schema} -c synchronous_commit=on`,
    // int8 (bigint: audit sequence numbers, counts) as a JS number; exact up to 2^53, far beyond any chain length.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const description = `PostgreSQL ${redact(url)} schema ${schema}`;
  try {
    const found = await sql<{ n: number }>`select count(*)::int as n from information_schema.schemata where schema_name = ${schema}`.execute(db);
    const exists = found.rows[0]?.n === 1;
    if (!exists && options.mustExist) throw new ServerError('STORAGE_MISSING', `no schema ${schema} in ${redact(url)}`);
    // Only create what is missing: a role may use an existing schema without the right to create schemas.
    if (!exists) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    await db.destroy();
    if (error instanceof ServerError) throw error;
    throw new ServerError('STORAGE_UNAVAILABLE', `cannot reach ${description}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { db, dialect: 'postgres', schema, description, close: () => db.destroy() };
}

/** The URL without its password, safe to print. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/** The dialect behind a Kysely instance (migrations receive only the instance). */
export function dialectOf(db: Kysely<unknown>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
