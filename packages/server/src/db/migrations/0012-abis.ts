/**
 * Migration 0012: the MOSIP ABIS interface's own population and credentials, kept apart from travellers (ABIS sees
 * no personal data: reference ids and fingers only; docs/ABIS.md in the shared docs, README "ABIS interface").
 *
 * - `abis_clients`: identity platforms allowed to call `/abis/...`, each with an API key of which only the SHA-256
 *   is stored (as device keys).
 * - `abis_references`: one row per referenceId an INSERT stored.
 * - `abis_fingers`: the reference's fingers as Sarhad templates (base64), one per position; deleted with the
 *   reference. Loaded in `id` order into the ABIS gallery.
 * - `abis_requests`: the answer to every INSERT and DELETE that succeeded, under its requestId, so a request sent
 *   twice (MOSIP re-sends what it did not see answered) is answered again instead of applied twice.
 */
import { sql, type Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's DB interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('abis_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .execute();

  await db.schema
    .createTable('abis_references')
    .addColumn('reference_id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('abis_fingers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference_id', 'text', (c) => c.notNull().references('abis_references.reference_id').onDelete('cascade'))
    .addColumn('finger_position', 'integer', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('minutiae', 'integer', (c) => c.notNull())
    .addColumn('quality', 'integer', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addUniqueConstraint('abis_fingers_reference_finger', ['reference_id', 'finger_position'])
    .addCheckConstraint('abis_fingers_position', sql`finger_position between 1 and 10`)
    .addCheckConstraint('abis_fingers_quality', sql`quality between 0 and 100`)
    .execute();

  await db.schema
    .createTable('abis_requests')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('abis_requests').execute();
  await db.schema.dropTable('abis_fingers').execute();
  await db.schema.dropTable('abis_references').execute();
  await db.schema.dropTable('abis_clients').execute();
}
