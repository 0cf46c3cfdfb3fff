import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describeEachDialect } from './helpers/databases.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { verifyAuditChain } from '../src/services/audit-service.js';

const child = fileURLToPath(new URL('./helpers/append-until-killed.ts', import.meta.url));
const ACKNOWLEDGED = 40; // entries the child reports committed before it is killed

describeEachDialect('durability settings', (context) => {
  test('every commit is flushed to disk before it returns', async () => {
    const db = context.database.db;
    if (context.dialect === 'sqlite') {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
      assert.equal(journal.rows[0]?.journal_mode, 'wal');
      assert.equal(synchronous.rows[0]?.synchronous, 2, 'synchronous = FULL');
    } else {
      const setting = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db);
      assert.equal(setting.rows[0]?.synchronous_commit, 'on');
    }
  });
});

test('every audit entry acknowledged before kill -9 is still there, and the chain verifies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sarhad-durability-'));
  const file = join(dir, 'sarhad.sqlite');
  const created = await openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(created);
  await created.close();
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let acknowledged = 0;
  let stderr = '';
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
      if (acknowledged >= ACKNOWLEDGED) {
        process_.kill('SIGKILL');
        resolve();
      }
    });
    process_.on('exit', (code) => (acknowledged >= ACKNOWLEDGED ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
  await new Promise((resolve) => (process_.exitCode !== null || process_.signalCode !== null ? resolve(null) : process_.once('exit', resolve)));
  const reopened = await openDatabase({ kind: 'sqlite', file }, { mustExist: true });
  try {
    const result = await verifyAuditChain(reopened.db);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.ok(result.entries >= acknowledged, `${result.entries} entries survived, ${acknowledged} were acknowledged`);
  } finally {
    await reopened.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
