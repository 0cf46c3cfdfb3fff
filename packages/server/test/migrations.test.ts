import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, NO_MIGRATIONS } from 'kysely';
import { describeEachDialect } from './helpers/databases.js';
import { MIGRATIONS } from '../src/db/migrations/index.js';
import { migrateToLatest } from '../src/db/migrate.js';

const OUR_TABLES = [
  'abis_clients', 'abis_fingers', 'abis_references', 'abis_requests',
  'adjudication_cases', 'audit_anchor', 'audit_head', 'audit_log', 'crossing_decisions', 'crossings', 'demo_state', 'demo_travellers', 'devices', 'documents', 'fingerprints', 'lanes', 'login_throttle', 'posts', 'retention_runs', 'retention_settings', 'sessions', 'setup_tokens',
  'travellers', 'user_posts', 'user_roles', 'users', 'watchlist_entries', 'watchlist_suppressions', 'watchlist_versions',
];

describeEachDialect('migrations', (context) => {
  const migrator = () =>
    new Migrator({
      db: context.database.db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      ...(context.database.schema ? { migrationTableSchema: context.database.schema } : {}),
    });
  const tables = async () =>
    (await context.database.db.introspection.getTables())
      .filter((t) => !context.database.schema || t.schema === context.database.schema)
      .map((t) => t.name)
      .filter((n) => !n.startsWith('kysely_'))
      .sort();

  test('the latest schema has every table', async () => {
    assert.deepEqual(await tables(), OUR_TABLES);
  });

  test('every migration can be undone, leaving no table behind', async () => {
    const { error } = await migrator().migrateTo(NO_MIGRATIONS);
    assert.equal(error, undefined);
    assert.deepEqual(await tables(), []);
  });

  test('migrating up again applies every migration in order', async () => {
    assert.deepEqual(await migrateToLatest(context.database), Object.keys(MIGRATIONS));
    assert.deepEqual(await tables(), OUR_TABLES);
  });
});
