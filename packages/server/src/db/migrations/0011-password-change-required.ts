/**
 * Migration 0011: `users.password_change_required`. An account created by an administrator (or at the console with
 * `sarhad admin create`), or whose password an administrator reset, holds a password someone else chose or saw;
 * until its owner replaces it, the API answers PASSWORD_CHANGE_REQUIRED to everything but the password change,
 * "who am I" and sign-out, so a password an administrator knew never guards real work. Existing accounts keep their
 * passwords and are not flagged.
 */
import type { Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's DB interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('password_change_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').dropColumn('password_change_required').execute();
}
