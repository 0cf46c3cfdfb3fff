import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeProbe, encodeSubject } from '../src/identify/finger-batch.js';
import { newChunk, type GalleryChunk } from '../src/identify/gallery-chunk.js';
import { kthLargest, ProbeContext } from '../src/identify/gallery-scan.js';
import { CODE_BITS, MAX_FINGER_CODES, MAX_GALLERY_MINUTIAE } from '../src/identify/identify-parameters.js';
import { codeScore } from '../src/identify/triangle-codes.js';
import { syntheticMinutiaeImpression } from '../src/synthetic/index.js';
import type { FingerprintTemplate } from '../src/template/template.js';

const POSITION = 2;

/** One enrolled finger laid out as record 0 of a chunk, as the gallery writes it (fingerprint-gallery.ts #write). */
function enrolled(template: FingerprintTemplate): GalleryChunk {
  const batch = encodeSubject([{ position: POSITION, template }]);
  const chunk = newChunk();
  chunk.run[0] = 1;
  chunk.position[0] = POSITION;
  chunk.minutiaCount[0] = batch.minutiaCount[0]!;
  chunk.x.set(batch.x.subarray(0, MAX_GALLERY_MINUTIAE));
  chunk.y.set(batch.y.subarray(0, MAX_GALLERY_MINUTIAE));
  chunk.direction.set(batch.direction.subarray(0, MAX_GALLERY_MINUTIAE));
  chunk.codeCount[0] = batch.codeCount[0]!;
  for (let i = 0; i < batch.codeCount[0]!; i++) {
    const code = batch.codes[i]!;
    chunk.codeLo[i] = code & 0xffff;
    chunk.codeHi[i] = (code >>> 16) & ((1 << (CODE_BITS - 16)) - 1);
    chunk.codeApex[i] = code >>> CODE_BITS;
  }
  return chunk;
}

/** Hits and pose score of an enrolled finger against a probe finger. */
function compare(chunk: GalleryChunk, probe: FingerprintTemplate): { hits: number; pose: number } {
  const context = new ProbeContext(encodeProbe([{ position: POSITION, template: probe }]));
  const { bits, density } = context.cells(0);
  const n = chunk.codeCount[0]!;
  const expected = density * n + 0.5;
  const z = codeScore(bits, density, chunk.codeLo, chunk.codeHi, 0, n);
  return { hits: Math.round(z * Math.sqrt(expected) + expected), pose: context.poses(0).score(bits, chunk, 0) };
}

/** The template moved as a finger placed elsewhere on the sensor: rotated by `degrees` about (cx, cy), then shifted. */
function moved(t: FingerprintTemplate, degrees: number, dx: number, dy: number): FingerprintTemplate {
  const a = (degrees * Math.PI) / 180;
  const cx = t.width / 2;
  const cy = t.height / 2;
  return {
    ...t,
    width: t.width + 200,
    height: t.height + 200,
    minutiae: t.minutiae.map((m) => ({
      ...m,
      // Counter-clockwise as viewed with y down (template.ts): (x, y) -> (x cos + y sin, -x sin + y cos).
      x: 100 + cx + (m.x - cx) * Math.cos(a) + (m.y - cy) * Math.sin(a) + dx,
      y: 100 + cy - (m.x - cx) * Math.sin(a) + (m.y - cy) * Math.cos(a) + dy,
      direction: (m.direction + a + 2 * Math.PI) % (2 * Math.PI),
    })),
  };
}

test('the hits of a finger placed elsewhere all agree on one pose', () => {
  const template = syntheticMinutiaeImpression(4_200, POSITION, 0);
  const chunk = enrolled(template);
  for (const [degrees, dx, dy] of [[0, 0, 0], [20, 30, -15], [-35, -40, 25]] as const) {
    const { hits, pose } = compare(chunk, moved(template, degrees, dx, dy));
    assert.ok(hits >= 60, `${degrees}°: ${hits} hits`);
    // Every hit agrees, up to the few cells a rounding or a second triangle of the same apex sends elsewhere.
    assert.ok(pose >= 0.9 * hits, `${degrees}°: pose ${pose} of ${hits} hits`);
  }
});

test('another impression of the same finger agrees on a pose far more than other fingers do', () => {
  const chunk = enrolled(syntheticMinutiaeImpression(4_300, POSITION, 0));
  const mate = compare(chunk, syntheticMinutiaeImpression(4_300, POSITION, 3));
  const impostors = Array.from({ length: 40 }, (_, i) => compare(chunk, syntheticMinutiaeImpression(5_000 + i, POSITION, 1)));
  const worst = Math.max(...impostors.map((s) => s.pose));
  assert.ok(mate.pose > 2 * worst, `mate pose ${mate.pose} (hits ${mate.hits}), best impostor pose ${worst}`);
  // Impostors do hit cells, but their hits scatter over poses.
  const impostorHits = impostors.reduce((sum, s) => sum + s.hits, 0);
  const impostorPose = impostors.reduce((sum, s) => sum + s.pose, 0);
  assert.ok(impostorPose < 0.7 * impostorHits, `impostors: ${impostorPose} agreeing of ${impostorHits} hits`);
});

test('a finger with no hits, or no minutiae, scores 0', () => {
  const chunk = enrolled(syntheticMinutiaeImpression(4_400, POSITION, 0));
  const empty = { ...syntheticMinutiaeImpression(4_400, POSITION, 0), minutiae: [] };
  assert.equal(compare(chunk, empty).pose, 0);
  assert.equal(compare(enrolled(empty), syntheticMinutiaeImpression(4_400, POSITION, 1)).pose, 0);
});

test('kthLargest picks the k-th largest of a prefix, with ties', () => {
  let seed = 7;
  const random = (): number => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  for (let trial = 0; trial < 500; trial++) {
    const n = 1 + Math.floor(random() * 300);
    const values = new Float64Array(n + 10).fill(1e9); // beyond the prefix: must be ignored
    for (let i = 0; i < n; i++) values[i] = Math.floor(random() * (trial % 2 === 0 ? 4 : 1000));
    const k = 1 + Math.floor(random() * n);
    const sorted = Array.from(values.subarray(0, n)).sort((a, b) => b - a);
    assert.equal(kthLargest(values, n, k), sorted[k - 1], `n ${n}, k ${k}`);
  }
  assert.equal(MAX_FINGER_CODES, 128);
});
