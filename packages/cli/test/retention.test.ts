import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, migrateToLatest, type Clock } from '@sarhad/server';
// Writing entries is the server's business, so the fixture reaches into its service.
import { appendAudit } from '../../server/src/services/audit-service.js';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'sarhad-cli-retention-'));
const dataDir = join(home, 'post');
// This suite purges the SQLite file in --data-dir; DATABASE_URL would point the command at PostgreSQL instead.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('SARHAD_'))),
  SARHAD_RETENTION_AUDIT_DAYS: '365',
  SARHAD_SERVER_ID: 'TKM',
};

function sarhad(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
}

const at = (iso: string): Clock => ({ now: () => new Date(iso) });

before(async () => {
  const database = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'sarhad.sqlite') });
  await migrateToLatest(database);
  // Six entries from two years ago, then three from today.
  for (let i = 0; i < 6; i++) await appendAudit(database.db, at(new Date(Date.now() - 730 * 86_400_000).toISOString()), { actor: 'system', action: 'test.old', details: { i } });
  for (let i = 0; i < 3; i++) await appendAudit(database.db, at(new Date().toISOString()), { actor: 'system', action: 'test.new', details: { i } });
  await database.close();
});

after(() => rmSync(home, { recursive: true, force: true }));

test('sarhad retention purge --dry-run reports what would go and changes nothing', () => {
  const run = sarhad('retention', 'purge', '--dry-run', '--json', '--data-dir', dataDir);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { dryRun: boolean; deleted: { auditEntries: number }; auditSeq: number | null };
  assert.deepEqual([report.dryRun, report.deleted.auditEntries, report.auditSeq], [true, 6, null]);
  const verify = sarhad('audit', 'verify', '--data-dir', dataDir);
  assert.match(verify.stdout, /audit chain intact: 9 entries; head #9/);
});

test('sarhad retention purge deletes the old audit prefix behind a signed anchor that verify starts from', () => {
  const run = sarhad('retention', 'purge', '--data-dir', dataDir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /audit log \(before .+\): deleted 6 entries; signed anchor #6 [0-9a-f]{64}/);
  assert.match(run.stdout, /recorded as audit entry #10/);
  const verify = sarhad('audit', 'verify', '--data-dir', dataDir);
  assert.equal(verify.status, 0, verify.stderr);
  assert.match(verify.stdout, /audit chain intact: 4 entries after the signed retention anchor #6; head #10/);
});

test('an auditor verifies the purged log with the public key alone, and a key that did not sign the anchor fails it', () => {
  const publicKey = join(home, 'tkm.pub.pem');
  writeFileSync(publicKey, sarhad('audit', 'public-key', '--data-dir', dataDir).stdout);
  const checkpoint = join(home, 'checkpoint.json');
  writeFileSync(checkpoint, sarhad('audit', 'checkpoint', '--sign', '--data-dir', dataDir).stdout);
  const ok = sarhad('audit', 'verify', '--data-dir', dataDir, '--checkpoint', checkpoint, '--public-key', publicKey);
  assert.equal(ok.status, 0, ok.stderr);

  // Another post's key (created beside its own database) did not sign this log's anchor.
  assert.equal(sarhad('db', 'migrate', '--data-dir', join(home, 'other')).status, 0);
  assert.equal(sarhad('audit', 'public-key', '--data-dir', join(home, 'other')).status, 0);
  const wrong = spawnSync(process.execPath, [bin, 'audit', 'verify', '--data-dir', dataDir, '--json'], {
    encoding: 'utf8',
    env: { ...env, SARHAD_AUDIT_KEY_FILE: join(home, 'other', 'audit-signing-key.pem') },
  });
  assert.equal(wrong.status, 2, wrong.stderr);
  assert.equal((JSON.parse(wrong.stdout) as { reason: string }).reason, 'anchor_invalid');
});
