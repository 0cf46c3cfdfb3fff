/**
 * User accounts: creation, changes of roles, post grants and status, password resets. Every change is audited in
 * the same transaction. Administrators scoped to some posts manage only users whose grants lie within their own
 * and cannot grant access to all posts; headquarters administrators (`allPosts`) manage everyone.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as usersRepo from '../repositories/users-repository.js';
import * as sessionsRepo from '../repositories/sessions-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { Role } from '../domain/roles.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { PostCode, resolvePostCodes } from './posts-service.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import { nowIso, type ServiceContext } from './context.js';
import { cursorOfKind, mapPage, pageOf, type Page, type PageQuery } from './pagination.js';

/** Usernames: lower-case letters, digits, dot, underscore, hyphen. Stored lower-case. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, '3 to 64 of a-z, 0-9, dot, underscore, hyphen');

const Password = z.string().min(1).max(1024);

export const NewUser = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  password: Password,
  roles: z.array(Role).min(1).max(7),
  posts: z.array(PostCode).max(100).default([]),
  allPosts: z.boolean().default(false),
});
export type NewUser = z.infer<typeof NewUser>;

export const UserChanges = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(Role).min(1).max(7),
    posts: z.array(PostCode).max(100),
    allPosts: z.boolean(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'at least one change');
export type UserChanges = z.infer<typeof UserChanges>;

export const PasswordChange = z.object({ currentPassword: Password, newPassword: Password });
export const PasswordReset = z.object({ password: Password });

/** A user as the API shows it: never the password hash. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly allPosts: boolean;
  readonly posts: readonly string[];
  readonly disabled: boolean;
  /** The password was set by an administrator; its owner must change it before doing anything else. */
  readonly passwordChangeRequired: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Turns a stored record into the API shape, naming posts by code. */
export async function toUser(ctx: ServiceContext, record: usersRepo.UserRecord): Promise<User> {
  const posts = await postsRepo.listPosts(ctx.db, record.post_ids);
  return {
    id: record.id,
    username: record.username,
    displayName: record.display_name,
    roles: record.roles as Role[],
    allPosts: record.all_posts === 1,
    posts: posts.map((p) => p.code),
    disabled: record.disabled === 1,
    passwordChangeRequired: record.password_change_required === 1,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  };
}

/** Whether `actor` may see and manage an account with these grants. */
function mayManage(actor: UserPrincipal, target: { allPosts: boolean; postIds: readonly string[] }): boolean {
  if (actor.allPosts) return true;
  return !target.allPosts && target.postIds.length > 0 && target.postIds.every((id) => actor.postIds.includes(id));
}

function requireManage(actor: UserPrincipal, target: { allPosts: boolean; postIds: readonly string[] }, what: string): void {
  if (!mayManage(actor, target)) {
    throw new ServerError('FORBIDDEN_POST', `${actor.username} may not ${what}: it reaches posts outside their grants`);
  }
}

async function getManagedRecord(ctx: ServiceContext, actor: UserPrincipal, id: string): Promise<usersRepo.UserRecord> {
  const record = await usersRepo.findUserById(ctx.db, id);
  if (!record || !mayManage(actor, { allPosts: record.all_posts === 1, postIds: record.post_ids })) {
    throw new ServerError('USER_NOT_FOUND', `no user ${id}`);
  }
  return record;
}

/**
 * Who creates an account without an administrator's session: first-run setup (the administrator chose their own
 * password) or the console (`sarhad admin create`, a generated password that must be changed at first sign-in).
 */
export interface BootstrapActor {
  readonly bootstrap: true;
  readonly passwordChangeRequired?: boolean;
}

/**
 * Creates an account; with a {@link BootstrapActor}, skips the actor checks (already authorised). An account an
 * administrator creates gets the password the administrator typed, so it must be changed at first sign-in.
 */
export async function createUser(
  ctx: ServiceContext,
  actor: UserPrincipal | BootstrapActor,
  input: NewUser,
  trx = ctx.db,
): Promise<User> {
  if ('kind' in actor) requirePermission(actor, 'users.manage');
  const posts = await resolvePostCodes({ ...ctx, db: trx }, input.posts);
  const postIds = posts.map((p) => p.id);
  if ('kind' in actor) {
    requireManage(actor, { allPosts: input.allPosts, postIds }, `create user ${input.username}`);
  }
  const passwordHash = await hashPassword(input.password);
  const now = nowIso(ctx);
  const row: usersRepo.UserRow = {
    id: randomUUID(),
    username: input.username,
    display_name: input.displayName,
    password_hash: passwordHash,
    password_change_required: 'kind' in actor || actor.passwordChangeRequired ? 1 : 0,
    all_posts: input.allPosts ? 1 : 0,
    disabled: 0,
    created_at: now,
    updated_at: now,
  };
  const roles = [...new Set(input.roles)].sort();
  const work = async (db: typeof trx) => {
    await usersRepo.insertUser(db, row);
    await usersRepo.replaceRoles(db, row.id, roles);
    await usersRepo.replacePosts(db, row.id, postIds);
    await appendAudit(db, ctx.clock, {
      actor: 'kind' in actor ? actorOf(actor) : 'system',
      action: 'user.created',
      subject: `user:${row.id}`,
      details: { username: row.username, roles, posts: input.posts, allPosts: input.allPosts },
    });
  };
  try {
    if (trx.isTransaction) await work(trx);
    else await trx.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServerError('USERNAME_TAKEN', `username ${input.username} is taken`, { cause: error });
    throw error;
  }
  return toUser({ ...ctx, db: trx }, { ...row, roles, post_ids: postIds });
}

/** A page of the users the administrator may manage, by username (services/pagination.ts). */
export async function listUsers(ctx: ServiceContext, actor: UserPrincipal, query: PageQuery): Promise<Page<User>> {
  requirePermission(actor, 'users.manage');
  const after = cursorOfKind(query.cursor, 'string');
  const rows = await usersRepo.listUsersPage(ctx.db, { limit: query.limit, after }, actor.allPosts ? undefined : actor.postIds);
  const page = pageOf(rows, query.limit, (r) => ({ key: r.username, id: r.id }));
  return mapPage(page, (records) => Promise.all(records.map((r) => toUser(ctx, r))));
}

export async function getUser(ctx: ServiceContext, actor: UserPrincipal, id: string): Promise<User> {
  requirePermission(actor, 'users.manage');
  return toUser(ctx, await getManagedRecord(ctx, actor, id));
}

/**
 * Changes roles, post grants, status or display name. Disabling a user or changing their grants ends their
 * sessions. Refuses (LAST_ADMIN) to leave no active headquarters administrator.
 */
export async function updateUser(ctx: ServiceContext, actor: UserPrincipal, id: string, changes: UserChanges): Promise<User> {
  requirePermission(actor, 'users.manage');
  const before = await getManagedRecord(ctx, actor, id);
  const newPostIds = changes.posts ? (await resolvePostCodes(ctx, changes.posts)).map((p) => p.id) : before.post_ids;
  const allPosts = changes.allPosts ?? before.all_posts === 1;
  requireManage(actor, { allPosts, postIds: newPostIds }, `give user ${before.username} these grants`);
  const roles = changes.roles ? [...new Set(changes.roles)].sort() : before.roles;
  const disabled = changes.disabled ?? before.disabled === 1;

  const diff: Record<string, { from: string | boolean | string[]; to: string | boolean | string[] }> = {};
  if (changes.displayName !== undefined && changes.displayName !== before.display_name) {
    diff.displayName = { from: before.display_name, to: changes.displayName };
  }
  if (changes.roles && roles.join() !== before.roles.join()) diff.roles = { from: before.roles, to: roles };
  if (changes.posts && [...newPostIds].sort().join() !== [...before.post_ids].sort().join()) {
    const beforeUser = await toUser(ctx, before);
    diff.posts = { from: [...beforeUser.posts], to: [...changes.posts].sort() };
  }
  if (allPosts !== (before.all_posts === 1)) diff.allPosts = { from: before.all_posts === 1, to: allPosts };
  if (disabled !== (before.disabled === 1)) diff.disabled = { from: before.disabled === 1, to: disabled };
  if (Object.keys(diff).length === 0) return toUser(ctx, before);

  await ctx.db.transaction().execute(async (trx) => {
    await usersRepo.updateUser(trx, id, {
      ...(diff.displayName ? { display_name: changes.displayName! } : {}),
      all_posts: allPosts ? 1 : 0,
      disabled: disabled ? 1 : 0,
      updated_at: nowIso(ctx),
    });
    if (diff.roles) await usersRepo.replaceRoles(trx, id, roles);
    if (diff.posts) await usersRepo.replacePosts(trx, id, newPostIds);
    if ((await usersRepo.countActiveGlobal(trx, 'admin')) === 0) {
      throw new ServerError('LAST_ADMIN', `the change would leave no active administrator with access to all posts`);
    }
    const endsSessions = Boolean(diff.disabled || diff.roles || diff.posts || diff.allPosts);
    const ended = endsSessions ? await sessionsRepo.deleteSessionsOfUser(trx, id) : 0;
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(actor),
      action: 'user.updated',
      subject: `user:${id}`,
      details: { username: before.username, changes: diff, sessionsEnded: ended },
    });
  });
  return getUser(ctx, actor, id);
}

/**
 * An administrator sets a new password for a user; the user's sessions end and the user must change the password
 * at their next sign-in (the administrator knows it).
 */
export async function resetPassword(ctx: ServiceContext, actor: UserPrincipal, id: string, password: string): Promise<void> {
  requirePermission(actor, 'users.manage');
  const target = await getManagedRecord(ctx, actor, id);
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await usersRepo.updateUser(trx, id, { password_hash: hash, password_change_required: 1, updated_at: nowIso(ctx) });
    const ended = await sessionsRepo.deleteSessionsOfUser(trx, id);
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(actor),
      action: 'user.password_reset',
      subject: `user:${id}`,
      details: { username: target.username, sessionsEnded: ended },
    });
  });
}

/**
 * A user changes their own password, proving the current one, within the password policy; every other session of
 * theirs ends (a stolen session or a password someone saw stops working) and this one stays signed in. This is
 * also how a password set by an administrator is replaced: it clears `passwordChangeRequired`. Audited as
 * `user.password_changed` with whether the change was required.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  user: UserPrincipal,
  input: z.infer<typeof PasswordChange>,
): Promise<User> {
  const record = await usersRepo.findUserById(ctx.db, user.userId);
  if (!record || !(await verifyPassword(record.password_hash, input.currentPassword))) {
    throw new ServerError('AUTH_INVALID_CREDENTIALS', 'the current password is wrong');
  }
  checkPasswordPolicy(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new ServerError('PASSWORD_UNCHANGED', 'the new password must differ from the current one');
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await usersRepo.updateUser(trx, user.userId, { password_hash: hash, password_change_required: 0, updated_at: nowIso(ctx) });
    const ended = await sessionsRepo.deleteOtherSessionsOfUser(trx, user.userId, user.sessionId);
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'user.password_changed',
      subject: `user:${user.userId}`,
      details: { username: user.username, required: record.password_change_required === 1, otherSessionsEnded: ended },
    });
  });
  return toUser(ctx, (await usersRepo.findUserById(ctx.db, user.userId))!);
}
