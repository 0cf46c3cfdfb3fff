import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIso19794, type FingerprintTemplate, type Minutia } from '@sarhad/engine';
import { seeded } from './ridge-image.js';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
/** The original capture, like FVC2002 DB1 (388 x 374 at 500 dpi), and the vendor's resized frame. */
const ORIGINAL = { width: 388, height: 374 };
const RESIZED = { width: 300, height: 400 };
const FINGERS = [101, 102, 103, 104];
const IMPRESSIONS = [1, 2, 3];
let root: string;
let set: string;

function sarhad(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

/** A finger's true minutiae in the original frame: 35 points, seeded by the finger id. */
function fingerMinutiae(finger: number): Minutia[] {
  const r = seeded(finger);
  return Array.from({ length: 35 }, () => ({
    x: 40 + r() * (ORIGINAL.width - 80),
    y: 40 + r() * (ORIGINAL.height - 80),
    direction: r() * 2 * Math.PI,
    type: r() < 0.5 ? ('ending' as const) : ('bifurcation' as const),
    quality: 0,
  }));
}

/**
 * One impression: the finger's minutiae rotated a few degrees about the centre and shifted, with a pixel of
 * jitter, then squeezed into the resized frame the way the vendor SDK saw it (x · 300/388, y · 400/374, directions
 * through the same anisotropic scale).
 */
function impressionRecord(finger: number, impression: number): Uint8Array {
  const r = seeded(finger * 100 + impression);
  const angle = (r() - 0.5) * 0.15;
  const [dx, dy] = [(r() - 0.5) * 16, (r() - 0.5) * 16];
  const [cx, cy] = [ORIGINAL.width / 2, ORIGINAL.height / 2];
  const sx = RESIZED.width / ORIGINAL.width;
  const sy = RESIZED.height / ORIGINAL.height;
  const minutiae = fingerMinutiae(finger).map((m) => {
    // Image y grows downwards and directions are counter-clockwise as viewed (template.ts), so a view rotated by
    // `angle` counter-clockwise maps (x, y) with -angle in image coordinates and adds `angle` to directions.
    const x = cx + Math.cos(angle) * (m.x - cx) + Math.sin(angle) * (m.y - cy) + dx + (r() - 0.5);
    const y = cy - Math.sin(angle) * (m.x - cx) + Math.cos(angle) * (m.y - cy) + dy + (r() - 0.5);
    const d = m.direction + angle;
    const squeezed = Math.atan2(sy * Math.sin(d), sx * Math.cos(d));
    return { ...m, x: x * sx, y: y * sy, direction: (squeezed + 2 * Math.PI) % (2 * Math.PI) };
  });
  const template: FingerprintTemplate = {
    ...RESIZED,
    fingerPosition: 0,
    impressionType: 0,
    quality: 0,
    minutiae: minutiae.filter((m) => m.x >= 0 && m.y >= 0 && m.x < RESIZED.width && m.y < RESIZED.height),
  };
  return encodeIso19794(template);
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'sarhad-eval-fvc-iso-'));
  set = join(root, 'vendor', 'DB9_B');
  mkdirSync(set, { recursive: true });
  for (const f of FINGERS) for (const i of IMPRESSIONS) writeFileSync(join(set, `${f}_${i}.iso`), impressionRecord(f, i));
});

after(() => rmSync(root, { recursive: true, force: true }));

test('eval fvc-iso maps records back to the original frame and separates genuine from impostor pairs', () => {
  const run = sarhad('eval', 'fvc-iso', set, '--frame', '388x374', '--dpi', '500', '--json', '--speed-runs', '1');
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.source, 'templates');
  assert.deepEqual(report.frame, { width: 388, height: 374, dpi: 500, source: '--frame' });
  assert.equal(report.images, 12);
  // 4 fingers x C(3,2) = 12 genuine; C(4,2) = 6 FVC impostors; C(12,2) - 12 = 54 all-pairs impostors.
  assert.deepEqual([report.genuineCount, report.impostorFvcCount, report.impostorAllCount], [12, 6, 54]);
  assert.equal(report.failedExtractions, 0);
  assert.equal(report.minutiaeMedian, 35);
  // Rigidly moved copies of one finger with a pixel of jitter must outscore every other finger.
  assert.ok(report.scores.genuineMedian > report.scores.impostorMax, JSON.stringify(report.scores));
  assert.equal(report.eerAll, 0);
});

test('eval fvc-iso --no-frame keeps the decoded coordinates, and datasets.json above the set supplies the frame', () => {
  const plain = sarhad('eval', 'fvc-iso', set, '--no-frame', '--json', '--speed-runs', '1');
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(JSON.parse(plain.stdout).frame, null);

  const datasets = join(root, 'datasets.json');
  writeFileSync(datasets, JSON.stringify({ sets: [{ name: 'vendor/DB9_B', dpi: 500, size: [388, 374] }] }));
  const found = sarhad('eval', 'fvc-iso', set, '--json', '--speed-runs', '1');
  assert.equal(found.status, 0, found.stderr);
  assert.deepEqual(JSON.parse(found.stdout).frame, { width: 388, height: 374, dpi: 500, source: datasets });
});

test('eval fvc-iso counts an undecodable record as a failure that scores 0', () => {
  const broken = join(root, 'broken', 'DB9_B');
  mkdirSync(broken, { recursive: true });
  for (const f of [1, 2]) for (const i of [1, 2]) writeFileSync(join(broken, `${f}_${i}.iso`), impressionRecord(100 + f, i));
  writeFileSync(join(broken, '2_2.iso'), Buffer.from('FMR\0 20\0 not really'));
  const run = sarhad('eval', 'fvc-iso', broken, '--no-frame', '--json', '--speed-runs', '1');
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.failedExtractions, 1);
  assert.equal(report.failures[0].sample, '2_2');
  assert.match(report.failures[0].code, /^ENGINE_TEMPLATE_/);
});

test('eval fvc-iso --frame without --dpi is refused', () => {
  const run = sarhad('eval', 'fvc-iso', set, '--frame', '388x374');
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /CLI_INVALID_OPTION: --frame needs --dpi/);
});
