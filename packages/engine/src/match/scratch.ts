/**
 * Reusable working memory for comparisons. A comparison must not allocate (1:N search runs millions of them), so
 * the buffers live here, allocated once for the largest templates prepare() keeps (255 minutiae).
 * JavaScript runs one comparison at a time per thread and worker threads have their own module instances, so one
 * set of buffers per module is safe.
 */
import { MAX_PREPARED_MINUTIAE, MAX_ROOTS, NEIGHBOR_EDGES } from './match-parameters.js';

/** Working buffers shared by root finding and pairing growth. */
export interface MatchScratch {
  /** Local-structure agreement of probe minutia p and candidate minutia c at `p * candidateCount + c`. */
  votes: Float32Array;
  /** `stamp[p * candidateCount + c] === epoch` marks a pair already paired under an earlier root. */
  stamp: Uint32Array;
  epoch: number;
  rootProbe: Uint8Array;
  rootCandidate: Uint8Array;
  rootVote: Float32Array;
  /** Pairing: partner of each probe / candidate minutia, or -1. */
  probeToCandidate: Int16Array;
  candidateToProbe: Int16Array;
  /** Paired probe minutiae in pairing order. */
  pairedProbe: Uint8Array;
  /** Binary min-heap of candidate pairs keyed by edge mismatch. */
  heapProbe: Uint8Array;
  heapCandidate: Uint8Array;
  heapKey: Float32Array;
  /** The best pairing so far: its probe minutiae and their partners (a copy, so later roots can overwrite). */
  bestProbe: Uint8Array;
  bestCandidate: Uint8Array;
  /** Pairing extension (pairing-extension.ts): unpaired probe minutiae, their nearest paired ones and distances. */
  extensionOrder: Uint8Array;
  extensionAnchor: Uint8Array;
  extensionDistance: Float32Array;
}

const PAIRS = MAX_PREPARED_MINUTIAE * MAX_PREPARED_MINUTIAE;
// Every paired minutia pushes at most NEIGHBOR_EDGES² pairs, and at most MAX_PREPARED_MINUTIAE get paired.
const HEAP = MAX_PREPARED_MINUTIAE * NEIGHBOR_EDGES * NEIGHBOR_EDGES + 1;

let shared: MatchScratch | undefined;

/** Returns the module's scratch buffers, allocating them on first use (about 0.6 MB). */
export function matchScratch(): MatchScratch {
  shared ??= {
    votes: new Float32Array(PAIRS),
    stamp: new Uint32Array(PAIRS),
    epoch: 0,
    rootProbe: new Uint8Array(MAX_ROOTS),
    rootCandidate: new Uint8Array(MAX_ROOTS),
    rootVote: new Float32Array(MAX_ROOTS),
    probeToCandidate: new Int16Array(MAX_PREPARED_MINUTIAE),
    candidateToProbe: new Int16Array(MAX_PREPARED_MINUTIAE),
    pairedProbe: new Uint8Array(MAX_PREPARED_MINUTIAE),
    heapProbe: new Uint8Array(HEAP),
    heapCandidate: new Uint8Array(HEAP),
    heapKey: new Float32Array(HEAP),
    bestProbe: new Uint8Array(MAX_PREPARED_MINUTIAE),
    bestCandidate: new Uint8Array(MAX_PREPARED_MINUTIAE),
    extensionOrder: new Uint8Array(MAX_PREPARED_MINUTIAE),
    extensionAnchor: new Uint8Array(MAX_PREPARED_MINUTIAE),
    extensionDistance: new Float32Array(MAX_PREPARED_MINUTIAE),
  };
  return shared;
}
