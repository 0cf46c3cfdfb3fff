import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../src/minutiae/extract.js';
import { syntheticPrint } from './fixtures/synthetic-print.js';

const planted = [
  { x: 100, y: 120 },
  { x: 200, y: 150 },
  { x: 150, y: 260 },
];

test('the same image gives the same template, byte for byte', () => {
  const image = syntheticPrint({ seed: 31, planted, noise: 25, warp: 1 });
  const first = JSON.stringify(extract(image));
  const copy = { ...image, pixels: Uint8Array.from(image.pixels) };
  assert.equal(JSON.stringify(extract(copy)), first);
  assert.equal(JSON.stringify(extract(image)), first);
});

test('an extraction does not depend on the images extracted before it', () => {
  const a = syntheticPrint({ seed: 32, planted, noise: 15 });
  const b = syntheticPrint({ seed: 33, kind: 'bifurcation', planted, flow: 0.7, dpi: 600, width: 380, height: 420 });
  const alone = JSON.stringify(extract(a));
  extract(b);
  assert.equal(JSON.stringify(extract(a)), alone);
});

test('extraction leaves the input pixels unchanged', () => {
  const image = syntheticPrint({ seed: 34, planted });
  const before = Uint8Array.from(image.pixels);
  extract(image);
  assert.deepEqual(image.pixels, before);
});
