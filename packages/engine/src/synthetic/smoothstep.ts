/**
 * The Hermite smoothstep, used wherever the synthetic prints need a soft edge (ridge borders, the silhouette, the
 * contact region): continuous with a continuous slope, so thresholds leave no aliasing staircase at 500 dpi.
 */

/** 0 at or below `lo`, 1 at or above `hi`, 3t² - 2t³ between (t the position between them). */
export function smoothstep(lo: number, hi: number, v: number): number {
  const t = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
  return t * t * (3 - 2 * t);
}
