/**
 * Resampling to the engine's working resolution. Every distance constant in the extractor (block sizes, ridge
 * periods, tail and gap lengths) assumes 500 dpi, so a 569-dpi capture (FVC2002 DB2) or a 1000-dpi one must be
 * brought to 500 dpi first. Shrinking averages the covered source area (no aliasing of the ~9-px ridge period);
 * enlarging interpolates bilinearly. Both are separable, use fixed iteration orders and no randomness, so the same
 * input always gives the same bytes.
 */
import { ENGINE_DPI, assertGrayImage, type GrayImage } from './gray-image.js';

/** Relative dpi difference below which an image is used as it is (a 500.4-dpi scanner needs no resampling). */
const DPI_TOLERANCE = 0.002;

/** Per output sample: the first source index and the weights of the consecutive source samples it mixes. */
interface AxisWeights {
  readonly first: Int32Array;
  readonly taps: number;
  readonly weights: Float32Array;
}

/**
 * Weights that map `sourceLength` samples to `targetLength` samples. For shrinking, output sample o covers the
 * source interval [o/s, (o+1)/s) and each source sample weighs its overlap; for enlarging, the output centre
 * (o + 0.5)/s - 0.5 is interpolated linearly between its two source neighbours (clamped at the borders).
 */
function axisWeights(sourceLength: number, targetLength: number): AxisWeights {
  const scale = targetLength / sourceLength;
  if (scale < 1) {
    const span = 1 / scale;
    const taps = Math.ceil(span) + 1;
    const first = new Int32Array(targetLength);
    const weights = new Float32Array(targetLength * taps);
    for (let o = 0; o < targetLength; o++) {
      const start = o * span;
      const end = Math.min(sourceLength, (o + 1) * span);
      const s0 = Math.floor(start);
      first[o] = s0;
      let total = 0;
      for (let t = 0; t < taps; t++) {
        const s = s0 + t;
        const overlap = Math.max(0, Math.min(end, s + 1) - Math.max(start, s));
        weights[o * taps + t] = overlap;
        total += overlap;
      }
      for (let t = 0; t < taps; t++) weights[o * taps + t]! /= total;
    }
    return { first, taps, weights };
  }
  const taps = 2;
  const first = new Int32Array(targetLength);
  const weights = new Float32Array(targetLength * taps);
  for (let o = 0; o < targetLength; o++) {
    const centre = Math.min(sourceLength - 1, Math.max(0, (o + 0.5) / scale - 0.5));
    const s0 = Math.min(sourceLength - 2, Math.floor(centre));
    const frac = sourceLength === 1 ? 0 : centre - Math.max(0, s0);
    first[o] = Math.max(0, s0);
    weights[o * taps] = 1 - frac;
    weights[o * taps + 1] = frac;
  }
  return { first, taps, weights };
}

/**
 * Returns `image` resampled to `targetDpi` (area averaging when shrinking, bilinear when enlarging). The output
 * size is the input size times targetDpi / dpi, rounded, and at least one pixel.
 */
export function resample(image: GrayImage, targetDpi: number): GrayImage {
  assertGrayImage(image);
  const { width, height, dpi, pixels } = image;
  if (Math.abs(dpi - targetDpi) <= DPI_TOLERANCE * targetDpi) return image;
  const scale = targetDpi / dpi;
  const outWidth = Math.max(1, Math.round(width * scale));
  const outHeight = Math.max(1, Math.round(height * scale));
  const horizontal = axisWeights(width, outWidth);
  const vertical = axisWeights(height, outHeight);

  // Horizontal pass into floats so that rounding happens once, after the vertical pass.
  const rows = new Float32Array(outWidth * height);
  for (let y = 0; y < height; y++) {
    const rowIn = y * width;
    const rowOut = y * outWidth;
    for (let o = 0; o < outWidth; o++) {
      const s0 = horizontal.first[o]!;
      const base = o * horizontal.taps;
      let sum = 0;
      for (let t = 0; t < horizontal.taps; t++) {
        const s = s0 + t;
        if (s < width) sum += horizontal.weights[base + t]! * pixels[rowIn + s]!;
      }
      rows[rowOut + o] = sum;
    }
  }
  const out = new Uint8Array(outWidth * outHeight);
  for (let o = 0; o < outHeight; o++) {
    const s0 = vertical.first[o]!;
    const base = o * vertical.taps;
    for (let x = 0; x < outWidth; x++) {
      let sum = 0;
      for (let t = 0; t < vertical.taps; t++) {
        const s = s0 + t;
        if (s < height) sum += vertical.weights[base + t]! * rows[s * outWidth + x]!;
      }
      out[o * outWidth + x] = Math.min(255, Math.max(0, Math.round(sum)));
    }
  }
  return { width: outWidth, height: outHeight, dpi: targetDpi, pixels: out };
}

/** Returns `image` at {@link ENGINE_DPI} (the image itself when it already is). */
export function resampleToEngineDpi(image: GrayImage): GrayImage {
  return resample(image, ENGINE_DPI);
}
