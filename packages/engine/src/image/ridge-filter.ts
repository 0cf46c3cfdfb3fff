/**
 * Ridge enhancement along the flow: an oriented Gabor filter applied as two one-dimensional passes in the ridge's
 * own frame. A Gabor kernel is a Gaussian along the ridge times a Gaussian-windowed cosine across it (Hong, Wan
 * and Jain 1998), so it separates into (1) smoothing along the local ridge orientation, which bridges pores,
 * scratches and small breaks, and (2) a band-pass across it, tuned to the local ridge period, which rejects
 * everything that is not a ridge of that spacing. Doing the 2-D filter as two 1-D passes costs 21 + 21 taps per
 * pixel instead of 21², which keeps extraction within its time budget.
 *
 * The local ridge period is measured per block on the along-smoothed image by counting zero crossings across the
 * ridges; blocks where that fails (cores, scars, smudges) borrow from their neighbours.
 */
import { BLOCK_SIZE, ORIENTATION_BINS } from './orientation-field.js';

/**
 * Half-length of the along-ridge Gaussian (21 taps) and its sigma, in pixels: about two ridge periods each way,
 * long enough to bridge pores and dry breaks (sigma 4 -> 5 px: avg FVC EER 3.0 -> 2.3 %, 1-AUC 0.89 -> 0.52 %).
 */
const ALONG_RADIUS = 10;
const ALONG_SIGMA = 5;
/** Half-length of the across-ridge band-pass (21 taps), in pixels. */
const ACROSS_RADIUS = 10;
/** Border added around the working frame so that no tap needs a bounds check. */
const PAD = Math.max(ALONG_RADIUS, ACROSS_RADIUS) + 1;
/** Ridge periods the band-pass is tuned to, in pixels at 500 dpi (4..16 px in 0.5-px steps). */
const MIN_PERIOD = 4;
const MAX_PERIOD = 16;
const PERIOD_STEP = 0.5;
const PERIOD_COUNT = Math.round((MAX_PERIOD - MIN_PERIOD) / PERIOD_STEP) + 1;
/** Half-length of the signature sampled across the ridges to measure the period. */
const SIGNATURE_RADIUS = 16;

/** Output of {@link enhanceRidges}. */
export interface RidgeEnhancement {
  /** Filter response per pixel: negative on ridges, positive in valleys, 0 outside the flagged region. */
  readonly response: Float32Array;
  /** Ridge period per block in pixels, measured or borrowed (NaN outside the processed area). */
  readonly period: Float32Array;
  /** 1 for blocks whose period was measured directly (a clarity signal for quality). */
  readonly periodMeasured: Uint8Array;
}

/** Integer tap offsets of a line through the origin with the given orientation (image coordinates). */
function lineOffsets(angle: number, radius: number): { dx: Int32Array; dy: Int32Array } {
  const dx = new Int32Array(2 * radius + 1);
  const dy = new Int32Array(2 * radius + 1);
  for (let k = -radius; k <= radius; k++) {
    dx[k + radius] = Math.round(k * Math.cos(angle));
    dy[k + radius] = Math.round(k * Math.sin(angle));
  }
  return { dx, dy };
}

/** Gaussian weights along the ridge, summing to 1. */
function alongWeights(): Float32Array {
  const w = new Float32Array(2 * ALONG_RADIUS + 1);
  let sum = 0;
  for (let k = -ALONG_RADIUS; k <= ALONG_RADIUS; k++) sum += w[k + ALONG_RADIUS] = Math.exp((-k * k) / (2 * ALONG_SIGMA ** 2));
  for (let k = 0; k < w.length; k++) w[k]! /= sum;
  return w;
}

/**
 * Band-pass across the ridge for one period: cosine under a Gaussian of sigma 0.5 period (at most 5.5 px), with
 * its mean removed so flat areas give 0. The envelope spans about two ridges each side: narrower lets noise
 * through, wider blurs minutiae.
 */
function acrossWeights(period: number): Float32Array {
  const sigma = Math.min(0.5 * period, 5.5);
  const n = 2 * ACROSS_RADIUS + 1;
  const envelope = new Float64Array(n);
  const w = new Float64Array(n);
  let envSum = 0;
  let sum = 0;
  for (let k = -ACROSS_RADIUS; k <= ACROSS_RADIUS; k++) {
    const e = Math.exp((-k * k) / (2 * sigma * sigma));
    envelope[k + ACROSS_RADIUS] = e;
    w[k + ACROSS_RADIUS] = e * Math.cos((2 * Math.PI * k) / period);
    envSum += e;
    sum += w[k + ACROSS_RADIUS]!;
  }
  const out = new Float32Array(n);
  let energy = 0;
  for (let k = 0; k < n; k++) {
    const v = w[k]! - (sum / envSum) * envelope[k]!;
    out[k] = v;
    energy += Math.abs(v);
  }
  for (let k = 0; k < n; k++) out[k]! /= energy;
  return out;
}

const ALONG = alongWeights();
const ACROSS = Array.from({ length: PERIOD_COUNT }, (_, p) => acrossWeights(MIN_PERIOD + p * PERIOD_STEP));
const ALONG_LINES = Array.from({ length: ORIENTATION_BINS }, (_, b) => lineOffsets((b * Math.PI) / ORIENTATION_BINS, ALONG_RADIUS));
const ACROSS_LINES = Array.from({ length: ORIENTATION_BINS }, (_, b) =>
  lineOffsets((b * Math.PI) / ORIENTATION_BINS + Math.PI / 2, ACROSS_RADIUS),
);
const SIGNATURE_LINES = Array.from({ length: ORIENTATION_BINS }, (_, b) =>
  lineOffsets((b * Math.PI) / ORIENTATION_BINS + Math.PI / 2, SIGNATURE_RADIUS),
);

/** Linear tap offsets in a padded frame of the given stride. */
function strideOffsets(line: { dx: Int32Array; dy: Int32Array }, stride: number): Int32Array {
  const out = new Int32Array(line.dx.length);
  for (let k = 0; k < out.length; k++) out[k] = line.dy[k]! * stride + line.dx[k]!;
  return out;
}

/**
 * Enhances ridges of an equalised image inside the blocks flagged in `region` (plus a two-block margin so that
 * filters near the edge see real data), following per-pixel orientation bins.
 */
export function enhanceRidges(
  values: Float32Array,
  bins: Uint8Array,
  region: Uint8Array,
  cols: number,
  rows: number,
  width: number,
  height: number,
): RidgeEnhancement {
  const stride = width + 2 * PAD;
  const paddedHeight = height + 2 * PAD;
  const padded = new Float32Array(stride * paddedHeight);
  for (let y = 0; y < height; y++) padded.set(values.subarray(y * width, (y + 1) * width), (y + PAD) * stride + PAD);

  const near = dilate(region, cols, rows, 2);
  const along = ALONG_LINES.map((l) => strideOffsets(l, stride));
  const across = ACROSS_LINES.map((l) => strideOffsets(l, stride));

  const blockOfX = new Int32Array(width);
  for (let x = 0; x < width; x++) blockOfX[x] = Math.floor(x / BLOCK_SIZE);

  // Pass 1: Gaussian along the ridge.
  const smoothed = new Float32Array(padded.length);
  const alongTaps = ALONG.length;
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / BLOCK_SIZE) * cols;
    for (let x = 0; x < width; x++) {
      if (near[row + blockOfX[x]!] !== 1) continue;
      const p = (y + PAD) * stride + x + PAD;
      const offsets = along[bins[y * width + x]!]!;
      let sum = 0;
      for (let k = 0; k < alongTaps; k++) sum += ALONG[k]! * padded[p + offsets[k]!]!;
      smoothed[p] = sum;
    }
  }

  const { period, periodMeasured } = ridgePeriods(smoothed, bins, near, cols, rows, width, height, stride);

  // Pass 2: band-pass across the ridge at the block's period, only where the result is used (the region itself).
  const response = new Float32Array(width * height);
  const acrossTaps = 2 * ACROSS_RADIUS + 1;
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / BLOCK_SIZE) * cols;
    for (let x = 0; x < width; x++) {
      const block = row + blockOfX[x]!;
      if (region[block] !== 1) continue;
      const p = (y + PAD) * stride + x + PAD;
      const weights = ACROSS[Math.round((period[block]! - MIN_PERIOD) / PERIOD_STEP)]!;
      const offsets = across[bins[y * width + x]!]!;
      let sum = 0;
      for (let k = 0; k < acrossTaps; k++) sum += weights[k]! * smoothed[p + offsets[k]!]!;
      response[y * width + x] = sum;
    }
  }
  return { response, period, periodMeasured };
}

/** Blocks within `radius` (Chebyshev) of a flagged block. */
function dilate(blocks: Uint8Array, cols: number, rows: number, radius: number): Uint8Array {
  const out = new Uint8Array(blocks.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (blocks[r * cols + c] !== 1) continue;
      for (let rr = Math.max(0, r - radius); rr <= Math.min(rows - 1, r + radius); rr++) {
        for (let cc = Math.max(0, c - radius); cc <= Math.min(cols - 1, c + radius); cc++) out[rr * cols + cc] = 1;
      }
    }
  }
  return out;
}

/**
 * Ridge period per block from zero crossings of the along-smoothed signal sampled across the ridges through the
 * block centre. Unmeasurable blocks take the mean of measured blocks within two blocks, else the median of all
 * measured blocks; the result is smoothed over 3x3 blocks and clamped to the filter bank's range.
 */
function ridgePeriods(
  smoothed: Float32Array,
  bins: Uint8Array,
  near: Uint8Array,
  cols: number,
  rows: number,
  width: number,
  height: number,
  stride: number,
): { period: Float32Array; periodMeasured: Uint8Array } {
  const blocks = cols * rows;
  const raw = new Float32Array(blocks).fill(Number.NaN);
  const measured = new Uint8Array(blocks);
  const signature = new Float32Array(2 * SIGNATURE_RADIUS + 1);
  const lines = SIGNATURE_LINES.map((l) => l);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const j = r * cols + c;
      if (near[j] !== 1) continue;
      const cx = Math.min(width - 1, c * BLOCK_SIZE + BLOCK_SIZE / 2);
      const cy = Math.min(height - 1, r * BLOCK_SIZE + BLOCK_SIZE / 2);
      const line = lines[bins[cy * width + cx]!]!;
      let mean = 0;
      let inside = 0;
      for (let k = 0; k < signature.length; k++) {
        const x = cx + line.dx[k]!;
        const y = cy + line.dy[k]!;
        const v = x >= 0 && x < width && y >= 0 && y < height ? smoothed[(y + PAD) * stride + x + PAD]! : Number.NaN;
        signature[k] = v;
        if (!Number.isNaN(v)) {
          mean += v;
          inside++;
        }
      }
      if (inside < signature.length) continue;
      mean /= inside;
      let first = -1;
      let last = -1;
      let crossings = 0;
      for (let k = 1; k < signature.length; k++) {
        const a = signature[k - 1]! - mean;
        const b = signature[k]! - mean;
        if ((a < 0 && b >= 0) || (a >= 0 && b < 0)) {
          const at = k - 1 + a / (a - b);
          if (first < 0) first = at;
          last = at;
          crossings++;
        }
      }
      if (crossings < 3) continue;
      const p = (2 * (last - first)) / (crossings - 1);
      if (p >= MIN_PERIOD && p <= MAX_PERIOD) {
        raw[j] = p;
        measured[j] = 1;
      }
    }
  }
  const valid: number[] = [];
  for (let j = 0; j < blocks; j++) if (measured[j] === 1) valid.push(raw[j]!);
  valid.sort((a, b) => a - b);
  const median = valid.length > 0 ? valid[Math.floor(valid.length / 2)]! : 9;
  const filled = new Float32Array(blocks).fill(Number.NaN);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const j = r * cols + c;
      if (near[j] !== 1) continue;
      if (measured[j] === 1) {
        filled[j] = raw[j]!;
        continue;
      }
      let sum = 0;
      let n = 0;
      for (let rr = Math.max(0, r - 2); rr <= Math.min(rows - 1, r + 2); rr++) {
        for (let cc = Math.max(0, c - 2); cc <= Math.min(cols - 1, c + 2); cc++) {
          if (measured[rr * cols + cc] === 1) {
            sum += raw[rr * cols + cc]!;
            n++;
          }
        }
      }
      filled[j] = n > 0 ? sum / n : median;
    }
  }
  const period = new Float32Array(blocks).fill(Number.NaN);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const j = r * cols + c;
      if (near[j] !== 1) continue;
      let sum = 0;
      let n = 0;
      for (let rr = Math.max(0, r - 1); rr <= Math.min(rows - 1, r + 1); rr++) {
        for (let cc = Math.max(0, c - 1); cc <= Math.min(cols - 1, c + 1); cc++) {
          const v = filled[rr * cols + cc]!;
          if (!Number.isNaN(v)) {
            sum += v;
            n++;
          }
        }
      }
      period[j] = Math.min(MAX_PERIOD, Math.max(MIN_PERIOD, sum / n));
    }
  }
  return { period, periodMeasured: measured };
}
