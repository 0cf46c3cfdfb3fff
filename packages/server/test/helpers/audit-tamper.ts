/**
 * Tampering with the audit log the way an intruder with owner rights would: switch off the append-only triggers,
 * change rows, switch them back on. SQLite has no "disable trigger", so the triggers' own SQL is read from
 * sqlite_master, dropped and re-created exactly as the migrations left them.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

export async function withoutAuditTriggers(database: Database, run: () => Promise<void>): Promise<void> {
  const db = database.db;
  if (database.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(db);
    try {
      await run();
    } finally {
      await sql`alter table audit_log enable trigger user`.execute(db);
    }
    return;
  }
  const triggers = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`.execute(db);
  for (const trigger of triggers.rows) await sql`drop trigger ${sql.id(trigger.name)}`.execute(db);
  try {
    await run();
  } finally {
    for (const trigger of triggers.rows) await sql.raw(trigger.sql).execute(db);
  }
}
