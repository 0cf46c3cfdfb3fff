/**
 * Sizes and tolerances of the 1:N gallery and its candidate index, in one place so that the gallery's memory layout,
 * the code that writes index codes and the workers that read them agree. Distances are pixels at 500 dpi, angles
 * byte angles (256 a turn; match/byte-angle.ts), as everywhere in the engine.
 *
 * The index values were chosen on the FVC2002 DB1-DB3 and FVC2004 DB1 B sets (our extractor): impression 1 of a
 * finger enrolled, impressions 2-8 as probes, against every other finger of the same set (IDENTIFY.md, "Index").
 */

/** Minutiae kept per enrolled finger, the best by quality (FVC extractions hold 9-62; the extractor keeps <= 100). */
export const MAX_GALLERY_MINUTIAE = 64;

/** Index codes kept per enrolled finger: small triangles (short edges distort least) spread over the print (fingerCodes). */
export const MAX_FINGER_CODES = 128;

/** Fingers one subject may hold: ISO/IEC 19794-2 finger positions 1..10. */
export const MAX_SUBJECT_FINGERS = 10;

/**
 * Finger records per shared-memory chunk. A subject's records never straddle two chunks, so a worker scans each
 * chunk with local indices. 65,536 records are about 45 MB.
 */
export const CHUNK_RECORDS = 65_536;

/** Neighbours of each minutia whose pairs form the enrolled finger's triangles (4 neighbours: 6 triangles). */
export const GALLERY_TRIANGLE_NEIGHBOURS = 4;
/**
 * Neighbours on the probe side: one more than the gallery's, so that a spurious or missed minutia in either print
 * still leaves the enrolled triangle among the probe's.
 */
export const PROBE_TRIANGLE_NEIGHBOURS = 5;
/** Neighbours farther than this do not form triangles (px; nine-neighbour edges are rarely longer). */
export const MAX_TRIANGLE_SIDE = 180; // px

/** Triangle side lengths are binned 8 px wide into 16 bins (the last holds every longer side). */
export const SIDE_BIN = 8; // px
export const SIDE_BINS = 16;
/** Side-length tolerance on the probe side: base + slope · length, as skin stretches (match-parameters.ts). */
export const SIDE_TOLERANCE_BASE = 5; // px
export const SIDE_TOLERANCE_SLOPE = 0.06;
/** Minutia directions relative to a side: 16 bins of 22.5 degrees (byte angle >> 4). */
export const DIRECTION_BIN_SHIFT = 4;
/** The angle between the two sides at the apex, 0..127 byte units: 8 bins of 22.5 degrees. */
export const APEX_BIN_SHIFT = 4;
/** Angle tolerance on the probe side: 8 units = 11.25 degrees, as the matcher's (ANGLE_TOLERANCE). */
export const INDEX_ANGLE_TOLERANCE = 8;

/**
 * Triangle features are hashed into 2^20 cells, so the probe's cell bitmap is 128 KB and stays in the core's cache
 * while the gallery's codes stream past it.
 */
export const CODE_BITS = 20;
export const CODE_CELLS = 1 << CODE_BITS;

/**
 * The index's second stage (pose-votes.ts): the share of each worker's subjects, best by index z-score, whose hits
 * are checked for a consistent pose (at least the shortlist).
 */
export const POSE_STAGE_FRACTION = 0.05;
/** Hits agree on a pose when their rotations differ by at most this (byte angle: 8 = 11.25°, as the matcher's)... */
export const POSE_ANGLE_TOLERANCE = 8;
/** ...and the gallery apexes, so rotated, land within this distance of each other's shift (px). */
export const POSE_SHIFT_TOLERANCE = 20;
/** Weight of a pose-consistent hit against one unit of the subject's index z-score. */
export const POSE_HIT_WEIGHT = 2;
/** Votes considered per finger (a finger with more hits than this is counted on its first ones). */
export const MAX_POSE_VOTES = 128;

/**
 * Subjects passed from the index to full matching when a search does not say (`shortlist`): at least
 * {@link DEFAULT_SHORTLIST}, and {@link DEFAULT_PENETRATION} of the gallery above 400,000 subjects (1,000 at a
 * million), where the last mates the index ranks lower than 400th are still found (IDENTIFY.md).
 */
export const DEFAULT_SHORTLIST = 400;
export const DEFAULT_PENETRATION = 0.001;

/** The shortlist a search of a gallery of `subjects` uses when it does not say. */
export function defaultShortlist(subjects: number): number {
  return Math.max(DEFAULT_SHORTLIST, Math.ceil(subjects * DEFAULT_PENETRATION));
}
