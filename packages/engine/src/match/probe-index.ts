/**
 * The probe's edge hash: every probe edge inserted into each bucket of (length, source angle, target angle) that a
 * matching candidate edge could fall in, so that looking up a candidate edge reads exactly one bucket. Entries copy
 * the edge's features so the lookup loop reads memory sequentially.
 *
 * The hash is built the first time a template is used as a probe and kept with it (in a WeakMap, so it goes when
 * the template goes): about 25 KB for a 30-minutia template, several times the prepared template itself. Building it
 * lazily means that a 1:N gallery of prepared candidates never carries one, while 1:1 comparisons that alternate
 * probes, as verification and the FVC protocol do, still build each template's hash only once.
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

/** The edge hash of one probe. Bucket b holds entries `start[b] .. start[b + 1] - 1`, sorted by length. */
export interface ProbeIndex {
  readonly start: Uint16Array;
  /** Probe minutiae at both ends of each entry's edge. */
  readonly source: Uint8Array;
  readonly target: Uint8Array;
  readonly length: Float32Array;
  readonly sourceAngle: Uint8Array;
  readonly targetAngle: Uint8Array;
}

/**
 * Length bins an edge's tolerance window can span (at most 2 · (base + slope · 256) / (1 - slope) / 16 + 1 = 4 for
 * the longest edges; 8 leaves room for other parameters), times two bins for each angle.
 */
const MAX_LENGTH_SPAN = 8;
const MAX_BUCKETS_PER_EDGE = MAX_LENGTH_SPAN * 2 * 2;

if (2 * ANGLE_TOLERANCE > 256 / HASH_ANGLE_BINS) {
  throw new Error('match-parameters: an angle tolerance window must not span more than two hash bins');
}

const indexes = new WeakMap<PreparedTemplate, ProbeIndex>();
// The last probe and its index: 1:N search compares one probe with every candidate, so skip even the WeakMap.
let lastProbe: PreparedTemplate | undefined;
let lastIndex: ProbeIndex | undefined;
const counts = new Uint32Array(HASH_BUCKETS + 1);

/** Hash bucket of a candidate edge (the lookup side reads one bucket). */
export function edgeHashBucket(length: number, sourceAngle: number, targetAngle: number): number {
  const l = length < HASH_LENGTH_BIN * HASH_LENGTH_BINS ? Math.floor(length / HASH_LENGTH_BIN) : HASH_LENGTH_BINS - 1;
  const a = sourceAngle >> HASH_ANGLE_SHIFT;
  const b = targetAngle >> HASH_ANGLE_SHIFT;
  return (l * HASH_ANGLE_BINS + a) * HASH_ANGLE_BINS + b;
}

/** Buckets each probe edge is inserted in, kept between the counting and the filling pass of a build. */
const edgeBuckets = new Uint16Array(MAX_PREPARED_MINUTIAE * NEIGHBOR_EDGES * MAX_BUCKETS_PER_EDGE);
const edgeBucketCount = new Uint8Array(MAX_PREPARED_MINUTIAE * NEIGHBOR_EDGES);

/**
 * Writes the buckets an edge's tolerance window touches to `edgeBuckets` from `at` and returns how many. Lengths L'
 * match L when |L - L'| <= base + slope * max(L, L'), which solves to [L - base - slope * L, (L + base) / (1 - slope)].
 * The angle windows (2 * ANGLE_TOLERANCE + 1 units) are narrower than a bin, so each spans one bin or two
 * neighbouring ones, wrapping from the last bin to the first.
 */
function edgeBucketsOf(length: number, a: number, b: number, at: number): number {
  const low = length - LENGTH_TOLERANCE_BASE - LENGTH_TOLERANCE_SLOPE * length;
  const high = (length + LENGTH_TOLERANCE_BASE) / (1 - LENGTH_TOLERANCE_SLOPE);
  const l0 = Math.max(0, Math.floor(low / HASH_LENGTH_BIN));
  const l1 = Math.min(HASH_LENGTH_BINS - 1, Math.floor(high / HASH_LENGTH_BIN));
  const a0 = ((a - ANGLE_TOLERANCE) & 255) >> HASH_ANGLE_SHIFT;
  const a1 = ((a + ANGLE_TOLERANCE) & 255) >> HASH_ANGLE_SHIFT;
  const b0 = ((b - ANGLE_TOLERANCE) & 255) >> HASH_ANGLE_SHIFT;
  const b1 = ((b + ANGLE_TOLERANCE) & 255) >> HASH_ANGLE_SHIFT;
  let n = 0;
  for (let l = l0; l <= l1; l++) {
    const la0 = (l * HASH_ANGLE_BINS + a0) * HASH_ANGLE_BINS;
    edgeBuckets[at + n++] = la0 + b0;
    if (b1 !== b0) edgeBuckets[at + n++] = la0 + b1;
    if (a1 !== a0) {
      const la1 = (l * HASH_ANGLE_BINS + a1) * HASH_ANGLE_BINS;
      edgeBuckets[at + n++] = la1 + b0;
      if (b1 !== b0) edgeBuckets[at + n++] = la1 + b1;
    }
  }
  return n;
}

/** Returns the edge hash of `probe`, building it on the probe's first use. */
export function probeIndex(probe: PreparedTemplate): ProbeIndex {
  if (lastProbe === probe) return lastIndex!;
  let index = indexes.get(probe);
  if (index === undefined) {
    index = buildProbeIndex(probe);
    indexes.set(probe, index);
  }
  lastProbe = probe;
  lastIndex = index;
  return index;
}

/** A counting sort of the edges' bucket entries: two passes over the edges, one over the buckets. */
function buildProbeIndex(probe: PreparedTemplate): ProbeIndex {
  const { edgeLength, edgeSourceAngle, edgeTargetAngle, edgeSource, edgeTarget } = probe;
  const edges = edgeLength.length;
  counts.fill(0);
  for (let e = 0, at = 0; e < edges; e++, at += MAX_BUCKETS_PER_EDGE) {
    const n = edgeBucketsOf(edgeLength[e]!, edgeSourceAngle[e]!, edgeTargetAngle[e]!, at);
    edgeBucketCount[e] = n;
    for (let k = 0; k < n; k++) counts[edgeBuckets[at + k]! + 1]!++;
  }
  for (let b = 0; b < HASH_BUCKETS; b++) counts[b + 1]! += counts[b]!;
  const total = counts[HASH_BUCKETS]!;
  // At most 255 minutiae x 9 edges x 16 buckets = 36,720 entries, so bucket offsets fit 16 bits.
  const start = Uint16Array.from(counts);
  const source = new Uint8Array(total);
  const target = new Uint8Array(total);
  const length = new Float32Array(total);
  const sourceAngle = new Uint8Array(total);
  const targetAngle = new Uint8Array(total);
  for (let e = 0, at = 0; e < edges; e++, at += MAX_BUCKETS_PER_EDGE) {
    const n = edgeBucketCount[e]!;
    for (let k = 0; k < n; k++) {
      const slot = counts[edgeBuckets[at + k]!]!++;
      source[slot] = edgeSource[e]!;
      target[slot] = edgeTarget[e]!;
      length[slot] = edgeLength[e]!;
      sourceAngle[slot] = edgeSourceAngle[e]!;
      targetAngle[slot] = edgeTargetAngle[e]!;
    }
  }
  // Each bucket sorted by length, so a lookup can skip to its length window and stop after it (insertion sort:
  // buckets hold a few entries).
  for (let b = 0; b < HASH_BUCKETS; b++) {
    const first = start[b]!;
    const end = start[b + 1]!;
    for (let i = first + 1; i < end; i++) {
      const l = length[i]!;
      const s = source[i]!;
      const t = target[i]!;
      const sa = sourceAngle[i]!;
      const ta = targetAngle[i]!;
      let j = i;
      while (j > first && length[j - 1]! > l) {
        length[j] = length[j - 1]!;
        source[j] = source[j - 1]!;
        target[j] = target[j - 1]!;
        sourceAngle[j] = sourceAngle[j - 1]!;
        targetAngle[j] = targetAngle[j - 1]!;
        j--;
      }
      length[j] = l;
      source[j] = s;
      target[j] = t;
      sourceAngle[j] = sa;
      targetAngle[j] = ta;
    }
  }
  return { start, source, target, length, sourceAngle, targetAngle };
}
