import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, migrateToLatest, systemClock } from '@sarhad/server';
// The CLI reads the log; writing entries is the server's business, so the fixture reaches into its service.
import { appendAudit } from '../../server/src/services/audit-service.js';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sarhad-cli-audit-'));
// This suite checks the SQLite file in --data-dir; DATABASE_URL would point the command at PostgreSQL instead.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('SARHAD_')));

function sarhad(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
}

before(async () => {
  const database = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'sarhad.sqlite') });
  await migrateToLatest(database);
  for (let i = 1; i <= 5; i++) await appendAudit(database.db, systemClock, { actor: 'system', action: 'test.seed', details: { i } });
  await database.close();
});

after(() => rmSync(dataDir, { recursive: true, force: true }));

test('sarhad audit verify reports an intact chain and exits 0', () => {
  const run = sarhad('audit', 'verify', '--data-dir', dataDir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /audit chain intact: 5 entries; head #5 [0-9a-f]{64}/);
});

test('sarhad audit checkpoint prints JSON that verify --checkpoint accepts', () => {
  const run = sarhad('audit', 'checkpoint', '--data-dir', dataDir);
  assert.equal(run.status, 0, run.stderr);
  const checkpoint = JSON.parse(run.stdout) as { seq: number; hash: string };
  assert.equal(checkpoint.seq, 5);
  const file = join(dataDir, 'checkpoint.json');
  writeFileSync(file, run.stdout);
  assert.equal(sarhad('audit', 'verify', '--data-dir', dataDir, '--checkpoint', file).status, 0);
});

test('sarhad audit verify --json names the tampered entry and exits 2', () => {
  const raw = new BetterSqlite3(join(dataDir, 'sarhad.sqlite'));
  raw.exec('drop trigger audit_log_no_update');
  raw.exec("update audit_log set action = 'test.innocent' where seq = 3");
  raw.close();
  const run = sarhad('audit', 'verify', '--data-dir', dataDir, '--json');
  assert.equal(run.status, 2, run.stderr);
  const result = JSON.parse(run.stdout) as { ok: boolean; brokenAt: number; reason: string };
  assert.deepEqual([result.ok, result.brokenAt, result.reason], [false, 3, 'hash_mismatch']);
  assert.equal(sarhad('audit', 'checkpoint', '--data-dir', dataDir).status, 2);
});

test('sarhad audit verify without a database exits 1 and says where it looked', () => {
  const run = sarhad('audit', 'verify', '--data-dir', join(dataDir, 'missing'));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /STORAGE_MISSING: no Sarhad database at .*missing/);
});
