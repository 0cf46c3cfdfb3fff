/**
 * Migration 0005: enrolled fingerprints. One row per finger of a traveller, holding the minutiae template in
 * Sarhad's internal binary format (base64 text, so both dialects store it alike); capture images are never kept.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('fingerprints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('finger_position', 'integer', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('minutiae', 'integer', (c) => c.notNull())
    .addColumn('quality', 'integer', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_post_id', 'text', (c) => c.references('posts.id').onDelete('restrict'))
    .addUniqueConstraint('fingerprints_traveller_finger', ['traveller_id', 'finger_position'])
    .addCheckConstraint('fingerprints_position', sql`finger_position between 1 and 10`)
    .addCheckConstraint('fingerprints_quality', sql`quality between 0 and 100`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('fingerprints').execute();
}
