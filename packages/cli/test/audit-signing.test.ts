import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, migrateToLatest, systemClock } from '@sarhad/server';
// The CLI reads the log; writing entries is the server's business, so the fixture reaches into its service.
import { appendAudit } from '../../server/src/services/audit-service.js';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'sarhad-cli-signing-'));
const dataDir = join(home, 'post');
// This suite checks the SQLite file in --data-dir; DATABASE_URL would point the command at PostgreSQL instead.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('SARHAD_'))),
  SARHAD_SERVER_ID: 'TKM',
};

function sarhad(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
}

before(async () => {
  const database = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'sarhad.sqlite') });
  await migrateToLatest(database);
  for (let i = 1; i <= 4; i++) await appendAudit(database.db, systemClock, { actor: 'system', action: 'test.seed', details: { i } });
  await database.close();
});

after(() => rmSync(home, { recursive: true, force: true }));

const publicKeyFile = join(home, 'tkm.pub.pem');
const checkpointFile = join(home, 'checkpoint.json');

test('sarhad audit checkpoint --sign prints a checkpoint signed by the key it creates in the data directory', () => {
  const run = sarhad('audit', 'checkpoint', '--sign', '--data-dir', dataDir);
  assert.equal(run.status, 0, run.stderr);
  const checkpoint = JSON.parse(run.stdout) as { seq: number; server: string; signature: string };
  assert.deepEqual([checkpoint.seq, checkpoint.server], [4, 'TKM']);
  assert.equal(statSync(join(dataDir, 'audit-signing-key.pem')).mode & 0o777, 0o600);
  writeFileSync(checkpointFile, run.stdout);
});

test('sarhad audit public-key prints the PEM an auditor verifies the checkpoint with', () => {
  const run = sarhad('audit', 'public-key', '--data-dir', dataDir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
  writeFileSync(publicKeyFile, run.stdout);
  const verify = sarhad('audit', 'verify', '--data-dir', dataDir, '--checkpoint', checkpointFile, '--public-key', publicKeyFile);
  assert.equal(verify.status, 0, verify.stderr);
  assert.match(verify.stdout, /audit chain intact: 4 entries/);
});

test('sarhad audit verify refuses an altered checkpoint with AUDIT_SIGNATURE_INVALID and exits 1', () => {
  const signed = JSON.parse(sarhad('audit', 'checkpoint', '--sign', '--data-dir', dataDir).stdout) as Record<string, unknown>;
  const altered = join(home, 'altered.json');
  writeFileSync(altered, JSON.stringify({ ...signed, seq: 3 }));
  const run = sarhad('audit', 'verify', '--data-dir', dataDir, '--checkpoint', altered, '--public-key', publicKeyFile);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /AUDIT_SIGNATURE_INVALID: checkpoint #3 refused/);
  const unsigned = join(home, 'unsigned.json');
  writeFileSync(unsigned, sarhad('audit', 'checkpoint', '--data-dir', dataDir).stdout);
  const refused = sarhad('audit', 'verify', '--data-dir', dataDir, '--checkpoint', unsigned, '--public-key', publicKeyFile);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /AUDIT_CHECKPOINT_UNSIGNED/);
});

test('a genuinely signed checkpoint no longer in the chain fails verification with exit 2', () => {
  const raw = new BetterSqlite3(join(dataDir, 'sarhad.sqlite'));
  raw.exec('drop trigger audit_log_no_delete');
  raw.exec('delete from audit_log where seq = 4');
  raw.exec("update audit_head set seq = 3, hash = (select hash from audit_log where seq = 3)");
  raw.close();
  const run = sarhad('audit', 'verify', '--data-dir', dataDir, '--checkpoint', checkpointFile, '--public-key', publicKeyFile, '--json');
  assert.equal(run.status, 2, run.stderr);
  const result = JSON.parse(run.stdout) as { reason: string };
  assert.equal(result.reason, 'checkpoint_mismatch');
  const head = spawnSync(process.execPath, [bin, 'audit', 'verify', '--data-dir', dataDir, '--json'], { encoding: 'utf8', env });
  assert.equal(head.status, 0, 'the shortened chain is consistent in itself: only the kept checkpoint shows the loss');
});

test('sarhad audit checkpoint --sign refuses a broken chain with exit 2, and public-key needs a database', () => {
  const tampered = new BetterSqlite3(join(dataDir, 'sarhad.sqlite'));
  tampered.exec('drop trigger if exists audit_log_no_update');
  tampered.exec("update audit_log set actor = 'user:intruder' where seq = 2");
  tampered.close();
  const run = sarhad('audit', 'checkpoint', '--sign', '--data-dir', dataDir);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /no checkpoint: audit chain BROKEN at entry #2 \(hash_mismatch\)/);
  const missing = sarhad('audit', 'public-key', '--data-dir', join(home, 'nowhere'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /STORAGE_MISSING/);
});
