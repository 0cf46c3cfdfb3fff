/**
 * Tolerances and limits of the minutiae matcher, in one place so that the code that builds prepared templates,
 * the code that finds root pairs and the code that grows pairings agree. Every distance is in pixels at 500 dpi
 * (the engine's frame) and every angle in byte-angle units (256 a turn, see byte-angle.ts).
 *
 * The values were chosen on the FVC2002 DB1-DB3 and FVC2004 DB1 B sets, with our extractor's templates and a
 * vendor's, looking at the average EER over all eight and not at any one; they are deliberately round: tolerances
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
export const LENGTH_TOLERANCE_SLOPE = 0.05;

/** Relative edge angles may differ by this much (8 units = 11.25 degrees). */
export const ANGLE_TOLERANCE = 8;

/** Edge-hash length bins: 16 px wide; the last bin holds every longer edge (rare: nine nearest neighbours). */
export const HASH_LENGTH_BIN = 16; // px
export const HASH_LENGTH_BINS = 16;
/**
 * Edge-hash angle bins: byte angle >> 4, 16 bins of 22.5 degrees. A bin must be at least 2 * ANGLE_TOLERANCE wide so
 * that a tolerance window spans at most two bins (probe-index.ts relies on it).
 */
export const HASH_ANGLE_SHIFT = 4;
export const HASH_ANGLE_BINS = 256 >> HASH_ANGLE_SHIFT;
/** Number of buckets in the probe's edge hash (probe-index.ts). */
export const HASH_BUCKETS = HASH_LENGTH_BINS * HASH_ANGLE_BINS * HASH_ANGLE_BINS;

/**
 * Root finding looks up only each candidate minutia's this-many shortest edges in the probe's hash (which holds all
 * NEIGHBOR_EDGES): short edges distort least, and the true root pairs still collect the most votes, while root
 * finding costs about half as much as with all nine.
 */
export const ROOT_LOOKUP_EDGES = 5;

/** Root pairs tried per comparison: the pairs whose local structures agree best. */
export const MAX_ROOTS = 10;

/**
 * Pairing extension (pairing-extension.ts): an unpaired minutia pairs with a free candidate minutia within
 * `EXTENSION_DISTANCE_BASE + EXTENSION_DISTANCE_SLOPE * d` px of where its nearest paired neighbour, d px away,
 * places it, and within EXTENSION_ANGLE_TOLERANCE in direction (20 units = 28 degrees).
 */
export const EXTENSION_DISTANCE_BASE = 10; // px
export const EXTENSION_DISTANCE_SLOPE = 0.15;
export const EXTENSION_ANGLE_TOLERANCE = 20;
