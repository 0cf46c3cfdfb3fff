import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@sarhad/server';
// Signing in with the printed password goes through the server's real login route, built in-process.
import { buildTestApp, login } from '../../server/test/helpers/app.js';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'sarhad-cli-admin-'));
const dataDir = join(home, 'data');
// These tests use the SQLite file in --data-dir unless a test sets DATABASE_URL itself.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('SARHAD_')));
after(() => rmSync(home, { recursive: true, force: true }));

function sarhad(args: string[], extraEnv: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...env, ...extraEnv } });
}

test('sarhad db migrate creates the database, applies every migration and lists them', () => {
  const run = sarhad(['db', 'migrate', '--data-dir', dataDir]);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(existsSync(join(dataDir, 'sarhad.sqlite')));
  assert.match(run.stdout, /^Database: SQLite .*sarhad\.sqlite$/m);
  assert.match(run.stdout, /0001-audit-log +applied now/);
  assert.match(run.stdout, /0010-audit-anchor +applied now/);
  assert.match(run.stdout, /(\d+) applied now\./);
});

test('a second sarhad db migrate applies nothing and lists when each was applied', () => {
  const run = sarhad(['db', 'migrate', '--data-dir', dataDir, '--json']);
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { applied: string[]; migrations: { name: string; appliedAt: string | null }[] };
  assert.deepEqual(result.applied, []);
  assert.ok(result.migrations.length >= 10);
  assert.ok(result.migrations.every((m) => m.appliedAt !== null && !Number.isNaN(Date.parse(m.appliedAt))));
});

test('sarhad admin create prints a one-time password that signs the new administrator in', async () => {
  const run = sarhad(['admin', 'create', '--username', 'HQ.Admin', '--role', 'admin', '--role', 'auditor', '--all-posts', '--data-dir', dataDir]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Created hq\.admin \(admin, auditor; all posts\)\.$/m);
  const password = /One-time password \(shown only now; change it after signing in\): (\S+)/.exec(run.stdout)?.[1];
  assert.ok(password && password.length >= 24, run.stdout);

  const database = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'sarhad.sqlite') }, { mustExist: true });
  try {
    const app = buildTestApp(database);
    assert.match(await login(app, 'hq.admin', password), /^sarhad_st_/);
    const created = await database.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', 'user.created').execute();
    assert.deepEqual(created.map((e) => e.actor), ['system']);
    assert.doesNotMatch(created[0]!.details, new RegExp(password));
    await app.app.close();
  } finally {
    await database.close();
  }
});

test('sarhad admin create refuses a taken username, an unknown post, an unknown role and a missing scope', () => {
  const taken = sarhad(['admin', 'create', '--username', 'hq.admin', '--role', 'admin', '--all-posts', '--data-dir', dataDir]);
  assert.equal(taken.status, 1);
  assert.match(taken.stderr, /USERNAME_TAKEN/);
  const post = sarhad(['admin', 'create', '--username', 'tkm.officer', '--role', 'officer', '--post', 'TKM', '--data-dir', dataDir]);
  assert.equal(post.status, 1);
  assert.match(post.stderr, /POST_NOT_FOUND: no post with code TKM/);
  const role = sarhad(['admin', 'create', '--username', 'x.user', '--role', 'janitor', '--all-posts', '--data-dir', dataDir]);
  assert.equal(role.status, 1);
  assert.match(role.stderr, /VALIDATION_FAILED: cannot create user x\.user: roles\.0/);
  const scope = sarhad(['admin', 'create', '--username', 'x.user', '--role', 'officer', '--data-dir', dataDir]);
  assert.equal(scope.status, 1);
  assert.match(scope.stderr, /CLI_INVALID_OPTION: give --post <code> \(one or more\) or --all-posts/);
  const missing = sarhad(['admin', 'create', '--username', 'x.user', '--role', 'officer', '--all-posts', '--data-dir', join(home, 'none')]);
  assert.match(missing.stderr, /STORAGE_MISSING/);
});

test('sarhad db migrate migrates a PostgreSQL schema named by SARHAD_DB_SCHEMA', { skip: process.env.DATABASE_URL ? false : 'DATABASE_URL is not set' }, async () => {
  const url = process.env.DATABASE_URL!;
  const schema = `test_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const run = sarhad(['db', 'migrate', '--json'], { DATABASE_URL: url, SARHAD_DB_SCHEMA: schema });
  const database = await openDatabase({ kind: 'postgres', url, schema });
  try {
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { database: string; applied: string[] };
    assert.match(result.database, new RegExp(`schema ${schema}`));
    assert.ok(result.applied.includes('0001-audit-log'));
  } finally {
    await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await database.close();
  }
});
