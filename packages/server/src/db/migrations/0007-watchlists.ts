/**
 * Migration 0007: watchlist versions. Every import of a list (UN consolidated, OFAC SDN, national stop list) is kept
 * as a version with its entries, so the next import can report what changed and screening always uses the latest
 * version of each source.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('watchlist_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('generated_on', 'text')
    .addColumn('entry_count', 'integer', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('watchlist_versions_source').on('watchlist_versions').columns(['source', 'seq']).execute();
  await db.schema
    .createTable('watchlist_entries')
    .addColumn('version_id', 'text', (c) => c.notNull().references('watchlist_versions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('watchlist_entries_pk', ['version_id', 'position'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('watchlist_entries').execute();
  await db.schema.dropTable('watchlist_versions').execute();
}
