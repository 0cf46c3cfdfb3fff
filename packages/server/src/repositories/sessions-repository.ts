/** Storage of sessions (token hashes only), the login throttle and first-run setup tokens. */
import type { Kysely, Selectable } from 'kysely';
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

/** Removes sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findThrottle(db: Kysely<DB>, username: string): Promise<ThrottleRow | undefined> {
  return db.selectFrom('login_throttle').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function saveThrottle(db: Kysely<DB>, row: ThrottleRow): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures: row.failures,
        first_failure_at: row.first_failure_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
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
