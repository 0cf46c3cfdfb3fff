/**
 * Migration 0001: the append-only audit log and its head row.
 *
 * `audit_head` holds one row (id 1) with the latest sequence number and hash. Every append first updates that
 * row, which takes a row lock on PostgreSQL and the write lock on SQLite, so appends are serialised and the chain
 * cannot fork; UNIQUE on `prev_hash` and the primary key on `seq` refuse a fork even if that rule were broken.
 * Triggers refuse UPDATE, DELETE and TRUNCATE on `audit_log` (dialect-specific SQL: the schema builder has no
 * triggers). Anyone who can drop a trigger can still edit rows; that is what chain verification detects.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { GENESIS_HASH } from '../../domain/audit-chain.js';

// Migrations see the schema as it was when they were written, not today's DB interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('post', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addCheckConstraint('audit_log_seq_positive', sql`seq > 0`)
    .execute();
  await db.schema.createIndex('audit_log_time').on('audit_log').column('time').execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject', 'seq']).execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_head_single_row', sql`id = 1`)
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: GENESIS_HASH }).execute();

  if (dialectOf(db) === 'postgres') {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('audit_head').execute();
  await db.schema.dropTable('audit_log').execute();
  if (dialectOf(db) === 'postgres') await sql`drop function if exists audit_log_append_only()`.execute(db);
}
