/** Storage of border posts and their lanes. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, LanesTable, PostsTable } from '../db/schema.js';
import { afterKeyset } from './keyset.js';

export type PostRow = Selectable<PostsTable>;
export type LaneRow = Selectable<LanesTable>;

export async function insertPost(db: Kysely<DB>, row: PostRow): Promise<void> {
  await db.insertInto('posts').values(row).execute();
}

export async function findPostByCode(db: Kysely<DB>, code: string): Promise<PostRow | undefined> {
  return db.selectFrom('posts').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findPostById(db: Kysely<DB>, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Posts ordered by code; only `ids` when given. */
export async function listPosts(db: Kysely<DB>, ids?: readonly string[]): Promise<PostRow[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('posts').selectAll().orderBy('code');
  if (ids) query = query.where('id', 'in', ids);
  return query.execute();
}

/** A keyset page of posts ordered by (code, id), `limit + 1` rows; only `ids` when given. */
export async function listPostsPage(
  db: Kysely<DB>,
  page: { readonly limit: number; readonly after?: { readonly key: string | number; readonly id: string } | undefined },
  ids?: readonly string[],
): Promise<PostRow[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('posts').selectAll();
  if (ids) query = query.where('id', 'in', ids);
  const after = page.after;
  if (after) query = query.where((eb) => afterKeyset(eb, 'code', 'id', after));
  return query.orderBy('code').orderBy('id').limit(page.limit + 1).execute();
}

/** Posts with these codes (unknown codes are simply absent). */
export async function listPostsByCodes(db: Kysely<DB>, codes: readonly string[]): Promise<PostRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('posts').selectAll().where('code', 'in', codes).execute();
}

export async function insertLane(db: Kysely<DB>, row: LaneRow): Promise<void> {
  await db.insertInto('lanes').values(row).execute();
}

export async function findLane(db: Kysely<DB>, postId: string, code: string): Promise<LaneRow | undefined> {
  return db.selectFrom('lanes').selectAll().where('post_id', '=', postId).where('code', '=', code).executeTakeFirst();
}

/** Lanes of the given posts, ordered by code. */
export async function listLanes(db: Kysely<DB>, postIds: readonly string[]): Promise<LaneRow[]> {
  if (postIds.length === 0) return [];
  return db.selectFrom('lanes').selectAll().where('post_id', 'in', postIds).orderBy('code').execute();
}
