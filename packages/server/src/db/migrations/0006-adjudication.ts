/**
 * Migration 0006: adjudication cases. An enrolment whose fingers match someone already enrolled is held here,
 * not created and never merged, until a supervisor decides: the same person (nothing is created) or different
 * people (the enrolment goes ahead).
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('adjudication_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('restrict'))
    .addColumn('traveller_id', 'text', (c) => c.references('travellers.id').onDelete('cascade'))
    .addColumn('pending', 'text', (c) => c.notNull())
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('same_as_traveller_id', 'text', (c) => c.references('travellers.id').onDelete('set null'))
    .addColumn('result_traveller_id', 'text', (c) => c.references('travellers.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addCheckConstraint('adjudication_cases_status', sql`status in ('open', 'resolved')`)
    .addCheckConstraint('adjudication_cases_decision', sql`decision is null or decision in ('same_person', 'different_people')`)
    .execute();
  await db.schema.createIndex('adjudication_cases_status_post').on('adjudication_cases').columns(['status', 'post_id', 'created_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('adjudication_cases').execute();
}
