/**
 * Signing in and out. Sessions are random bearer tokens (stored as SHA-256) with a fixed lifetime; failed logins
 * are counted per username (existing or not, so the answer never reveals which usernames exist) and lock the
 * username for a while after too many (OWASP Authentication Cheat Sheet, "Account lockout").
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as usersRepo from '../repositories/users-repository.js';
import * as sessionsRepo from '../repositories/sessions-repository.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import type { Role } from '../domain/roles.js';
import { hashSecret, newSecret } from '../domain/secrets.js';
import { appendAudit } from './audit-service.js';
import { verifyPassword } from './passwords.js';
import { toUser, Username, type User } from './users-service.js';
import { nowIso, type ServiceContext } from './context.js';

export const Credentials = z.object({
  username: Username,
  password: z.string().min(1).max(1024),
});
export type Credentials = z.infer<typeof Credentials>;

export interface SignedIn {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: User;
}

const MINUTE_MS = 60_000;

/**
 * Checks credentials and opens a session. Each attempt is counted before the password is checked, so parallel
 * guesses cannot exceed the limit. Throws AUTH_LOCKED_OUT while the username is locked (even for the right
 * password) and AUTH_INVALID_CREDENTIALS for a wrong password, unknown username or disabled account.
 */
export async function login(ctx: ServiceContext, credentials: Credentials, origin: { ip: string }): Promise<SignedIn> {
  const { username, password } = credentials;
  const { maxFailures, failureWindowMinutes, lockoutMinutes } = ctx.config.login;
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - failureWindowMinutes * MINUTE_MS).toISOString();
  const attempt = await sessionsRepo.countLoginAttempt(ctx.db, username, now.toISOString(), windowStart);

  const lockedUntil =
    attempt.locked_until && attempt.locked_until > now.toISOString()
      ? attempt.locked_until
      : attempt.failures > maxFailures
        ? new Date(now.getTime() + lockoutMinutes * MINUTE_MS).toISOString()
        : undefined;
  if (lockedUntil) {
    await ctx.db.transaction().execute(async (trx) => {
      if (!attempt.locked_until) await sessionsRepo.lockUsername(trx, username, lockedUntil);
      await appendAudit(trx, ctx.clock, {
        actor: 'anonymous',
        action: 'auth.login_refused_locked',
        subject: `username:${username}`,
        details: { ip: origin.ip, lockedUntil },
      });
    });
    throw new ServerError('AUTH_LOCKED_OUT', `too many failed logins for ${username}; try again after ${lockedUntil}`);
  }

  const record = await usersRepo.findUserByUsername(ctx.db, username);
  const passwordOk = await verifyPassword(record?.password_hash, password);
  if (!record || !passwordOk || record.disabled === 1) {
    const locks = attempt.failures >= maxFailures;
    const until = new Date(now.getTime() + lockoutMinutes * MINUTE_MS).toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (locks) await sessionsRepo.lockUsername(trx, username, until);
      await appendAudit(trx, ctx.clock, {
        actor: 'anonymous',
        action: locks ? 'auth.locked_out' : 'auth.login_failed',
        subject: record ? `user:${record.id}` : `username:${username}`,
        details: { ip: origin.ip, failures: attempt.failures, lockedUntil: locks ? until : null },
      });
    });
    throw new ServerError('AUTH_INVALID_CREDENTIALS', 'wrong username or password');
  }

  const token = newSecret('session');
  const expiresAt = new Date(now.getTime() + ctx.config.session.ttlMinutes * MINUTE_MS).toISOString();
  const sessionId = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await sessionsRepo.clearThrottle(trx, username);
    await sessionsRepo.deleteExpiredSessions(trx, now.toISOString());
    await sessionsRepo.insertSession(trx, {
      id: sessionId,
      token_hash: hashSecret(token),
      user_id: record.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    await appendAudit(trx, ctx.clock, {
      actor: `user:${record.id}`,
      action: 'auth.login',
      subject: `session:${sessionId}`,
      details: { username, ip: origin.ip, expiresAt },
    });
  });
  return { token, expiresAt, user: await toUser(ctx, record) };
}

/** Resolves a session token to its user, or AUTH_REQUIRED when unknown, expired or the account is disabled. */
export async function authenticateSession(ctx: ServiceContext, token: string): Promise<UserPrincipal> {
  const session = await sessionsRepo.findSessionByTokenHash(ctx.db, hashSecret(token));
  if (!session || session.expires_at <= nowIso(ctx)) throw new ServerError('AUTH_REQUIRED', 'session expired or unknown; sign in');
  const record = await usersRepo.findUserById(ctx.db, session.user_id);
  if (!record || record.disabled === 1) throw new ServerError('AUTH_REQUIRED', 'account disabled; sign in');
  return {
    kind: 'user',
    userId: record.id,
    username: record.username,
    roles: record.roles as Role[],
    allPosts: record.all_posts === 1,
    postIds: record.all_posts === 1 ? [] : record.post_ids,
    sessionId: session.id,
    passwordChangeRequired: record.password_change_required === 1,
  };
}

/** Ends the caller's session. */
export async function logout(ctx: ServiceContext, user: UserPrincipal): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await sessionsRepo.deleteSession(trx, user.sessionId);
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'auth.logout',
      subject: `session:${user.sessionId}`,
    });
  });
}

/** The signed-in user's own account. */
export async function me(ctx: ServiceContext, user: UserPrincipal): Promise<User> {
  const record = await usersRepo.findUserById(ctx.db, user.userId);
  if (!record) throw new ServerError('AUTH_REQUIRED', 'account no longer exists');
  return toUser(ctx, record);
}
