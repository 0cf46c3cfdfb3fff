/**
 * Migration 0004: travellers (names in Latin and original script, partial birth date, sex, nationality) and their
 * identity and travel documents. Names and numbers are personal data: the audit log refers to travellers and
 * documents by id only, so erasing a traveller under a retention rule leaves no copy in the append-only log.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('travellers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('surname_latin', 'text', (c) => c.notNull())
    .addColumn('given_names_latin', 'text', (c) => c.notNull())
    .addColumn('surname_original', 'text')
    .addColumn('given_names_original', 'text')
    .addColumn('original_script', 'text')
    .addColumn('father_name_latin', 'text')
    .addColumn('father_name_original', 'text')
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_post_id', 'text', (c) => c.references('posts.id').onDelete('restrict'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('travellers_name_birth').on('travellers').columns(['surname_latin', 'birth_date']).execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('traveller_id', 'text', (c) => c.notNull().references('travellers.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issuing_country', 'text', (c) => c.notNull())
    .addColumn('issuing_post_id', 'text', (c) => c.references('posts.id').onDelete('restrict'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('mrz', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('documents_type_issuer_number', ['type', 'issuing_country', 'number'])
    .execute();
  await db.schema.createIndex('documents_traveller').on('documents').column('traveller_id').execute();
  await db.schema.createIndex('documents_number').on('documents').column('number').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('documents').execute();
  await db.schema.dropTable('travellers').execute();
}
