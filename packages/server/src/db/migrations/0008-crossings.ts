/**
 * Migration 0008: crossings. One row per traveller presented at a lane: what was presented, what the system found
 * (identity, fingerprint comparison, document validity, watchlist hits), its recommendation, and the response as
 * sent, so a retried submission (same idempotency key at the same post) gets the same answer and is never recorded
 * twice.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('crossings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('restrict'))
    .addColumn('lane_id', 'text', (c) => c.notNull().references('lanes.id').onDelete('restrict'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('traveller_id', 'text', (c) => c.references('travellers.id').onDelete('set null'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('identity_method', 'text', (c) => c.notNull())
    .addColumn('biometric_outcome', 'text', (c) => c.notNull())
    .addColumn('biometric_score', 'double precision')
    .addColumn('recommendation', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('crossings_post_idempotency', ['post_id', 'idempotency_key'])
    .addCheckConstraint('crossings_direction', sql`direction in ('in', 'out')`)
    .addCheckConstraint('crossings_recommendation', sql`recommendation in ('clear', 'secondary', 'alert')`)
    .execute();
  await db.schema.createIndex('crossings_traveller_time').on('crossings').columns(['traveller_id', 'recorded_at']).execute();
  await db.schema.createIndex('crossings_post_time').on('crossings').columns(['post_id', 'recorded_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('crossings').execute();
}
