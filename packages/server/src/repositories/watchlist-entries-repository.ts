/**
 * Browsing a stored watchlist version's entries a page at a time, in saved order, optionally only those whose
 * stored JSON contains a text (names, aliases, document numbers: the manager looks for a person or a number).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** `text` for LIKE, with its wildcards taken literally (escape character `\`). */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Up to `limit + 1` entries of the version after position `afterPosition`, as stored JSON with their positions. */
export async function listEntriesPage(
  db: Kysely<DB>,
  versionId: string,
  options: { readonly afterPosition: number; readonly limit: number; readonly contains?: string | undefined },
): Promise<{ position: number; entry: string }[]> {
  let query = db
    .selectFrom('watchlist_entries')
    .select(['position', 'entry'])
    .where('version_id', '=', versionId)
    .where('position', '>', options.afterPosition);
  if (options.contains) query = query.where((eb) => eb(eb.fn('lower', ['entry']), 'like', likePattern(options.contains!)));
  const rows = await query.orderBy('position').limit(options.limit + 1).execute();
  return rows.map((r) => ({ position: Number(r.position), entry: r.entry }));
}

export async function versionExists(db: Kysely<DB>, versionId: string): Promise<boolean> {
  return (await db.selectFrom('watchlist_versions').select('id').where('id', '=', versionId).executeTakeFirst()) !== undefined;
}
