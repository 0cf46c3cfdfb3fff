import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntheticBackgroundTemplate } from '../src/synthetic/background-templates.js';
import { FINGERPRINT_CLASS_FREQUENCIES, FINGERPRINT_CLASSES } from '../src/synthetic/fingerprint-class.js';
import {
  syntheticFingerImpression,
  syntheticMinutiaeImpression,
  syntheticPersonFinger,
} from '../src/synthetic/minutiae-finger.js';
import { fingerDirection, fingerWord, streamPrng, syntheticFinger } from '../src/synthetic/minutiae-master.js';
import { orientationAt } from '../src/synthetic/minutiae-orientation.js';
import { SENSOR_FRAMES } from '../src/synthetic/minutiae-parameters.js';
import { matchPrepared } from '../src/match/matcher.js';
import { prepare } from '../src/match/prepared-template.js';
import type { FingerprintTemplate } from '../src/template/template.js';

// Subjects 900,000 and up: far from the people other tests use.
const FIRST = 900_000;

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const background: FingerprintTemplate[] = Array.from({ length: 300 }, (_, i) =>
  syntheticBackgroundTemplate(FIRST + i, 1 + (i % 10)),
);

test('a background template is the same for the same subject and finger, and different otherwise', () => {
  assert.deepEqual(syntheticBackgroundTemplate(FIRST + 7, 3), syntheticBackgroundTemplate(FIRST + 7, 3));
  assert.deepEqual(syntheticMinutiaeImpression(12, 2, 5), syntheticMinutiaeImpression(12, 2, 5));
  assert.notDeepEqual(syntheticBackgroundTemplate(FIRST + 7, 3).minutiae, syntheticBackgroundTemplate(FIRST + 8, 3).minutiae);
  assert.notDeepEqual(syntheticBackgroundTemplate(FIRST + 7, 3).minutiae, syntheticBackgroundTemplate(FIRST + 7, 4).minutiae);
  assert.equal(syntheticBackgroundTemplate(FIRST + 7, 3).fingerPosition, 3);
});

test('distinct finger ids never share a random stream (no duplicate fingers in a large gallery)', () => {
  const seen = new Set<string>();
  for (let id = 0; id < 50_000; id++) {
    const prng = streamPrng(fingerWord(id), 1);
    seen.add(`${prng.nextUint32()}:${prng.nextUint32()}`);
  }
  assert.equal(seen.size, 50_000);
  assert.equal(fingerWord(12345), 12345);
  assert.equal(fingerWord(0.5), fingerWord(0.5));
});

test('fingers take the five classes with their natural frequencies', () => {
  const counts = new Map<string, number>();
  const n = 3000;
  for (let i = 0; i < n; i++) {
    const cls = syntheticFinger(FIRST + i).class;
    counts.set(cls, (counts.get(cls) ?? 0) + 1);
  }
  for (const cls of FINGERPRINT_CLASSES) {
    const share = (counts.get(cls) ?? 0) / n;
    assert.ok(Math.abs(share - FINGERPRINT_CLASS_FREQUENCIES[cls]) < 0.03, `${cls}: ${share}`);
  }
});

test('background templates have as many minutiae, as densely spaced, as FVC templates through our extractor', () => {
  // Bands around what our extractor gives on the four FVC B sets (10th / 50th / 90th percentile of minutiae per
  // template 16 / 28 / 44; nearest-neighbour distance median 22.5 px; 53 % endings): see SYNTHETIC.md.
  const counts = background.map((t) => t.minutiae.length);
  assert.ok(quantile(counts, 0.5) >= 20 && quantile(counts, 0.5) <= 36, `median count ${quantile(counts, 0.5)}`);
  assert.ok(quantile(counts, 0.1) >= 8, `10th percentile ${quantile(counts, 0.1)}`);
  assert.ok(quantile(counts, 0.9) <= 60, `90th percentile ${quantile(counts, 0.9)}`);
  const nearest: number[] = [];
  let endings = 0;
  let minutiae = 0;
  for (const t of background) {
    for (const m of t.minutiae) {
      minutiae++;
      if (m.type === 'ending') endings++;
      let best = Infinity;
      for (const o of t.minutiae) if (o !== m) best = Math.min(best, Math.hypot(o.x - m.x, o.y - m.y));
      if (best < Infinity) nearest.push(best);
      assert.ok(m.x >= 0 && m.x < t.width && m.y >= 0 && m.y < t.height, 'minutia outside the frame');
      assert.ok(m.direction >= 0 && m.direction < 2 * Math.PI);
      assert.ok(m.quality >= 1 && m.quality <= 100);
    }
  }
  const median = quantile(nearest, 0.5);
  assert.ok(median >= 16 && median <= 28, `median nearest-neighbour distance ${median}`);
  assert.ok(quantile(nearest, 0.05) >= 4, `5th percentile ${quantile(nearest, 0.05)}`);
  assert.ok(Math.abs(endings / minutiae - 0.54) < 0.06, `ending share ${endings / minutiae}`);
  for (const t of background) assert.ok(SENSOR_FRAMES.some(([w, h]) => w === t.width && h === t.height));
});

test("a finger's minutiae point along the ridge flow, and a little more often with it than against it", () => {
  let aligned = 0;
  let total = 0;
  let down = 0;
  let vertical = 0;
  for (let f = 0; f < 40; f++) {
    const finger = syntheticFinger(FIRST + f);
    for (let i = 0; i < finger.count; i++) {
      const d = fingerDirection(finger, i);
      const theta = orientationAt(finger.orientation, finger.x[i]!, finger.y[i]!);
      let off = (d - theta) % Math.PI;
      if (off < 0) off += Math.PI;
      if (Math.min(off, Math.PI - off) < 0.15) aligned++;
      total++;
      if (Math.abs(Math.sin(d)) > 0.5) {
        vertical++;
        if (Math.sin(d) < 0) down++; // (cos d, -sin d) points down the image
      }
    }
  }
  assert.ok(aligned / total > 0.97, `aligned with the flow: ${aligned / total}`);
  assert.ok(down / vertical > 0.55 && down / vertical < 0.8, `pointing down: ${down / vertical}`);
});

test('impressions of one finger match and impressions of different fingers do not, at the calibrated thresholds', () => {
  const fingers = Array.from({ length: 24 }, (_, i) => syntheticPersonFinger(FIRST + 5000 + i, 2));
  const good = fingers.map((f) => [1, 2].map((c) => prepare(syntheticFingerImpression(f, 2, c, 'good'))));
  const typical = fingers.map((f) => [1, 2].map((c) => prepare(syntheticFingerImpression(f, 2, c, 'typical'))));
  // Guided captures: every pair far above 40 (FMR 0.01 %). FVC-like captures: most above 20, as on FVC (96.6 %).
  const goodGenuine = good.map(([a, b]) => matchPrepared(a!, b!));
  assert.ok(goodGenuine.every((s) => s >= 40), `good genuine ${goodGenuine.map((s) => s.toFixed(0))}`);
  const typicalGenuine = typical.map(([a, b]) => matchPrepared(a!, b!));
  assert.ok(typicalGenuine.filter((s) => s >= 20).length >= 20, `typical genuine ${typicalGenuine.map((s) => s.toFixed(0))}`);
  const impostor: number[] = [];
  for (let i = 0; i < fingers.length; i++) {
    for (let j = 0; j < fingers.length; j++) if (i !== j) impostor.push(matchPrepared(typical[i]![0]!, typical[j]![1]!));
  }
  assert.ok(Math.max(...impostor) < 40, `largest impostor ${Math.max(...impostor)}`);
  assert.ok(impostor.filter((s) => s >= 20).length <= 0.02 * impostor.length);
});
