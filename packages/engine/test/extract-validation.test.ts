import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEngineError } from '../src/errors.js';
import { extract } from '../src/minutiae/extract.js';
import type { GrayImage } from '../src/image/gray-image.js';
import { seededRandom, syntheticPrint } from './fixtures/synthetic-print.js';

function filled(width: number, height: number, value: (i: number) => number, dpi = 500): GrayImage {
  return { width, height, dpi, pixels: Uint8Array.from({ length: width * height }, (_, i) => value(i)) };
}

function assertCode(image: GrayImage, code: string): void {
  assert.throws(() => extract(image), (error) => isEngineError(error) && error.code === code);
}

test('rejects a blank capture', () => {
  assertCode(filled(300, 300, () => 200), 'ENGINE_IMAGE_BLANK');
});

test('rejects saturated captures, all white or all black', () => {
  assertCode(filled(300, 300, () => 255), 'ENGINE_IMAGE_BLANK');
  assertCode(filled(300, 300, () => 0), 'ENGINE_IMAGE_BLANK');
});

test('rejects an image smaller than 100 px per side at 500 dpi', () => {
  assertCode(syntheticPrint({ seed: 41, width: 90, height: 300 }), 'ENGINE_IMAGE_TOO_SMALL');
});

test('judges size after resampling: 180 px at 1000 dpi is too small', () => {
  assertCode(syntheticPrint({ seed: 42, width: 180, height: 180, dpi: 1000, period: 19 }), 'ENGINE_IMAGE_TOO_SMALL');
});

test('rejects an inconsistent raster', () => {
  assert.throws(
    () => extract({ width: 300, height: 300, dpi: 500, pixels: new Uint8Array(10) }),
    (error) => isEngineError(error, 'ENGINE_IMAGE_INVALID'),
  );
});

test('finds no fingerprint in sensor noise', () => {
  const random = seededRandom(43);
  assertCode(filled(300, 300, () => Math.floor(random() * 256)), 'ENGINE_NO_FINGERPRINT');
  const gaussian = seededRandom(44);
  const g = (): number => Math.round(128 + 40 * (gaussian() + gaussian() + gaussian() + gaussian() - 2));
  assertCode(filled(300, 300, g), 'ENGINE_NO_FINGERPRINT');
});

test('finds no fingerprint in blurred noise, whose blobs have contrast but no ridge flow', () => {
  const random = seededRandom(47);
  const raw = Array.from({ length: 300 * 300 }, () => random() * 255);
  const blurred = (i: number): number => {
    const x = i % 300;
    const y = Math.floor(i / 300);
    let sum = 0;
    let n = 0;
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        if (x + dx >= 0 && x + dx < 300 && y + dy >= 0 && y + dy < 300) {
          sum += raw[(y + dy) * 300 + x + dx]!;
          n++;
        }
      }
    }
    // Stretch the blurred field back to full contrast, as a sensor's automatic gain would.
    return Math.min(255, Math.max(0, Math.round(128 + 4 * (sum / n - 127.5))));
  };
  assertCode(filled(300, 300, blurred), 'ENGINE_NO_FINGERPRINT');
});

test('finds no fingerprint in a smooth illumination gradient', () => {
  assertCode(
    filled(300, 300, (i) => Math.round((i % 300) * 0.8)),
    'ENGINE_NO_FINGERPRINT',
  );
});

test('finds no fingerprint when the ridge area is only a speck', () => {
  const speck = syntheticPrint({ seed: 45, width: 110, height: 110 });
  const pixels = new Uint8Array(400 * 400).fill(225);
  for (let y = 0; y < 110; y++) pixels.set(speck.pixels.subarray(y * 110, (y + 1) * 110), (y + 140) * 400 + 140);
  assertCode({ width: 400, height: 400, dpi: 500, pixels }, 'ENGINE_NO_FINGERPRINT');
});

test('rates a noisy, smaller print below a clean, full one', () => {
  const clean = extract(syntheticPrint({ seed: 46 })).quality;
  const noisy = extract(syntheticPrint({ seed: 46, noise: 80, width: 200, height: 200 })).quality;
  assert.ok(noisy < clean, `noisy ${noisy} vs clean ${clean}`);
});
