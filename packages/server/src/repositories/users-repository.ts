/** Storage of user accounts with their roles and post grants. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../db/schema.js';
import { afterKeyset } from './keyset.js';

export type UserRow = Selectable<UsersTable>;

/** A user row with its roles and granted post ids. */
export interface UserRecord extends UserRow {
  readonly roles: string[];
  readonly post_ids: string[];
}

export async function insertUser(db: Kysely<DB>, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Pick<UserRow, 'display_name' | 'password_hash' | 'password_change_required' | 'all_posts' | 'disabled' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function replaceRoles(db: Kysely<DB>, userId: string, roles: readonly string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

export async function replacePosts(db: Kysely<DB>, userId: string, postIds: readonly string[]): Promise<void> {
  await db.deleteFrom('user_posts').where('user_id', '=', userId).execute();
  if (postIds.length) {
    await db.insertInto('user_posts').values(postIds.map((post_id) => ({ user_id: userId, post_id }))).execute();
  }
}

async function attach(db: Kysely<DB>, rows: UserRow[]): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [roles, posts] = await Promise.all([
    db.selectFrom('user_roles').selectAll().where('user_id', 'in', ids).orderBy('role').execute(),
    db.selectFrom('user_posts').selectAll().where('user_id', 'in', ids).execute(),
  ]);
  return rows.map((r) => ({
    ...r,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => x.role),
    post_ids: posts.filter((x) => x.user_id === r.id).map((x) => x.post_id),
  }));
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<UserRecord | undefined> {
  const rows = await db.selectFrom('users').selectAll().where('id', '=', id).execute();
  return (await attach(db, rows))[0];
}

export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRecord | undefined> {
  const rows = await db.selectFrom('users').selectAll().where('username', '=', username).execute();
  return (await attach(db, rows))[0];
}

/**
 * A keyset page of users ordered by (username, id), `limit + 1` rows to tell whether more follow. With `withinPosts`,
 * only users an administrator scoped to those posts may manage: not headquarters, at least one post, every post
 * among them.
 */
export async function listUsersPage(
  db: Kysely<DB>,
  page: { readonly limit: number; readonly after?: { readonly key: string | number; readonly id: string } | undefined },
  withinPosts?: readonly string[],
): Promise<UserRecord[]> {
  if (withinPosts && withinPosts.length === 0) return [];
  let query = db.selectFrom('users').selectAll();
  if (withinPosts) {
    query = query
      .where('all_posts', '=', 0)
      .where(({ exists, selectFrom }) => exists(selectFrom('user_posts').select('user_posts.user_id').whereRef('user_posts.user_id', '=', 'users.id')))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('user_posts')
              .select('user_posts.user_id')
              .whereRef('user_posts.user_id', '=', 'users.id')
              .where('user_posts.post_id', 'not in', withinPosts),
          ),
        ),
      );
  }
  const after = page.after;
  if (after) query = query.where((eb) => afterKeyset(eb, 'username', 'id', after));
  return attach(db, await query.orderBy('username').orderBy('id').limit(page.limit + 1).execute());
}

/** Active users holding `role` with access to every post. */
export async function countActiveGlobal(db: Kysely<DB>, role: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_roles.role', '=', role)
    .where('users.all_posts', '=', 1)
    .where('users.disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
