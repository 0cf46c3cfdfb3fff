import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sarhad/server';
import { startBenchServer, stopBenchServer, type BenchServer } from '../src/commands/bench-crossings.js';
import { simulate } from '../src/commands/simulate.js';

const PASSWORD = 'simulation test administrator';
let dataDir: string;
let server: BenchServer;

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sarhad-simulate-'));
  server = await startBenchServer(dataDir);
  await call('POST', '/api/setup', { token: server.setupToken, username: 'root.admin', displayName: 'Root', password: PASSWORD, demo: { seed: 5, travellers: 80 } });
  const { token } = await call<{ token: string }>('POST', '/api/auth/login', { username: 'root.admin', password: PASSWORD });
  for (let i = 0; i < 1200; i++) {
    const status = await call<{ status: string; error: string | null }>('GET', '/api/demo/status', undefined, token);
    if (status.status === 'loaded') return;
    assert.notEqual(status.status, 'failed', status.error ?? '');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the demo did not load in 5 minutes');
});

after(async () => {
  await stopBenchServer(server);
  rmSync(dataDir, { recursive: true, force: true });
});

test('a short simulated run drives lanes and officers, and its counts agree with the dashboard and the database', async () => {
  const startedAt = new Date().toISOString();
  const report = await simulate({
    url: server.url,
    post: 'TKM',
    perDay: 1000,
    speedup: 600,
    duration: 4,
    startHour: 10,
    username: 'root.admin',
    password: PASSWORD,
    seed: 3,
    reportEvery: 60,
  });
  assert.equal(report.errors, 0, JSON.stringify(report.errorCodes));
  assert.ok(report.arrivals >= 20, `${report.arrivals} arrivals`);
  // Everyone who arrived was answered, or was still waiting in line when the run ended.
  assert.equal(report.crossings + report.leftInLine, report.arrivals);
  assert.ok(report.crossings >= 10, `${report.crossings} crossings`);
  assert.ok(report.dashboard?.agrees, JSON.stringify(report.dashboard));

  const database = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'sarhad.sqlite') });
  try {
    const rows = await database.db
      .selectFrom('crossings')
      .innerJoin('posts', 'posts.id', 'crossings.post_id')
      .select(['crossings.id', 'crossings.recommendation', 'crossings.status'])
      .where('posts.code', '=', 'TKM')
      .where('crossings.recorded_at', '>=', startedAt)
      .execute();
    assert.equal(rows.length, report.crossings);
    const byRecommendation: Record<string, number> = {};
    for (const row of rows) byRecommendation[row.recommendation] = (byRecommendation[row.recommendation] ?? 0) + 1;
    assert.deepEqual(byRecommendation, report.byRecommendation);
    const decisions = await database.db
      .selectFrom('crossing_decisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('crossing_id', 'in', rows.map((r) => r.id))
      .executeTakeFirstOrThrow();
    assert.equal(Number(decisions.n), report.decisions);
    // Every crossing was decided to the end: nothing is left waiting at a counter or in secondary.
    assert.ok(rows.every((r) => ['cleared', 'refused'].includes(r.status)), JSON.stringify(rows.map((r) => r.status)));
    const finals = Object.values(report.byFinalStatus).reduce((a, b) => a + b, 0);
    assert.equal(finals, report.crossings);
  } finally {
    await database.close();
  }
});
