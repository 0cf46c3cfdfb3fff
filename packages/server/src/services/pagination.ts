/**
 * The pagination contract of every list endpoint: `?limit=` (default {@link PAGE_LIMIT_DEFAULT}, at most
 * {@link PAGE_LIMIT_MAX}) and `?cursor=` (opaque), answered as `{ <items>: [...], nextCursor }` where `nextCursor`
 * is null on the last page.
 *
 * Pages are keyset pages, not OFFSET: a list is ordered by (sort key, id), both unique together, and a cursor holds
 * the (sort key, id) of the last item given, so the next page starts strictly after it. Rows inserted or removed
 * while a client walks the pages never shift the rest (no item is given twice or skipped because of an insert
 * earlier in the order), and each page is one index range scan however deep the walk. The cursor is base64url JSON,
 * opaque to clients: they pass back what they got. A cursor that does not decode is VALIDATION_FAILED.
 */
import { z } from 'zod';
import { ServerError } from '../errors.js';

export const PAGE_LIMIT_DEFAULT = 50; // items
export const PAGE_LIMIT_MAX = 500; // items: bounds the work and the response of one request
const CURSOR_MAX_LENGTH = 1024; // characters

/** The decoded cursor: the sort key and id of the last item of the previous page. */
export interface Cursor {
  readonly key: string | number;
  readonly id: string;
}

/** Encodes the position after `last` as an opaque cursor. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor, or undefined when it is not one this server issued in shape. */
export function decodeCursor(text: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [key, id] = value as unknown[];
    if ((typeof key !== 'string' && typeof key !== 'number') || typeof id !== 'string') return undefined;
    if (typeof key === 'number' && !Number.isFinite(key)) return undefined;
    return { key, id };
  } catch {
    return undefined;
  }
}

/**
 * The cursor's position when its sort key has the kind this list sorts by, VALIDATION_FAILED otherwise (a cursor
 * from another list, say), so a mismatched key never reaches a query.
 */
export function cursorOfKind(cursor: Cursor | undefined, kind: 'string' | 'number'): Cursor | undefined {
  if (cursor && typeof cursor.key !== kind) {
    throw new ServerError('VALIDATION_FAILED', 'cursor: not a cursor of this list; pass back `nextCursor` as given');
  }
  return cursor;
}

/** `cursor` in a query: an opaque string from a previous page's `nextCursor`. */
export const CursorParam = z
  .string()
  .min(1)
  .max(CURSOR_MAX_LENGTH)
  .meta({ description: 'Opaque: the `nextCursor` of the previous page. Omit for the first page.' })
  .transform((text, ctx) => {
    const cursor = decodeCursor(text);
    if (!cursor) {
      ctx.issues.push({ code: 'custom', message: 'not a cursor this server issued; pass back `nextCursor` as given', input: text });
      return z.NEVER;
    }
    return cursor;
  });

/** `limit` and `cursor`, the query parameters every list endpoint takes (merge into its own query schema). */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .default(PAGE_LIMIT_DEFAULT)
    .meta({ description: `Items per page: default ${PAGE_LIMIT_DEFAULT}, at most ${PAGE_LIMIT_MAX}.` }),
  cursor: CursorParam.optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of items and where the next one starts (null: this was the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * Cuts `rows`, fetched with `limit + 1` so that one extra row tells whether more follow, into a page; `keyOf` gives
 * the (sort key, id) a cursor after a row holds.
 */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => Cursor): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1]!)) };
}

/** Maps a page's items, keeping its cursor. */
export async function mapPage<T, U>(page: Page<T>, map: (items: readonly T[]) => Promise<readonly U[]> | readonly U[]): Promise<Page<U>> {
  return { items: await map(page.items), nextCursor: page.nextCursor };
}

/**
 * A page of a list that is computed in memory (a report), ordered by `compare` on (sort key, id): the same keyset
 * contract as the stored lists, so a cursor from one request still means "after this item" in the next.
 */
export function pageInMemory<T>(
  sorted: readonly T[],
  query: PageQuery,
  keyOf: (item: T) => Cursor,
  after: (item: T, cursor: Cursor) => boolean,
): Page<T> {
  const start = query.cursor ? sorted.filter((item) => after(item, query.cursor!)) : sorted;
  return pageOf(start.slice(0, query.limit + 1), query.limit, keyOf);
}

/** Whether (key, id) comes after the cursor in ascending (key, id) order. */
export function isAfterAscending(key: string | number, id: string, cursor: Cursor): boolean {
  return key > cursor.key || (key === cursor.key && id > cursor.id);
}
