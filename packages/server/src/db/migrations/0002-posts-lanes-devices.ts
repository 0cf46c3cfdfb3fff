/**
 * Migration 0002: border posts, their lanes (counters), and devices bound to a lane by an API key. Only a SHA-256
 * hash of each key is stored; `key_prefix` (the first characters) lets an administrator tell keys apart.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('posts_side', sql`side in ('PK', 'AF')`)
    .execute();

  await db.schema
    .createTable('lanes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('restrict'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lanes_post_code', ['post_id', 'code'])
    .addCheckConstraint('lanes_direction', sql`direction in ('entry', 'exit', 'both')`)
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('restrict'))
    .addColumn('lane_id', 'text', (c) => c.notNull().references('lanes.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .execute();
  await db.schema.createIndex('devices_post').on('devices').column('post_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('devices').execute();
  await db.schema.dropTable('lanes').execute();
  await db.schema.dropTable('posts').execute();
}
