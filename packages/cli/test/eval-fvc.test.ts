import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRidgeSet } from './ridge-image.js';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
const SIZE = 240;
const FINGERS = [101, 102, 103];
const IMPRESSIONS = [1, 2];
let root: string;
let set: string;

function sarhad(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'sarhad-eval-fvc-'));
  set = join(root, 'tiny', 'DB1_B');
  mkdirSync(set, { recursive: true });
  // Uncompressed 8-bit grey TIFFs without a resolution tag, named like FVC's: 3 fingers x 2 impressions.
  await writeRidgeSet(set, FINGERS, IMPRESSIONS, SIZE);
});

after(() => rmSync(root, { recursive: true, force: true }));

test('eval fvc --json prints one object with the protocol counts, rates and timings, and writes scores and DET', () => {
  const csv = join(root, 'out', 'scores.csv');
  const svg = join(root, 'out', 'det.svg');
  const run = sarhad('eval', 'fvc', set, '--dpi', '500', '--json', '--speed-runs', '2', '--scores', csv, '--det', svg);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.set, 'tiny/DB1_B');
  assert.equal(report.dpi, 500);
  assert.equal(report.images, 6);
  // 3 fingers x C(2,2) genuine; C(3,2) FVC impostors; C(6,2) - 3 all-pairs impostors; 15 distinct comparisons.
  assert.equal(report.genuineCount, 3);
  assert.equal(report.impostorFvcCount, 3);
  assert.equal(report.impostorAllCount, 12);
  assert.equal(report.comparisons, 15);
  for (const key of ['eerAll', 'eerFvc', 'fmr100', 'fmr1000', 'zeroFmr']) {
    assert.ok(report[key] >= 0 && report[key] <= 100, `${key} = ${report[key]}`);
  }
  assert.equal(report.failedExtractions, report.failures.length);
  assert.ok(report.failedExtractions < 6, 'the drawn prints are fingerprints to the extractor');
  assert.ok(report.extractMsMedian > 0);
  assert.ok(report.comparisonsPerSecond > 0);
  assert.equal(report.comparisonRuns.length, 2);
  assert.equal(report.allImpostors.impostors, 12);
  assert.equal(report.fvcImpostors.impostors, 3);
  assert.deepEqual(report.calibration.map((c: { threshold: number }) => c.threshold), [10, 20, 30, 40]);
  assert.deepEqual(report.calibration.map((c: { nominalFmr: number }) => c.nominalFmr), [10, 1, 0.1, 0.01]);

  const rows = readFileSync(csv, 'utf8').trim().split('\n');
  assert.equal(rows[0], 'probe,candidate,kind,score');
  assert.equal(rows.length, 1 + 15);
  const kinds = rows.slice(1).map((r) => r.split(',')[2]);
  assert.deepEqual(
    ['genuine', 'impostor_fvc', 'impostor'].map((k) => kinds.filter((x) => x === k).length),
    [3, 3, 9],
  );
  assert.ok(rows.includes(`101_1,102_1,impostor_fvc,${rows.find((r) => r.startsWith('101_1,102_1,'))!.split(',')[3]}`));
  assert.match(readFileSync(svg, 'utf8'), /^<svg [^>]*>[\s\S]*FVC impostors \(3\)[\s\S]*<\/svg>\n$/);
});

test('eval fvc prints a table by default', () => {
  const run = sarhad('eval', 'fvc', set, '--dpi', '500', '--speed-runs', '1');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^sarhad eval fvc: tiny\/DB1_B \(6 images, 3 fingers x 2 impressions, 500 dpi from option\)/);
  assert.match(run.stdout, /EER\s+\d+\.\d\d %\s+\d+\.\d\d %/);
  assert.match(run.stdout, /comparison speed\s+\d+ per second on one core/);
});

test('eval fvc refuses TIFFs without a resolution when no --dpi or datasets.json gives one', () => {
  const run = sarhad('eval', 'fvc', set, '--json');
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /CLI_DPI_UNKNOWN: .*101_1\.tif.*--dpi/);
  assert.equal(run.stdout, '');
});

test('eval fvc takes the dpi from a datasets.json above the set', () => {
  const datasets = join(root, 'datasets.json');
  writeFileSync(datasets, JSON.stringify({ sets: [{ name: 'tiny/DB1_B', dpi: 500, size: [SIZE, SIZE] }] }));
  try {
    const run = sarhad('eval', 'fvc', set, '--json', '--speed-runs', '1');
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.dpi, 500);
    assert.equal(report.dpiSource, 'fallback');
    assert.equal(report.datasetsJson, datasets);
  } finally {
    unlinkSync(datasets);
  }
});

test('eval fvc refuses an incomplete grid and a bad option value with stable codes', () => {
  const partial = join(root, 'partial', 'DB1_B');
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, '101_1.tif'), readFileSync(join(set, '101_1.tif')));
  writeFileSync(join(partial, '102_2.tif'), readFileSync(join(set, '102_2.tif')));
  const incomplete = sarhad('eval', 'fvc', partial, '--dpi', '500');
  assert.notEqual(incomplete.status, 0);
  assert.match(incomplete.stderr, /CLI_DATASET_INVALID: .*no file for 101_2, 102_1/);
  const badDpi = sarhad('eval', 'fvc', set, '--dpi', 'lots');
  assert.notEqual(badDpi.status, 0);
  assert.match(badDpi.stderr, /CLI_INVALID_OPTION: --dpi must be a positive number, got "lots"/);
});
