/**
 * Migration 0010: the audit anchor, so audit retention can purge a prefix of the log without breaking verification.
 *
 * `audit_anchor` holds at most one row (id 1): the signed checkpoint (`checkpoint`, JSON of a
 * `sarhad.audit-checkpoint.v1`) of the last purged entry, its `seq` and `hash`. Verification starts from it instead
 * of the genesis. The DELETE trigger on `audit_log` now refuses only entries after the anchor, so the database itself
 * still refuses deleting anything not covered by a signed anchor; UPDATE and TRUNCATE stay refused. The anchor only
 * moves forward and cannot be deleted (its own triggers).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

// Migrations see the schema as it was when they were written, not today's DB interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('audit_anchor')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('audit_anchor_single_row', sql`id = 1`)
    .addCheckConstraint('audit_anchor_seq_positive', sql`seq > 0`)
    .execute();

  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger audit_log_no_change on audit_log`.execute(db);
    await sql`create trigger audit_log_no_update before update on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create function audit_log_delete_guard() returns trigger language plpgsql as $$
      begin
        if old.seq <= coalesce((select seq from audit_anchor where id = 1), 0) then return old; end if;
        raise exception 'audit_log is append-only';
      end $$`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      for each row execute function audit_log_delete_guard()`.execute(db);
    await sql`create function audit_anchor_forward_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new.seq >= old.seq then return new; end if;
        raise exception 'audit_anchor only moves forward';
      end $$`.execute(db);
    await sql`create trigger audit_anchor_forward before update or delete on audit_anchor
      for each row execute function audit_anchor_forward_only()`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_delete`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      when old.seq > coalesce((select seq from audit_anchor where id = 1), 0)
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_anchor_no_backward before update on audit_anchor when new.seq < old.seq
      begin select raise(abort, 'audit_anchor only moves forward'); end`.execute(db);
    await sql`create trigger audit_anchor_no_delete before delete on audit_anchor
      begin select raise(abort, 'audit_anchor only moves forward'); end`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger audit_log_no_delete on audit_log`.execute(db);
    await sql`drop trigger audit_log_no_update on audit_log`.execute(db);
    await sql`drop function audit_log_delete_guard()`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await db.schema.dropTable('audit_anchor').execute();
    await sql`drop function audit_anchor_forward_only()`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_delete`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await db.schema.dropTable('audit_anchor').execute();
  }
}
