import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRidgeSet } from './ridge-image.js';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
let root: string;
let set: string;

/** Runs the CLI with `env` changes (undefined deletes) in `cwd` (a fresh directory unless given). */
function sarhad(env: Record<string, string | undefined>, ...args: string[]) {
  return sarhadIn(join(root, 'empty'), env, ...args);
}

function sarhadIn(cwd: string, env: Record<string, string | undefined>, ...args: string[]) {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: childEnv, cwd });
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'sarhad-bench-engine-'));
  set = join(root, 'bench', 'DB1_B');
  mkdirSync(set, { recursive: true });
  await writeRidgeSet(set, [1, 2], [1, 2]);
  // An empty working directory, so the default FVC locations (data/fvc/..., ../shared/data/fvc/...) are absent.
  mkdirSync(join(root, 'empty'));
});
after(() => rmSync(root, { recursive: true, force: true }));

test('bench engine --json reports extraction times and comparisons per second for a set', () => {
  const run = sarhad({}, 'bench', 'engine', '--dir', set, '--dpi', '500', '--runs', '3', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.images, 4);
  assert.equal(result.dpi, 500);
  assert.ok(result.extractMsMedian > 0 && result.extractMsP95 >= result.extractMsMedian);
  // Every unordered pair of the 4 images whose extraction worked is timed, 3 times.
  const made = 4 - result.failedExtractions;
  assert.equal(result.comparisons, (made * (made - 1)) / 2);
  assert.equal(result.comparisonRuns.length, result.comparisons > 0 ? 3 : 0);
  assert.ok(result.comparisonsPerSecond > 0);
});

test('bench engine takes its directory from SARHAD_BENCH_DIR and prints text by default', () => {
  const run = sarhad({ SARHAD_BENCH_DIR: set }, 'bench', 'engine', '--dpi', '500', '--runs', '1');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^sarhad bench engine: bench\/DB1_B \(4 images at 500 dpi/);
  assert.match(run.stdout, /comparison\s+\d+ per second on one core/);
});

test('bench engine without a directory measures on synthetic prints the engine generates', () => {
  const run = sarhad({ SARHAD_BENCH_DIR: undefined }, 'bench', 'engine', '--fingers', '2', '--impressions', '2', '--runs', '1', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.source, 'synthetic');
  assert.equal(result.dir, null);
  assert.match(result.set, /^synthetic \(seed 2026, 2 fingers x 2 impressions\)$/);
  assert.equal(result.images, 4);
  assert.equal(result.dpi, 500);
  assert.ok(result.extractMsMedian > 0);
});

test('bench engine finds an FVC set under data/fvc in the working directory', async () => {
  const cwd = join(root, 'checkout');
  const fvc = join(cwd, 'data', 'fvc', 'fvc2002', 'DB1_B');
  mkdirSync(fvc, { recursive: true });
  await writeRidgeSet(fvc, [101, 102], [1, 2]);
  const run = sarhadIn(cwd, { SARHAD_BENCH_DIR: undefined }, 'bench', 'engine', '--dpi', '500', '--runs', '1', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.source, 'images');
  assert.equal(result.set, 'fvc2002/DB1_B');
  assert.equal(result.images, 4);
});

test('bench engine on a directory that does not exist fails with CLI_DATASET_INVALID', () => {
  const run = sarhad({}, 'bench', 'engine', '--dir', join(root, 'missing'));
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /CLI_DATASET_INVALID: .*missing/);
});
