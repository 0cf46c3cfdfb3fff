import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRidgeSet } from './ridge-image.js';

// A small FVC-like data directory the test owns: one set of 6 fingers x 4 impressions (ridge-phase images, 500
// dpi) and its datasets.json. With two fingers per subject and two held out: 2 FVC subjects with 3 mated probes
// each, and non-mated probes from the 2 held-out fingers (2 orders x 4 x 4 impressions = 32 possible).
const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
let root: string;
let data: string;

function sarhad(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'sarhad-bench-identify-'));
  data = join(root, 'fvc');
  mkdirSync(join(data, 'tiny', 'DB1_B'), { recursive: true });
  await writeRidgeSet(join(data, 'tiny', 'DB1_B'), [1, 2, 3, 4, 5, 6], [1, 2, 3, 4]);
  writeFileSync(join(data, 'datasets.json'), JSON.stringify({ sets: [{ name: 'tiny/DB1_B', dpi: 500, size: [240, 240] }] }));
});
after(() => rmSync(root, { recursive: true, force: true }));

const REQUIRED_KEYS = [
  'subjects',
  'fingers',
  'rank1',
  'fnirAtFpir1',
  'fnirAtFpir01',
  'penetration',
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'bytesPerFinger',
  'buildSeconds',
  'loadSeconds',
];

test('bench identify --json builds, saves, reloads and searches a 200-subject gallery and prints one object', () => {
  const snapshot = join(root, 'gallery.snapshot');
  const run = sarhad('bench', 'identify', '--subjects', '200', '--fingers', '2', '--data', data, '--snapshot', snapshot, '--non-mated', '20', '--shortlist', '30', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.deepEqual(Object.keys(result).slice(0, REQUIRED_KEYS.length), REQUIRED_KEYS);
  assert.equal(result.subjects, 202, '200 synthetic subjects and 2 made of fixture fingers');
  assert.equal(result.fingers, 2);
  assert.equal(result.fvcSubjects, 2);
  assert.equal(result.matedProbes, 6);
  assert.equal(result.nonMatedProbes, 20);
  assert.equal(result.nonMatedPossible, 32);
  for (const key of ['rank1', 'fnirAtFpir1', 'fnirAtFpir01']) assert.ok(result[key] >= 0 && result[key] <= 1, `${key} ${result[key]}`);
  // 30 of about 202 subjects are fully matched per search.
  assert.ok(Math.abs(result.penetration - 30 / 202) < 0.02, `penetration ${result.penetration}`);
  assert.ok(result.p50Ms > 0 && result.p95Ms >= result.p50Ms && result.p99Ms >= result.p95Ms);
  // 844 bytes a record; one 65,536-record chunk holds the 404 fingers here, so per finger it is chunk / fingers.
  assert.equal(result.bytesPerFinger, Math.round(result.sharedBytes / 404));
  assert.ok(result.buildSeconds > 0 && result.loadSeconds >= 0);
  assert.ok(existsSync(snapshot), 'the snapshot named by --snapshot is kept');
  // Header, metadata and ids are small next to the chunks, which the snapshot holds byte for byte.
  assert.ok(result.snapshotBytes > result.sharedBytes && result.snapshotBytes < result.sharedBytes + 65_536, `${result.snapshotBytes}`);
  assert.equal(result.fvcImages, 24);
});

test('bench identify --load searches a saved gallery again without building it', () => {
  const snapshot = join(root, 'gallery.snapshot');
  const run = sarhad('bench', 'identify', '--load', snapshot, '--data', data, '--non-mated', '4', '--shortlist', '10', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.subjects, 202);
  assert.equal(result.backgroundSubjects, 200);
  assert.equal(result.buildSeconds, null);
  assert.equal(result.loadedFrom, snapshot);
  assert.equal(result.matedProbes, 6);
  const other = sarhad('bench', 'identify', '--load', snapshot, '--data', data, '--fingers', '1', '--json');
  assert.notEqual(other.status, 0, 'one-finger FVC subjects are not in a two-finger snapshot');
  assert.match(other.stderr, /CLI_INVALID_OPTION: .*has no subject fvc:tiny\/DB1_B:1/);
});

test('bench identify --exhaustive matches every subject, and text output names the latency it measures', () => {
  const run = sarhad('bench', 'identify', '--subjects', '200', '--data', data, '--non-mated', '8', '--exhaustive');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^sarhad bench identify: 202 subjects x 2 fingers \(200 synthetic realistic \+ 2 FVC\), exhaustive search/);
  assert.match(run.stdout, /penetration\s+100\.00 % of the gallery fully matched/);
  assert.match(run.stdout, /wall-clock per search, searches one after another, each using every search worker/);
});

test('bench identify --background uniform builds the background from the template-level generator', () => {
  const run = sarhad('bench', 'identify', '--subjects', '100', '--background', 'uniform', '--data', data, '--non-mated', '4', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.background, 'uniform');
  assert.equal(result.subjects, 102);
  // Scale mechanics: 100 subjects from 10 distinct backgrounds enrolled 10 times each, 3 of the 6 mated probes.
  const replicated = sarhad('bench', 'identify', '--subjects', '100', '--background', 'uniform', '--replicate', '10', '--mated', '3', '--data', data, '--non-mated', '2', '--json');
  assert.equal(replicated.status, 0, replicated.stderr);
  const copies = JSON.parse(replicated.stdout);
  assert.equal(copies.subjects, 102);
  assert.equal(copies.replicate, 10);
  assert.equal(copies.matedProbes, 3);
  assert.equal(copies.nonMatedProbes, 2);
  const bad = sarhad('bench', 'identify', '--background', 'plaid', '--data', data);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /CLI_INVALID_OPTION: --background must be realistic or uniform, got "plaid"/);
});

test('bench identify without FVC data fails with a coded error', () => {
  const run = sarhad('bench', 'identify', '--subjects', '10', '--data', join(root, 'nowhere'));
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /CLI_DATASET_INVALID: .*nowhere.*datasets\.json/);
});
