import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactFinger, compactToTemplate } from '../src/identify/compact-finger.js';
import { prepareCompact } from '../src/identify/prepare-compact.js';
import { prepare } from '../src/match/prepared-template.js';
import { syntheticBackgroundTemplate, syntheticMinutiaeImpression } from '../src/synthetic/index.js';
import type { FingerprintTemplate } from '../src/template/template.js';

function samePrepared(template: FingerprintTemplate): void {
  const c = compactFinger(template);
  assert.deepEqual(prepareCompact(c.x, c.y, c.direction, 0, c.count), prepare(compactToTemplate(c.x, c.y, c.direction, 0, c.count, 1)));
}

test('prepareCompact gives exactly what prepare gives for the same compact minutiae', () => {
  for (let s = 0; s < 150; s++) samePrepared(syntheticBackgroundTemplate(s, 1 + (s % 10)));
  for (let s = 0; s < 50; s++) samePrepared(syntheticMinutiaeImpression(s, 3, 2));
});

test('prepareCompact breaks distance ties as prepare does', () => {
  // A grid: every minutia has several neighbours at exactly equal distances (and 3-4-5 triangles).
  const minutiae = [];
  for (let i = 0; i < 7; i++) {
    for (let j = 0; j < 6; j++) {
      minutiae.push({ x: 100 + 12 * i, y: 80 + 12 * j + (i % 2 === 0 ? 0 : 4), direction: (i * 0.7 + j * 1.3) % 6.28, type: 'ending' as const, quality: 50 });
    }
  }
  minutiae.push({ x: 103, y: 84, direction: 1, type: 'bifurcation' as const, quality: 50 });
  samePrepared({ width: 300, height: 300, fingerPosition: 1, impressionType: 0, quality: 50, minutiae });
  samePrepared({ width: 300, height: 300, fingerPosition: 1, impressionType: 0, quality: 50, minutiae: minutiae.slice(0, 1) });
  samePrepared({ width: 300, height: 300, fingerPosition: 1, impressionType: 0, quality: 50, minutiae: [] });
});
