/** Database liveness for the health endpoint. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Runs a trivial query; throws whatever the driver throws when the database does not answer. */
export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
