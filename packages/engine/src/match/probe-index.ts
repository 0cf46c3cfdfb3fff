/**
 * The probe's edge hash: every probe edge inserted into each bucket of (length, source angle, target angle) that a
 * matching candidate edge could fall in, so that looking up a candidate edge reads exactly one bucket. It is built
 * into module-level buffers for the most recent probe and reused while the same probe is compared again, which is
 * how 1:N search and evaluation loops call the matcher: a gallery of prepared candidates never carries a hash.
 * Entries copy the edge's features so the lookup loop reads memory sequentially.
 */
import type { PreparedTemplate } from './prepared-template.js';
import {
  ANGLE_TOLERANCE,
  HASH_ANGLE_BINS,
  HASH_ANGLE_SHIFT,
  HASH_BUCKETS,
  HASH_LENGTH_BIN,
  HASH_LENGTH_BINS,
  LENGTH_TOLERANCE_BASE,
  LENGTH_TOLERANCE_SLOPE,
  MAX_PREPARED_MINUTIAE,
  NEIGHBOR_EDGES,
} from './match-parameters.js';

/** The edge hash of one probe. Bucket b holds entries `start[b] .. start[b + 1] - 1`. */
export interface ProbeIndex {
  readonly start: Uint32Array;
  /** Probe minutiae at both ends of each entry's edge. */
  readonly source: Uint8Array;
  readonly target: Uint8Array;
  readonly length: Float32Array;
  readonly sourceAngle: Uint8Array;
  readonly targetAngle: Uint8Array;
}

/** Length bins an edge's tolerance window can span, and angle bins per angle (the window is narrower than a bin). */
const MAX_LENGTH_SPAN = 8;
const MAX_ENTRIES = MAX_PREPARED_MINUTIAE * NEIGHBOR_EDGES * MAX_LENGTH_SPAN * 2 * 2;

const index = {
  start: new Uint32Array(HASH_BUCKETS + 1),
  source: new Uint8Array(0),
  target: new Uint8Array(0),
  length: new Float32Array(0),
  sourceAngle: new Uint8Array(0),
  targetAngle: new Uint8Array(0),
};
const fill = new Uint32Array(HASH_BUCKETS);
let indexed: PreparedTemplate | undefined;

/** Hash bucket of a candidate edge (the lookup side reads one bucket). */
export function edgeHashBucket(length: number, sourceAngle: number, targetAngle: number): number {
  const l = length < HASH_LENGTH_BIN * HASH_LENGTH_BINS ? Math.floor(length / HASH_LENGTH_BIN) : HASH_LENGTH_BINS - 1;
  return (l * HASH_ANGLE_BINS + (sourceAngle >> HASH_ANGLE_SHIFT)) * HASH_ANGLE_BINS + (targetAngle >> HASH_ANGLE_SHIFT);
}

/**
 * Calls `emit` for every bucket an edge's tolerance window touches. Lengths L' match L when
 * |L - L'| <= base + slope * max(L, L'), which solves to [L - base - slope * L, (L + base) / (1 - slope)].
 */
function forEachBucket(length: number, a: number, b: number, emit: (bucket: number) => void): void {
  const low = length - LENGTH_TOLERANCE_BASE - LENGTH_TOLERANCE_SLOPE * length;
  const high = (length + LENGTH_TOLERANCE_BASE) / (1 - LENGTH_TOLERANCE_SLOPE);
  const l0 = Math.max(0, Math.floor(low / HASH_LENGTH_BIN));
  const l1 = Math.min(HASH_LENGTH_BINS - 1, Math.floor(high / HASH_LENGTH_BIN));
  const a0 = ((a - ANGLE_TOLERANCE) & 255) >> HASH_ANGLE_SHIFT;
  const a1 = ((a + ANGLE_TOLERANCE) & 255) >> HASH_ANGLE_SHIFT;
  const b0 = ((b - ANGLE_TOLERANCE) & 255) >> HASH_ANGLE_SHIFT;
  const b1 = ((b + ANGLE_TOLERANCE) & 255) >> HASH_ANGLE_SHIFT;
  for (let l = l0; l <= l1; l++) {
    // Angle windows may wrap past 255 back to 0, so walk bins cyclically from first to last.
    for (let ai = a0; ; ai = (ai + 1) % HASH_ANGLE_BINS) {
      for (let bi = b0; ; bi = (bi + 1) % HASH_ANGLE_BINS) {
        emit((l * HASH_ANGLE_BINS + ai) * HASH_ANGLE_BINS + bi);
        if (bi === b1) break;
      }
      if (ai === a1) break;
    }
  }
}

/** Returns the edge hash of `probe`, building it unless `probe` was the last probe indexed. */
export function probeIndex(probe: PreparedTemplate): ProbeIndex {
  if (indexed === probe) return index;
  const { edgeLength, edgeSourceAngle, edgeTargetAngle, edgeSource, edgeTarget } = probe;
  const edges = edgeLength.length;
  const start = index.start;
  start.fill(0);
  for (let e = 0; e < edges; e++) {
    forEachBucket(edgeLength[e]!, edgeSourceAngle[e]!, edgeTargetAngle[e]!, (bucket) => start[bucket + 1]!++);
  }
  for (let b = 0; b < HASH_BUCKETS; b++) start[b + 1]! += start[b]!;
  const total = start[HASH_BUCKETS]!;
  if (index.source.length < total) {
    // Grown with headroom, so that probes of similar size reuse the buffers instead of allocating their own.
    const size = Math.max(total, Math.min(MAX_ENTRIES, total * 4));
    index.source = new Uint8Array(size);
    index.target = new Uint8Array(size);
    index.length = new Float32Array(size);
    index.sourceAngle = new Uint8Array(size);
    index.targetAngle = new Uint8Array(size);
  }
  fill.set(start.subarray(0, HASH_BUCKETS));
  for (let e = 0; e < edges; e++) {
    forEachBucket(edgeLength[e]!, edgeSourceAngle[e]!, edgeTargetAngle[e]!, (bucket) => {
      const at = fill[bucket]!++;
      index.source[at] = edgeSource[e]!;
      index.target[at] = edgeTarget[e]!;
      index.length[at] = edgeLength[e]!;
      index.sourceAngle[at] = edgeSourceAngle[e]!;
      index.targetAngle[at] = edgeTargetAngle[e]!;
    });
  }
  indexed = probe;
  return index;
}
