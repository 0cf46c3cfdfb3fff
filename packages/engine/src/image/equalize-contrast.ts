/**
 * Local contrast equalisation. Captures differ in pressure, dryness and illumination across the finger, so each
 * pixel is expressed in units of its neighbourhood's standard deviation around the neighbourhood mean: ridges
 * become negative, valleys positive, with comparable amplitude everywhere. The window (about three ridge periods)
 * is wide enough to hold both ridges and valleys and narrow enough to follow a pressure gradient.
 *
 * Window sums of grey levels and of their squares are separable running sums in 32-bit integers (exact: a 31x31
 * window of 255² is under 2^26), two additions and two subtractions per pixel and pass whatever the radius.
 */

/** Window radius in pixels at 500 dpi (31-px window, about 3.5 ridge periods). */
export const EQUALIZE_RADIUS = 15;

/** Standard deviation floor (grey levels) so that flat background is not amplified into noise. */
const MIN_DEVIATION = 6;

/** Largest magnitude kept, in local standard deviations; clipping keeps specks and scratches from dominating. */
const CLIP = 2.5;

/**
 * Equalises contrast of an 8-bit raster over {@link EQUALIZE_RADIUS} windows (clipped at the border):
 * (pixel - local mean) / local standard deviation, clipped to ±2.5. Ridges come out negative.
 */
export function equalizeContrast(pixels: Uint8Array, width: number, height: number): Float32Array {
  const r = EQUALIZE_RADIUS;
  const n = width * height;
  const rowSum = new Int32Array(n);
  const rowSquares = new Int32Array(n);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    let sum = 0;
    let squares = 0;
    for (let x = 0; x < Math.min(width, r); x++) {
      const v = pixels[base + x]!;
      sum += v;
      squares += v * v;
    }
    for (let x = 0; x < width; x++) {
      if (x + r < width) {
        const v = pixels[base + x + r]!;
        sum += v;
        squares += v * v;
      }
      if (x - r - 1 >= 0) {
        const v = pixels[base + x - r - 1]!;
        sum -= v;
        squares -= v * v;
      }
      rowSum[base + x] = sum;
      rowSquares[base + x] = squares;
    }
  }
  const inverseXCount = new Float64Array(width);
  for (let x = 0; x < width; x++) inverseXCount[x] = 1 / (Math.min(width - 1, x + r) - Math.max(0, x - r) + 1);
  const columnSum = new Int32Array(width);
  const columnSquares = new Int32Array(width);
  for (let y = 0; y < Math.min(height, r); y++) {
    for (let x = 0; x < width; x++) {
      columnSum[x] += rowSum[y * width + x]!;
      columnSquares[x] += rowSquares[y * width + x]!;
    }
  }
  const values = new Float32Array(n);
  for (let y = 0; y < height; y++) {
    const add = y + r < height ? (y + r) * width : -1;
    const remove = y - r - 1 >= 0 ? (y - r - 1) * width : -1;
    const inverseYCount = 1 / (Math.min(height - 1, y + r) - Math.max(0, y - r) + 1);
    const base = y * width;
    for (let x = 0; x < width; x++) {
      let sum = columnSum[x]!;
      let squares = columnSquares[x]!;
      if (add >= 0) {
        sum += rowSum[add + x]!;
        squares += rowSquares[add + x]!;
      }
      if (remove >= 0) {
        sum -= rowSum[remove + x]!;
        squares -= rowSquares[remove + x]!;
      }
      columnSum[x] = sum;
      columnSquares[x] = squares;
      const scale = inverseYCount * inverseXCount[x]!;
      const mean = sum * scale;
      const variance = squares * scale - mean * mean;
      const sd = variance > MIN_DEVIATION * MIN_DEVIATION ? Math.sqrt(variance) : MIN_DEVIATION;
      const v = (pixels[base + x]! - mean) / sd;
      values[base + x] = v > CLIP ? CLIP : v < -CLIP ? -CLIP : v;
    }
  }
  return values;
}
