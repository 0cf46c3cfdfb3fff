import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resample, resampleToEngineDpi } from '../src/image/resample.js';
import { extract } from '../src/minutiae/extract.js';
import type { GrayImage } from '../src/image/gray-image.js';
import { syntheticPrint } from './fixtures/synthetic-print.js';

function image(width: number, height: number, dpi: number, value: (x: number, y: number) => number): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = value(x, y);
  return { width, height, dpi, pixels };
}

test('leaves a 500-dpi image as it is', () => {
  const input = image(120, 130, 500, (x, y) => (x * 7 + y * 3) % 256);
  assert.equal(resampleToEngineDpi(input), input);
});

test('scales the size by 500 / dpi', () => {
  const shrunk = resampleToEngineDpi(image(296, 560, 569, () => 100));
  assert.deepEqual([shrunk.width, shrunk.height, shrunk.dpi], [260, 492, 500]);
  const grown = resampleToEngineDpi(image(100, 80, 400, () => 100));
  assert.deepEqual([grown.width, grown.height, grown.dpi], [125, 100, 500]);
});

test('keeps a uniform grey exact in both directions', () => {
  for (const dpi of [333, 569, 1000]) {
    const out = resampleToEngineDpi(image(150, 140, dpi, () => 137));
    assert.ok(out.pixels.every((v) => v === 137), `dpi ${dpi}`);
  }
});

test('averages a 1000-dpi checkerboard to mid grey instead of aliasing it', () => {
  const out = resampleToEngineDpi(image(200, 200, 1000, (x, y) => ((x + y) % 2 === 0 ? 0 : 255)));
  assert.deepEqual([out.width, out.height], [100, 100]);
  for (const v of out.pixels) assert.ok(v >= 127 && v <= 128, `got ${v}`);
});

test('preserves a horizontal ramp when enlarging', () => {
  const out = resample(image(100, 10, 250, (x) => 2 * x), 500);
  for (let x = 2; x < out.width - 2; x++) {
    const expected = 2 * ((x + 0.5) / 2 - 0.5);
    assert.ok(Math.abs(out.pixels[5 * out.width + x]! - expected) <= 1, `x ${x}: ${out.pixels[5 * out.width + x]}`);
  }
});

test('finds a minutia of a 569-dpi print at its 500-dpi position', () => {
  const scale = 500 / 569;
  const print = syntheticPrint({ seed: 51, dpi: 569, period: 9.5 / scale, width: 364, height: 410, planted: [{ x: 182, y: 205 }] });
  const { template } = extract(print);
  assert.deepEqual([template.width, template.height], [Math.round(364 * scale), Math.round(410 * scale)]);
  const hit = template.minutiae.find((m) => Math.hypot(m.x - 182 * scale, m.y - 205 * scale) <= 6);
  assert.ok(hit !== undefined, JSON.stringify(template.minutiae));
});

test('finds a minutia of a 400-dpi print at its 500-dpi position', () => {
  const scale = 500 / 400;
  const print = syntheticPrint({ seed: 52, dpi: 400, period: 9.5 / scale, width: 256, height: 288, planted: [{ x: 128, y: 144 }] });
  const { template } = extract(print);
  assert.deepEqual([template.width, template.height], [320, 360]);
  const hit = template.minutiae.find((m) => Math.hypot(m.x - 128 * scale, m.y - 144 * scale) <= 6);
  assert.ok(hit !== undefined, JSON.stringify(template.minutiae));
});
