/**
 * Migration 0013: recorded decisions that a traveller is not a given watchlist entry (a known false alert). A
 * supervisor records one from an alert at a crossing; from then on that pair no longer alerts, for as long as the
 * entry's content (its content hash when the decision was made) stays the same: a new list version that changes
 * the entry brings the alert back. Also an index for the supervisor dashboard's queue of open alerts.
 */
import type { Kysely } from 'kysely';

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
  // The dashboard reads a post's crossings of one day by lane and recommendation; (post_id, recorded_at) from 0008
  // and (post_id, status, recorded_at) from 0009 serve the range and the queues, this one the open alerts.
  await db.schema.createIndex('crossings_post_recommendation_status').on('crossings').columns(['post_id', 'recommendation', 'status']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('crossings_post_recommendation_status').execute();
  await db.schema.dropTable('watchlist_suppressions').execute();
}
