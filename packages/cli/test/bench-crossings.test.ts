import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchCrossings } from '../src/commands/bench-crossings.js';

test('bench crossings drives verified, screened crossings through a real server and counts every answer', async () => {
  const report = await benchCrossings({ lanes: 3, travellers: 4, crossings: 24, watchlist: 20, warmup: 3 });
  assert.equal(report.crossings, 24);
  assert.equal(report.errors, 0);
  assert.deepEqual(report.verification, { verified: 24 });
  assert.deepEqual(report.recommendations, { clear: 24 });
  assert.ok(report.throughputPerSecond > 0);
  assert.ok(report.p50Ms > 0 && report.p50Ms <= report.p95Ms && report.p95Ms <= report.p99Ms);
  assert.match(report.database, /SQLite|PostgreSQL/);
});

test('bench crossings at a set rate starts crossings on schedule and reports that rate', async () => {
  const report = await benchCrossings({ lanes: 2, travellers: 2, crossings: 10, watchlist: 5, warmup: 0, rate: 50 });
  assert.equal(report.crossings, 10);
  assert.equal(report.rate, 50);
  assert.ok(report.throughputPerSecond <= 60, `open loop at 50/s measured ${report.throughputPerSecond}/s`);
});
