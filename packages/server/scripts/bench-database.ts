/**
 * What the server's benchmark scripts share: a throwaway database (a fresh PostgreSQL schema when DATABASE_URL is
 * set, else an SQLite file in a temporary directory), removed again by `cleanup`, and a seeded random generator so
 * every run builds the same traffic.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.js';

/** A small deterministic generator (mulberry32): the same seed gives the same sequence in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Opens an empty database for benchmark `name` (not yet migrated); `cleanup` closes and removes it. */
export async function openBenchDatabase(name: string): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${name}_${randomBytes(4).toString('hex')}`;
    const database = await openDatabase({ kind: 'postgres', url, schema });
    return {
      database,
      cleanup: async () => {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
        await database.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `sarhad-bench-${name}-`));
  const database = await openDatabase({ kind: 'sqlite', file: join(dir, 'sarhad.sqlite') });
  return {
    database,
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
