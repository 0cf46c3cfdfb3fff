/**
 * The ridge period map of a master print: the distance between neighbouring ridges, in pixels at 500 dpi. Adult
 * fingers have 8-11 px ridge periods at 500 dpi (about 0.4-0.55 mm; Maltoni et al., Handbook of Fingerprint
 * Recognition, 2nd ed., 2009, chapter 3). SFinGe draws the frequency map from the observation that ridges are
 * sparser above the northernmost singular point and below the southernmost one than between them (Cappelli, Erol,
 * Maio, Maltoni, ICPR 2000); we follow that, and add a smooth random variation across the finger.
 */
import type { FingertipShape } from './fingertip-mask.js';
import type { Prng } from './prng.js';
import type { SingularPoint } from './singular-points.js';
import { fractalNoise } from './smooth-noise.js';

/** The shortest and longest ridge period a master print can have, in pixels. */
export const MIN_RIDGE_PERIOD = 8;
export const MAX_RIDGE_PERIOD = 11;

/**
 * A width x height map of ridge periods in [{@link MIN_RIDGE_PERIOD}, {@link MAX_RIDGE_PERIOD}] px: a base period
 * of 8.3-9.6 px, 0.4-1.1 px longer far above the highest and far below the lowest singular point (the middle of
 * the silhouette for an arch), ±0.5 px of smooth noise with 90-150 px cells.
 */
export function ridgePeriodMap(
  width: number,
  height: number,
  shape: FingertipShape,
  singularities: readonly SingularPoint[],
  prng: Prng,
): Float32Array {
  const base = prng.range(8.3, 9.6);
  const sparser = prng.range(0.4, 1.1);
  let highest = shape.cy;
  let lowest = shape.cy;
  if (singularities.length > 0) {
    highest = Math.min(...singularities.map((s) => s.y));
    lowest = Math.max(...singularities.map((s) => s.y));
  }
  const ramp = 80; // px over which ridges reach their sparser period beyond the singular points
  const noise = fractalNoise(width, height, prng.range(90, 150), 2, prng);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const beyond = y < highest ? (highest - y) / ramp : y > lowest ? (y - lowest) / ramp : 0;
    const w = Math.min(1, beyond);
    const rowPeriod = base + sparser * w * w * (3 - 2 * w);
    for (let x = 0; x < width; x++) {
      const p = rowPeriod + 0.5 * noise[y * width + x];
      out[y * width + x] = Math.min(MAX_RIDGE_PERIOD, Math.max(MIN_RIDGE_PERIOD, p));
    }
  }
  return out;
}
