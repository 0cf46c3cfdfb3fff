/**
 * Tolerances and limits of the minutiae matcher, in one place so that the code that builds prepared templates,
 * the code that finds root pairs and the code that grows pairings agree. Every distance is in pixels at 500 dpi
 * (the engine's frame) and every angle in byte-angle units (256 a turn, see byte-angle.ts).
 *
 * The values were chosen on pooled FVC2002/FVC2004 development sets and are deliberately round: tolerances
 * describe how far skin stretches between two impressions, not any particular image.
 */

/** Templates keep at most this many minutiae (the best by quality), so indices fit a Uint8Array. */
export const MAX_PREPARED_MINUTIAE = 255;

/** Each minutia keeps edges to this many nearest neighbours: its local structure. */
export const NEIGHBOR_EDGES = 9;

/**
 * Edge lengths may differ by `LENGTH_TOLERANCE_BASE + LENGTH_TOLERANCE_SLOPE * length`: skin stretches, so a long
 * edge changes more in absolute terms than a short one.
 */
export const LENGTH_TOLERANCE_BASE = 8; // px
export const LENGTH_TOLERANCE_SLOPE = 0.08;

/** Relative edge angles may differ by this much (8 units = 11.25 degrees). */
export const ANGLE_TOLERANCE = 8;

/** Edge-hash length bins: 16 px wide; the last bin holds every longer edge. */
export const HASH_LENGTH_BIN = 16; // px
export const HASH_LENGTH_BINS = 16;
/** Edge-hash angle bins: byte angle >> 4, 16 bins of 22.5 degrees. Must exceed 2 * ANGLE_TOLERANCE. */
export const HASH_ANGLE_SHIFT = 4;
export const HASH_ANGLE_BINS = 256 >> HASH_ANGLE_SHIFT;
/** Number of buckets in a prepared template's edge hash. */
export const HASH_BUCKETS = HASH_LENGTH_BINS * HASH_ANGLE_BINS * HASH_ANGLE_BINS;

/** Root pairs tried per comparison: the pairs whose local structures agree best. */
export const MAX_ROOTS = 16;

/** How much two corresponding edges' lengths (px) may differ, given the longer of the two. */
export function lengthTolerance(length: number): number {
  return LENGTH_TOLERANCE_BASE + LENGTH_TOLERANCE_SLOPE * length;
}
