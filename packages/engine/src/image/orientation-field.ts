/**
 * Ridge orientation field. Gradients are summed as doubled-angle vectors (gx² - gy², 2·gx·gy), which makes
 * opposite gradients across a ridge reinforce instead of cancel (Kass and Witkin 1987; Bazen and Gerez 2002).
 * Sums are taken per 8-px block over a 24-px window, which gives the coherence (how much one orientation
 * dominates) used by segmentation and quality, then smoothed over neighbouring blocks with contrast weighting,
 * so clear blocks correct noisy ones. Pixels get an orientation interpolated between block centres, quantised
 * into {@link ORIENTATION_BINS} bins for the oriented filters.
 *
 * Angles here are in image coordinates (x right, y down, angle from +x towards +y) and are orientations in
 * [0, π); conversion to the template's counter-clockwise convention happens only when minutiae are emitted.
 */

/** Block side in pixels at 500 dpi (a little under one ridge period). */
export const BLOCK_SIZE = 8;

/** Number of quantised orientations in [0, π) used by the oriented filters (5.6° steps). */
export const ORIENTATION_BINS = 32;

/** Orientation field on a grid of {@link BLOCK_SIZE} blocks plus per-pixel quantised orientations. */
export interface OrientationField {
  readonly cols: number;
  readonly rows: number;
  /** Smoothed doubled-angle unit vector of the ridge orientation per block (cos 2φ, sin 2φ). */
  readonly cos2: Float32Array;
  readonly sin2: Float32Array;
  /** Coherence 0..1 per block over a 24-px window, before smoothing: 1 for perfectly parallel ridges. */
  readonly coherence: Float32Array;
  /** Orientation per pixel as a bin in [0, ORIENTATION_BINS): angle = bin · π / ORIENTATION_BINS. */
  readonly pixelBins: Uint8Array;
}

/** Blocks averaged on each side when smoothing the field (radius 2 blocks: a 40-px neighbourhood). */
const SMOOTH_WEIGHTS = [1, 4, 6, 4, 1];

/** Computes the orientation field of an equalised image (ridges negative, values about ±1). */
export function orientationField(values: Float32Array, width: number, height: number): OrientationField {
  const cols = Math.ceil(width / BLOCK_SIZE);
  const rows = Math.ceil(height / BLOCK_SIZE);
  const blocks = cols * rows;
  const bxx = new Float64Array(blocks);
  const byy = new Float64Array(blocks);
  const bxy = new Float64Array(blocks);
  const blockOfX = new Int32Array(width);
  for (let x = 0; x < width; x++) blockOfX[x] = Math.floor(x / BLOCK_SIZE);
  // Sobel gradients, accumulated straight into their block to avoid per-pixel gradient arrays.
  for (let y = 1; y < height - 1; y++) {
    const by = Math.floor(y / BLOCK_SIZE) * cols;
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const a = values[i - width - 1]!;
      const b = values[i - width]!;
      const c = values[i - width + 1]!;
      const d = values[i - 1]!;
      const f = values[i + 1]!;
      const g = values[i + width - 1]!;
      const h = values[i + width]!;
      const k = values[i + width + 1]!;
      const gx = c + 2 * f + k - a - 2 * d - g;
      const gy = g + 2 * h + k - a - 2 * b - c;
      const block = by + blockOfX[x]!;
      bxx[block] += gx * gx;
      byy[block] += gy * gy;
      bxy[block] += gx * gy;
    }
  }
  // 3x3-block windows: raw doubled-angle vectors and coherence.
  const vx = new Float64Array(blocks);
  const vy = new Float64Array(blocks);
  const coherence = new Float32Array(blocks);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= rows) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = c + dc;
          if (cc < 0 || cc >= cols) continue;
          const j = rr * cols + cc;
          sxx += bxx[j]!;
          syy += byy[j]!;
          sxy += bxy[j]!;
        }
      }
      const j = r * cols + c;
      // The gradient's doubled angle is opposite to the ridge's, hence the sign flip.
      vx[j] = syy - sxx;
      vy[j] = -2 * sxy;
      const energy = sxx + syy;
      coherence[j] = energy > 1e-9 ? Math.hypot(sxx - syy, 2 * sxy) / energy : 0;
    }
  }
  const sx = smoothBlocks(vx, cols, rows);
  const sy = smoothBlocks(vy, cols, rows);
  const cos2 = new Float32Array(blocks);
  const sin2 = new Float32Array(blocks);
  for (let j = 0; j < blocks; j++) {
    const norm = Math.hypot(sx[j]!, sy[j]!);
    cos2[j] = norm > 1e-12 ? sx[j]! / norm : 1;
    sin2[j] = norm > 1e-12 ? sy[j]! / norm : 0;
  }
  return { cols, rows, cos2, sin2, coherence, pixelBins: pixelOrientations(sx, sy, cols, rows, width, height) };
}

/** Separable [1 4 6 4 1] smoothing over blocks, clipped at the grid border. */
function smoothBlocks(values: Float64Array, cols: number, rows: number): Float64Array {
  const tmp = new Float64Array(values.length);
  const out = new Float64Array(values.length);
  const half = (SMOOTH_WEIGHTS.length - 1) / 2;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let k = -half; k <= half; k++) {
        const cc = c + k;
        if (cc >= 0 && cc < cols) sum += SMOOTH_WEIGHTS[k + half]! * values[r * cols + cc]!;
      }
      tmp[r * cols + c] = sum;
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let k = -half; k <= half; k++) {
        const rr = r + k;
        if (rr >= 0 && rr < rows) sum += SMOOTH_WEIGHTS[k + half]! * tmp[rr * cols + c]!;
      }
      out[r * cols + c] = sum;
    }
  }
  return out;
}

/**
 * Bilinear interpolation of the doubled-angle vectors between block centres, quantised per 2x2-pixel cell: at
 * 5.6° per bin the orientation hardly changes within a cell, and a quarter of the arctangents saves time.
 */
function pixelOrientations(
  vx: Float64Array,
  vy: Float64Array,
  cols: number,
  rows: number,
  width: number,
  height: number,
): Uint8Array {
  const bins = new Uint8Array(width * height);
  const half = (BLOCK_SIZE - 1) / 2;
  const binScale = ORIENTATION_BINS / Math.PI;
  for (let y = 0; y < height; y += 2) {
    const fy = Math.min(rows - 1, Math.max(0, (y + 0.5 - half) / BLOCK_SIZE));
    const r = Math.max(0, Math.min(rows - 2, Math.floor(fy)));
    const r1 = Math.min(rows - 1, r + 1);
    const ty = fy - r;
    for (let x = 0; x < width; x += 2) {
      const fx = Math.min(cols - 1, Math.max(0, (x + 0.5 - half) / BLOCK_SIZE));
      const c = Math.max(0, Math.min(cols - 2, Math.floor(fx)));
      const c1 = Math.min(cols - 1, c + 1);
      const tx = fx - c;
      const i00 = r * cols + c;
      const i01 = r * cols + c1;
      const i10 = r1 * cols + c;
      const i11 = r1 * cols + c1;
      const ax = (1 - ty) * ((1 - tx) * vx[i00]! + tx * vx[i01]!) + ty * ((1 - tx) * vx[i10]! + tx * vx[i11]!);
      const ay = (1 - ty) * ((1 - tx) * vy[i00]! + tx * vy[i01]!) + ty * ((1 - tx) * vy[i10]! + tx * vy[i11]!);
      let angle = 0.5 * Math.atan2(ay, ax);
      if (angle < 0) angle += Math.PI;
      const bin = Math.round(angle * binScale) % ORIENTATION_BINS;
      const i = y * width + x;
      bins[i] = bin;
      if (x + 1 < width) bins[i + 1] = bin;
      if (y + 1 < height) {
        bins[i + width] = bin;
        if (x + 1 < width) bins[i + width + 1] = bin;
      }
    }
  }
  return bins;
}
