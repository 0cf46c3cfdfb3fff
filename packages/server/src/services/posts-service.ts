/** Border posts and their lanes. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as postsRepo from '../repositories/posts-repository.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { appendAudit } from './audit-service.js';
import { requireAllPosts, requirePermission, requirePost } from './access.js';
import { nowIso, type ServiceContext } from './context.js';
import { cursorOfKind, mapPage, pageOf, type Page, type PageQuery } from './pagination.js';

export const SIDES = ['PK', 'AF'] as const;
export const LANE_DIRECTIONS = ['entry', 'exit', 'both'] as const;

/** Post codes are short upper-case mnemonics: TKM (Torkham), CMN (Chaman). */
export const PostCode = z.string().regex(/^[A-Z]{2,8}$/, '2 to 8 capital letters, e.g. TKM');
export const LaneCode = z.string().regex(/^[A-Z0-9-]{1,16}$/, '1 to 16 capital letters, digits or hyphens, e.g. E01');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const NewPost = z.object({
  code: PostCode,
  name: z.string().trim().min(1).max(200),
  side: z.enum(SIDES),
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Asia/Karachi'),
});
export type NewPost = z.infer<typeof NewPost>;

export const NewLane = z.object({
  code: LaneCode,
  name: z.string().trim().min(1).max(200),
  direction: z.enum(LANE_DIRECTIONS),
});
export type NewLane = z.infer<typeof NewLane>;

export interface Lane {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly direction: (typeof LANE_DIRECTIONS)[number];
}

export interface Post {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly side: (typeof SIDES)[number];
  readonly timeZone: string;
  readonly createdAt: string;
  readonly lanes: readonly Lane[];
}

function toLane(row: postsRepo.LaneRow): Lane {
  return { id: row.id, code: row.code, name: row.name, direction: row.direction as Lane['direction'] };
}

function toPost(row: postsRepo.PostRow, lanes: postsRepo.LaneRow[]): Post {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    side: row.side as Post['side'],
    timeZone: row.time_zone,
    createdAt: row.created_at,
    lanes: lanes.filter((l) => l.post_id === row.id).map(toLane),
  };
}

/** Creates a post (headquarters administrators only). */
export async function createPost(ctx: ServiceContext, user: UserPrincipal, input: NewPost): Promise<Post> {
  requirePermission(user, 'posts.manage');
  requireAllPosts(user, 'creating a post');
  const row: postsRepo.PostRow = {
    id: randomUUID(),
    code: input.code,
    name: input.name,
    side: input.side,
    time_zone: input.timeZone,
    created_at: nowIso(ctx),
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await postsRepo.insertPost(trx, row);
      await appendAudit(trx, ctx.clock, {
        actor: actorOf(user),
        action: 'post.created',
        subject: `post:${row.code}`,
        post: row.code,
        details: { name: row.name, side: row.side, timeZone: row.time_zone },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServerError('POST_CODE_TAKEN', `a post with code ${input.code} exists`, { cause: error });
    throw error;
  }
  return toPost(row, []);
}

/** A page of the posts the user is granted, by code, with their lanes (services/pagination.ts). */
export async function listPosts(ctx: ServiceContext, user: UserPrincipal, query: PageQuery): Promise<Page<Post>> {
  requirePermission(user, 'posts.read');
  const after = cursorOfKind(query.cursor, 'string');
  const rows = await postsRepo.listPostsPage(ctx.db, { limit: query.limit, after }, user.allPosts ? undefined : user.postIds);
  return mapPage(pageOf(rows, query.limit, (p) => ({ key: p.code, id: p.id })), async (posts) => {
    const lanes = await postsRepo.listLanes(ctx.db, posts.map((p) => p.id));
    return posts.map((p) => toPost(p, lanes));
  });
}

/** The post with this code, or POST_NOT_FOUND; FORBIDDEN_POST when it exists but is not granted. */
export async function getPost(ctx: ServiceContext, user: UserPrincipal, code: string): Promise<Post> {
  requirePermission(user, 'posts.read');
  const row = await getPostRow(ctx, user, code);
  return toPost(row, await postsRepo.listLanes(ctx.db, [row.id]));
}

/** Looks a post up by code and checks the user is granted it. */
export async function getPostRow(ctx: ServiceContext, user: UserPrincipal, code: string): Promise<postsRepo.PostRow> {
  const row = await postsRepo.findPostByCode(ctx.db, code);
  if (!row) throw new ServerError('POST_NOT_FOUND', `no post with code ${code}`);
  requirePost(user, row);
  return row;
}

/** Adds a lane to a post the administrator is granted. */
export async function createLane(ctx: ServiceContext, user: UserPrincipal, postCode: string, input: NewLane): Promise<Lane> {
  requirePermission(user, 'posts.manage');
  const post = await getPostRow(ctx, user, postCode);
  const row: postsRepo.LaneRow = {
    id: randomUUID(),
    post_id: post.id,
    code: input.code,
    name: input.name,
    direction: input.direction,
    created_at: nowIso(ctx),
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await postsRepo.insertLane(trx, row);
      await appendAudit(trx, ctx.clock, {
        actor: actorOf(user),
        action: 'lane.created',
        subject: `lane:${post.code}/${row.code}`,
        post: post.code,
        details: { name: row.name, direction: row.direction },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServerError('LANE_CODE_TAKEN', `post ${post.code} already has a lane ${input.code}`, { cause: error });
    }
    throw error;
  }
  return toLane(row);
}

/** Resolves post codes to ids, failing with POST_NOT_FOUND naming the first unknown code. */
export async function resolvePostCodes(ctx: ServiceContext, codes: readonly string[]): Promise<postsRepo.PostRow[]> {
  const rows = await postsRepo.listPostsByCodes(ctx.db, codes);
  const missing = codes.find((c) => !rows.some((r) => r.code === c));
  if (missing) throw new ServerError('POST_NOT_FOUND', `no post with code ${missing}`);
  return rows;
}

