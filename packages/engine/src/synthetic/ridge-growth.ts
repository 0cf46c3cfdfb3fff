/**
 * Grows the ridge pattern of a master print by iterative, space-variant Gabor filtering, the method of SFinGe
 * (Cappelli, Erol, Maio, Maltoni, "Synthetic fingerprint-image generation", ICPR 2000; Handbook of
 * Fingerprint Recognition, 2nd ed., 2009, chapter 6): start from an empty image holding a few random seeds, and
 * repeatedly filter every pixel with the Gabor kernel of its local orientation and period, amplify and clip. Each
 * pass spreads the pattern by about one kernel radius and pushes it towards a two-level ridge/valley image. Where
 * fronts grown from different seeds meet out of phase, and where the flow converges or diverges so that the period
 * cannot be kept, the pattern has to end or split a ridge: minutiae appear where the flow forces them, as on real
 * fingers, rather than being placed.
 *
 * For speed the growth runs coarse to fine (our addition, not SFinGe's): most passes at half resolution, where a
 * 500-dpi ridge period of 8-11 px is still 4-5.5 samples and a kernel has a quarter of the taps over a quarter of
 * the pixels, then a few passes at full resolution to sharpen the upsampled pattern. This brings a 400 x 500
 * master from several seconds to a fraction of one.
 */
import { buildGaborBank, type GaborBank, gaborIndex } from './gabor-bank.js';
import type { Prng } from './prng.js';

/** How the growth runs. */
export interface RidgeGrowthOptions {
  /** Filtering passes at half resolution, where the pattern grows from the seeds and settles. */
  readonly coarsePasses: number;
  /** Filtering passes at full resolution after upsampling. */
  readonly finePasses: number;
  /** Seeds per 10,000 pixels of the 500-dpi frame (one per 100 x 100 px at 1), placed on a jittered grid. */
  readonly seedDensity: number;
  /** Amplification before clipping to [-1, 1]; above 1 so a growing pattern strengthens until it saturates. */
  readonly gain: number;
}

/** Defaults: 16 coarse and 3 fine passes, one seed per 50 x 50 px, gain 2. */
export const RIDGE_GROWTH_DEFAULTS: RidgeGrowthOptions = Object.freeze({
  coarsePasses: 16,
  finePasses: 3,
  seedDensity: 4,
  gain: 2,
});

/** One resolution level: a padded buffer geometry, the pixels to filter and each one's kernel. */
interface Level {
  readonly width: number;
  readonly height: number;
  readonly pad: number;
  readonly stride: number;
  /** Buffer offsets of the pixels to filter. */
  readonly pixels: Int32Array;
  /** Kernel of each pixel, as a range of the flattened taps. */
  readonly kernelOf: Int32Array;
  readonly kernelStart: Int32Array;
  readonly tapOffsets: Int32Array;
  readonly tapWeights: Float32Array;
}

/**
 * Grows a ridge pattern over the pixels where `region` is 1 and returns a smooth ridge field in [-1, 1] (positive
 * on ridges, negative in valleys, 0 outside the region), row-major width x height. The field is the last Gabor
 * response before clipping, scaled by 4/π so that a saturated ridge reaches ±1 (a square wave's fundamental has
 * amplitude 4/π); thresholding it above or below 0 makes ridges thinner or thicker, which impressions use for
 * pressure and moisture.
 */
export function growRidges(
  width: number,
  height: number,
  orientation: Float32Array,
  period: Float32Array,
  region: Uint8Array,
  prng: Prng,
  options: RidgeGrowthOptions = RIDGE_GROWTH_DEFAULTS,
): Float32Array {
  const coarse = buildLevel(width, height, orientation, period, region, 2);
  const fine = buildLevel(width, height, orientation, period, region, 1);

  let state: Float32Array = new Float32Array(coarse.stride * (coarse.height + 2 * coarse.pad));
  // Seeds on a jittered grid (one per cell, anywhere in it): random like SFinGe's seeds, but with no large empty
  // area that the growth, about two coarse pixels per pass, would need many passes to fill.
  const spacing = Math.max(2, Math.round(50 / Math.sqrt(options.seedDensity)));
  for (let gy = 0; gy < coarse.height; gy += spacing) {
    for (let gx = 0; gx < coarse.width; gx += spacing) {
      const x = Math.min(coarse.width - 1, gx + prng.int(spacing));
      const y = Math.min(coarse.height - 1, gy + prng.int(spacing));
      // The sign decides whether the pattern starts on a ridge or in a valley there.
      state[(y + coarse.pad) * coarse.stride + x + coarse.pad] = prng.sign();
    }
  }
  state = filterPasses(coarse, state, options.coarsePasses, options.gain);

  // Bilinear upsampling of the coarse pattern to the 500-dpi frame.
  let fineState: Float32Array = new Float32Array(fine.stride * (height + 2 * fine.pad));
  for (let y = 0; y < height; y++) {
    const cy = Math.min(coarse.height - 1, Math.max(0, (y - 0.5) / 2));
    const y0 = Math.floor(cy);
    const y1 = Math.min(coarse.height - 1, y0 + 1);
    const fy = cy - y0;
    for (let x = 0; x < width; x++) {
      const cx = Math.min(coarse.width - 1, Math.max(0, (x - 0.5) / 2));
      const x0 = Math.floor(cx);
      const x1 = Math.min(coarse.width - 1, x0 + 1);
      const fx = cx - x0;
      const at = (xx: number, yy: number): number => state[(yy + coarse.pad) * coarse.stride + xx + coarse.pad];
      const top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * fx;
      const bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * fx;
      fineState[(y + fine.pad) * fine.stride + x + fine.pad] = top + (bottom - top) * fy;
    }
  }
  fineState = filterPasses(fine, fineState, options.finePasses, options.gain);

  // The smooth output field: one more filtering pass, without gain or clipping.
  const field = new Float32Array(width * height);
  const response = filterPasses(fine, fineState, 1, Math.PI / 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) field[y * width + x] = response[(y + fine.pad) * fine.stride + x + fine.pad];
  }
  return field;
}

/** Runs `passes` filter-amplify-clip passes over `level`, ping-ponging between two buffers; returns the result. */
function filterPasses(level: Level, input: Float32Array, passes: number, gain: number): Float32Array {
  const { pixels, kernelOf, kernelStart, tapOffsets, tapWeights } = level;
  let current: Float32Array = input;
  let next: Float32Array = new Float32Array(input.length);
  for (let pass = 0; pass < passes; pass++) {
    for (let n = 0; n < pixels.length; n++) {
      const p = pixels[n];
      const k = kernelOf[n];
      let sum = 0;
      for (let j = kernelStart[k], end = kernelStart[k + 1]; j < end; j++) sum += current[p + tapOffsets[j]] * tapWeights[j];
      const v = gain * sum;
      next[p] = v > 1 ? 1 : v < -1 ? -1 : v;
    }
    [current, next] = [next, current];
  }
  return current;
}

/** The filtering geometry at 500 dpi (`scale` 1) or half of it (`scale` 2). */
function buildLevel(
  width: number,
  height: number,
  orientation: Float32Array,
  period: Float32Array,
  region: Uint8Array,
  scale: number,
): Level {
  const w = Math.ceil(width / scale);
  const h = Math.ceil(height / scale);
  const bank: GaborBank = buildGaborBank(w + 2 * Math.ceil(6 / scale), scale);
  const pad = Math.ceil(6 / scale);
  const stride = bank.stride;
  const kernelStart = new Int32Array(bank.kernels.length + 1);
  bank.kernels.forEach((kernel, k) => {
    kernelStart[k + 1] = kernelStart[k] + kernel.offsets.length;
  });
  const tapOffsets = new Int32Array(kernelStart[bank.kernels.length]);
  const tapWeights = new Float32Array(tapOffsets.length);
  bank.kernels.forEach((kernel, k) => {
    tapOffsets.set(kernel.offsets, kernelStart[k]);
    tapWeights.set(kernel.weights, kernelStart[k]);
  });
  const pixels: number[] = [];
  const kernelOf: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // The 500-dpi pixel this sample stands for (the top-left of its 2 x 2 block at half resolution).
      const i = Math.min(height - 1, y * scale) * width + Math.min(width - 1, x * scale);
      if (region[i] === 0) continue;
      pixels.push((y + pad) * stride + x + pad);
      kernelOf.push(gaborIndex(orientation[i], period[i]));
    }
  }
  return {
    width: w,
    height: h,
    pad,
    stride,
    pixels: Int32Array.from(pixels),
    kernelOf: Int32Array.from(kernelOf),
    kernelStart,
    tapOffsets,
    tapWeights,
  };
}
