/** Storage of sessions (token hashes only), the login throttle and first-run setup tokens. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, LoginThrottleTable, SessionsTable } from '../db/schema.js';

export type SessionRow = Selectable<SessionsTable>;
export type ThrottleRow = Selectable<LoginThrottleTable>;

export async function insertSession(db: Kysely<DB>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionByTokenHash(db: Kysely<DB>, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of the user except `keepSessionId`; returns how many ended. */
export async function deleteOtherSessionsOfUser(db: Kysely<DB>, userId: string, keepSessionId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findThrottle(db: Kysely<DB>, username: string): Promise<ThrottleRow | undefined> {
  return db.selectFrom('login_throttle').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * Counts a login attempt for `username` atomically, before its password is checked, and returns the row after
 * counting. While the username is locked the row is left as it is. A lapsed lock or a window older than
 * `windowStart` starts a new count at 1. Being one statement (an upsert, which locks the row on PostgreSQL and the
 * database on SQLite), parallel attempts each get their own ordinal: no more than the limit are ever checked.
 */
export async function countLoginAttempt(
  db: Kysely<DB>,
  username: string,
  now: string,
  windowStart: string,
): Promise<ThrottleRow> {
  const locked = sql<boolean>`login_throttle.locked_until is not null and login_throttle.locked_until > ${now}`;
  const restart = sql<boolean>`login_throttle.locked_until is not null or login_throttle.first_failure_at <= ${windowStart}`;
  return db
    .insertInto('login_throttle')
    .values({ username, failures: 1, first_failure_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures: sql<number>`case when ${locked} then login_throttle.failures when ${restart} then 1 else login_throttle.failures + 1 end`,
        first_failure_at: sql<string>`case when ${locked} then login_throttle.first_failure_at when ${restart} then ${now} else login_throttle.first_failure_at end`,
        locked_until: sql<string | null>`case when ${locked} then login_throttle.locked_until else null end`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Locks a username until the given time. */
export async function lockUsername(db: Kysely<DB>, username: string, until: string): Promise<void> {
  await db.updateTable('login_throttle').set({ locked_until: until }).where('username', '=', username).execute();
}

export async function clearThrottle(db: Kysely<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).execute();
}

export async function insertSetupToken(db: Kysely<DB>, tokenHash: string, createdAt: string): Promise<void> {
  await db.insertInto('setup_tokens').values({ token_hash: tokenHash, created_at: createdAt, used_at: null }).execute();
}

/** Deletes setup tokens never used (a new start issues a fresh one). */
export async function deleteUnusedSetupTokens(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('setup_tokens').where('used_at', 'is', null).execute();
}

/** Marks an unused token used; false when the token is unknown or already used. */
export async function consumeSetupToken(db: Kysely<DB>, tokenHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('setup_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
