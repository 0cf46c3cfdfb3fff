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
 * Checks credentials and opens a session. Throws AUTH_LOCKED_OUT while the username is locked (even for the right
 * password) and AUTH_INVALID_CREDENTIALS for a wrong password, unknown username or disabled account.
 */
export async function login(ctx: ServiceContext, credentials: Credentials, origin: { ip: string }): Promise<SignedIn> {
  const { username, password } = credentials;
  const now = ctx.clock.now();
  const throttle = await sessionsRepo.findThrottle(ctx.db, username);
  if (throttle?.locked_until && Date.parse(throttle.locked_until) > now.getTime()) {
    await appendAudit(ctx.db, ctx.clock, {
      actor: 'anonymous',
      action: 'auth.login_refused_locked',
      subject: `username:${username}`,
      details: { ip: origin.ip, lockedUntil: throttle.locked_until },
    });
    throw new ServerError('AUTH_LOCKED_OUT', `too many failed logins for ${username}; try again after ${throttle.locked_until}`);
  }

  const record = await usersRepo.findUserByUsername(ctx.db, username);
  const passwordOk = await verifyPassword(record?.password_hash, password);
  if (!record || !passwordOk || record.disabled === 1) {
    await recordFailure(ctx, username, throttle, origin, record?.id);
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

async function recordFailure(
  ctx: ServiceContext,
  username: string,
  previous: sessionsRepo.ThrottleRow | undefined,
  origin: { ip: string },
  userId: string | undefined,
): Promise<void> {
  const { maxFailures, failureWindowMinutes, lockoutMinutes } = ctx.config.login;
  const now = ctx.clock.now();
  const windowOpen =
    previous !== undefined &&
    !previous.locked_until &&
    now.getTime() - Date.parse(previous.first_failure_at) < failureWindowMinutes * MINUTE_MS;
  const failures = windowOpen ? previous.failures + 1 : 1;
  const lockedUntil =
    failures >= maxFailures ? new Date(now.getTime() + lockoutMinutes * MINUTE_MS).toISOString() : null;
  await ctx.db.transaction().execute(async (trx) => {
    await sessionsRepo.saveThrottle(trx, {
      username,
      failures,
      first_failure_at: windowOpen ? previous.first_failure_at : now.toISOString(),
      locked_until: lockedUntil,
    });
    await appendAudit(trx, ctx.clock, {
      actor: 'anonymous',
      action: lockedUntil ? 'auth.locked_out' : 'auth.login_failed',
      subject: userId ? `user:${userId}` : `username:${username}`,
      details: { username, ip: origin.ip, failures, lockedUntil },
    });
  });
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
