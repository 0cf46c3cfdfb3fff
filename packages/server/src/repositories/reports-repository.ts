/**
 * The analyst's flow report queries: crossings of one post in a time range, counted by local day, local hour,
 * nationality and document type, each split by direction. Every query is a GROUP BY over the (post, time) index,
 * so a range of months comes back as a few hundred small rows, never as the crossings themselves.
 *
 * Local time in SQL, the same on both dialects: the service splits the range into spans over which the post's UTC
 * offset is constant (a DST change starts a new span) and passes that offset in minutes; the query shifts the
 * stored UTC time by it and cuts the local date or hour out of the result. SQLite has no time zone database, so
 * PostgreSQL's AT TIME ZONE was not used either: one method, one set of results, testable on both.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** A post's time span [from, to) as stored timestamps, over which its UTC offset is `offsetMinutes`. */
export interface Span {
  readonly postId: string;
  readonly from: string;
  readonly to: string;
  readonly offsetMinutes: number;
}

/** One group of a flow: its key (a date, an hour, a nationality or a document type) and direction. */
export interface FlowCount {
  readonly key: string;
  readonly direction: string;
  readonly count: number;
}

/** Largest UTC offset there is is 14 h; the bound keeps the interpolated integer obviously harmless. */
const MAX_OFFSET_MINUTES = 14 * 60;

function checkedOffset(minutes: number): number {
  if (!Number.isInteger(minutes) || Math.abs(minutes) > MAX_OFFSET_MINUTES) throw new RangeError(`bad UTC offset ${minutes} min`);
  return minutes;
}

/** `YYYY-MM-DD` at the post for the crossing's recorded time. */
function localDay(dialect: DialectName, offsetMinutes: number): RawBuilder<string> {
  const offset = checkedOffset(offsetMinutes);
  return dialect === 'sqlite'
    ? sql<string>`strftime('%Y-%m-%d', c.recorded_at, ${sql.lit(`${offset >= 0 ? '+' : ''}${offset} minutes`)})`
    : sql<string>`to_char((c.recorded_at::timestamptz at time zone 'UTC') + make_interval(mins => ${sql.lit(offset)}), 'YYYY-MM-DD')`;
}

/** `00`..`23`: the hour at the post for the crossing's recorded time. */
function localHour(dialect: DialectName, offsetMinutes: number): RawBuilder<string> {
  const offset = checkedOffset(offsetMinutes);
  return dialect === 'sqlite'
    ? sql<string>`strftime('%H', c.recorded_at, ${sql.lit(`${offset >= 0 ? '+' : ''}${offset} minutes`)})`
    : sql<string>`to_char((c.recorded_at::timestamptz at time zone 'UTC') + make_interval(mins => ${sql.lit(offset)}), 'HH24')`;
}

/** What a crossing is counted under when nobody was identified, or no document was presented. */
export const UNKNOWN_KEY = 'unknown';
export const NO_DOCUMENT_KEY = 'none';

/** Counts the span's crossings grouped by `key` and direction; `join` adds the table the key reads, if any. */
async function countBy(db: Kysely<DB>, span: Span, key: RawBuilder<string>, join?: 'travellers' | 'documents'): Promise<FlowCount[]> {
  let query = db.selectFrom('crossings as c');
  if (join === 'travellers') query = query.leftJoin('travellers as t', 't.id', 'c.traveller_id');
  if (join === 'documents') query = query.leftJoin('documents as d', 'd.id', 'c.document_id');
  const rows = await query
    .select([key.as('key'), 'c.direction', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('c.post_id', '=', span.postId)
    .where('c.recorded_at', '>=', span.from)
    .where('c.recorded_at', '<', span.to)
    .groupBy([key, 'c.direction'])
    .execute();
  return rows.map((r) => ({ key: r.key, direction: r.direction, count: Number(r.count) }));
}

export function countByLocalDay(db: Kysely<DB>, dialect: DialectName, span: Span): Promise<FlowCount[]> {
  return countBy(db, span, localDay(dialect, span.offsetMinutes));
}

export function countByLocalHour(db: Kysely<DB>, dialect: DialectName, span: Span): Promise<FlowCount[]> {
  return countBy(db, span, localHour(dialect, span.offsetMinutes));
}

/** By the identified traveller's nationality (`unknown` for a crossing of nobody identified). */
export function countByNationality(db: Kysely<DB>, span: Span): Promise<FlowCount[]> {
  return countBy(db, span, sql<string>`coalesce(t.nationality, ${sql.lit(UNKNOWN_KEY)})`, 'travellers');
}

/** By the type of the document presented (`none` when none was matched to a record). */
export function countByDocumentType(db: Kysely<DB>, span: Span): Promise<FlowCount[]> {
  return countBy(db, span, sql<string>`coalesce(d.type, ${sql.lit(NO_DOCUMENT_KEY)})`, 'documents');
}
