/**
 * Local contrast equalisation. Captures differ in pressure, dryness and illumination across the finger, so each
 * pixel is expressed in units of its neighbourhood's standard deviation around the neighbourhood mean: ridges
 * become negative, valleys positive, with comparable amplitude everywhere. The window (about three ridge periods)
 * is wide enough to hold both ridges and valleys and narrow enough to follow a pressure gradient.
 */
import { boxMean } from './box-filter.js';

/** Window radius in pixels at 500 dpi (31-px window, about 3.5 ridge periods). */
export const EQUALIZE_RADIUS = 15;

/** Standard deviation floor (grey levels) so that flat background is not amplified into noise. */
const MIN_DEVIATION = 6;

/** Largest magnitude kept, in local standard deviations; clipping keeps specks and scratches from dominating. */
const CLIP = 2.5;

/**
 * Equalises contrast of an 8-bit raster over {@link EQUALIZE_RADIUS} windows: (pixel - local mean) / local
 * standard deviation, clipped to ±2.5. Ridges come out negative.
 */
export function equalizeContrast(pixels: Uint8Array, width: number, height: number): Float32Array {
  const n = width * height;
  const squares = new Float32Array(n);
  for (let i = 0; i < n; i++) squares[i] = pixels[i]! * pixels[i]!;
  const mean = boxMean(Float32Array.from(pixels), width, height, EQUALIZE_RADIUS);
  const meanSquare = boxMean(squares, width, height, EQUALIZE_RADIUS, squares);
  const values = mean;
  for (let i = 0; i < n; i++) {
    const m = mean[i]!;
    const sd = Math.sqrt(Math.max(0, meanSquare[i]! - m * m));
    const v = (pixels[i]! - m) / (sd > MIN_DEVIATION ? sd : MIN_DEVIATION);
    values[i] = v > CLIP ? CLIP : v < -CLIP ? -CLIP : v;
  }
  return values;
}
