/**
 * Migration 0013: recorded decisions that a traveller is not a given watchlist entry (a known false alert). A
 * supervisor records one from an alert at a crossing; from then on that pair no longer alerts, for as long as the
 * entry's content (its content hash when the decision was made) stays the same: a new list version that changes
 * the entry brings the alert back. Also an index for the supervisor dashboard's queue of open alerts.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('watchlist_suppressions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addColumn('primary_name', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('restrict'))
    .addColumn('crossing_id', 'text', (c) => c.references('crossings.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    // One decision per traveller and version of an entry; the leading column serves the per-crossing lookup.
    .addUniqueConstraint('watchlist_suppressions_pair', ['traveller_id', 'source', 'entry_id', 'entry_hash'])
    .execute();
  // The supervisor dashboard's processing time (recording to first decision) is kept on the crossing when it is
  // first decided, so a day's median is a GROUP BY over one index instead of a join with date arithmetic per row.
  // Crossings decided before this migration get it from their first decision.
  await db.schema.alterTable('crossings').addColumn('processing_ms', 'bigint').execute();
  const elapsedMs =
    dialectOf(db) === 'postgres'
      ? sql`round(extract(epoch from (cast(d.decided_at as timestamptz) - cast(crossings.recorded_at as timestamptz))) * 1000)`
      : sql`round((julianday(d.decided_at) - julianday(crossings.recorded_at)) * 86400000)`;
  await sql`update crossings set processing_ms = (select ${elapsedMs} from crossing_decisions d where d.crossing_id = crossings.id and d.position = 1)
    where exists (select 1 from crossing_decisions d where d.crossing_id = crossings.id)`.execute(db);
  // The dashboard reads a post's crossings of one day grouped by lane, recommendation, status and processing time:
  // with those columns in the index the reads never touch the table rows (a day of 50,000 crossings: measured by
  // scripts/bench-dashboard.ts). It replaces 0008's (post_id, recorded_at), a prefix of it, so a crossing insert
  // still maintains one index for this.
  await db.schema.dropIndex('crossings_post_time').execute();
  await db.schema.createIndex('crossings_post_day').on('crossings').columns(['post_id', 'recorded_at', 'lane_id', 'recommendation', 'status', 'processing_ms']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('crossings_post_day').execute();
  await db.schema.createIndex('crossings_post_time').on('crossings').columns(['post_id', 'recorded_at']).execute();
  await db.schema.alterTable('crossings').dropColumn('processing_ms').execute();
  await db.schema.dropTable('watchlist_suppressions').execute();
}
