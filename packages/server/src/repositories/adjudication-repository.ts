/** Storage of adjudication cases (possible duplicate enrolments). */
import type { Kysely, Selectable } from 'kysely';
import type { AdjudicationCasesTable, DB } from '../db/schema.js';
import { afterKeyset } from './keyset.js';

export type AdjudicationRow = Selectable<AdjudicationCasesTable>;
export type AdjudicationWithPost = AdjudicationRow & { post_code: string };

export async function insertCase(db: Kysely<DB>, row: AdjudicationRow): Promise<void> {
  await db.insertInto('adjudication_cases').values(row).execute();
}

function withPost(db: Kysely<DB>) {
  return db.selectFrom('adjudication_cases').innerJoin('posts', 'posts.id', 'adjudication_cases.post_id').selectAll('adjudication_cases').select('posts.code as post_code');
}

export async function findCase(db: Kysely<DB>, id: string): Promise<AdjudicationWithPost | undefined> {
  return withPost(db).where('adjudication_cases.id', '=', id).executeTakeFirst();
}

/**
 * Cases with this status at these posts (all posts when `postIds` is undefined), oldest first: `limit` rows after
 * the keyset (created_at, id) `after` when given.
 */
export async function listCases(
  db: Kysely<DB>,
  status: string,
  postIds: readonly string[] | undefined,
  limit: number,
  after?: { readonly key: string | number; readonly id: string },
): Promise<AdjudicationWithPost[]> {
  if (postIds && postIds.length === 0) return [];
  let query = withPost(db).where('adjudication_cases.status', '=', status);
  if (postIds) query = query.where('adjudication_cases.post_id', 'in', postIds);
  if (after) query = query.where((eb) => afterKeyset(eb, 'adjudication_cases.created_at', 'adjudication_cases.id', after));
  return query.orderBy('adjudication_cases.created_at').orderBy('adjudication_cases.id').limit(limit).execute();
}

/** Records the decision on an open case; false when it was no longer open (decided concurrently). */
export async function resolveCase(
  db: Kysely<DB>,
  id: string,
  decision: Pick<AdjudicationRow, 'decision' | 'same_as_traveller_id' | 'result_traveller_id' | 'reason' | 'decided_at' | 'decided_by' | 'pending'>,
): Promise<boolean> {
  const result = await db
    .updateTable('adjudication_cases')
    .set({ ...decision, status: 'resolved' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
