/**
 * The keyset condition of paginated lists (services/pagination.ts): rows strictly after the cursor's (sort key, id)
 * in the list's order. Written once so that every list pages the same way on SQLite and PostgreSQL (row-value
 * comparison `(a, b) > (x, y)` exists on both, but the expanded form below also uses a plain index on (a, b)).
 */
import type { Expression, ExpressionBuilder, ReferenceExpression, SqlBool } from 'kysely';

/** `key > k OR (key = k AND id > i)` (ascending), or with `<` (descending). */
export function afterKeyset<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  key: ReferenceExpression<DB, TB>,
  id: ReferenceExpression<DB, TB>,
  cursor: { readonly key: string | number; readonly id: string },
  order: 'asc' | 'desc' = 'asc',
): Expression<SqlBool> {
  const op = order === 'asc' ? '>' : '<';
  return eb.or([eb(key, op, cursor.key as never), eb.and([eb(key, '=', cursor.key as never), eb(id, op, cursor.id as never)])]);
}
