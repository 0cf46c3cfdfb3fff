/**
 * Pairing growth from one root pair, best first (the approach of SourceAFIS and, before it, of graph-matching
 * minutiae matchers). Starting from the root, every edge of a paired probe minutia is compared with every edge of
 * its candidate partner; edges that agree in length and both relative angles propose their neighbours as a new
 * pair, queued by how badly they disagree. The best proposal whose minutiae are both still free is paired next.
 *
 * Because every proposal is checked against the local structure of an already paired neighbour rather than against
 * one global rotation and translation, the pairing follows elastic distortion across the print. An edge whose two
 * ends are already paired to each other "supports" the pairing: chance pairings collect few supporting edges.
 */
import type { PreparedTemplate } from './prepared-template.js';
import type { MatchScratch } from './scratch.js';
import * as parameters from './match-parameters.js';

// Module-local copies: imported bindings are live and some loaders compile them to getters (see root-pairs.ts).
const ANGLE_TOLERANCE = parameters.ANGLE_TOLERANCE;
const LENGTH_TOLERANCE_BASE = parameters.LENGTH_TOLERANCE_BASE;
const LENGTH_TOLERANCE_SLOPE = parameters.LENGTH_TOLERANCE_SLOPE;

/** What one grown pairing achieved; filled in place by {@link growPairing} to avoid allocation. */
export interface PairingStats {
  /** Paired minutiae, the root included. */
  paired: number;
  /** Edges between paired minutiae that agree in both templates, beyond those that created the pairs. */
  supporting: number;
  /** Pairs whose minutia types agree (ending with ending, bifurcation with bifurcation). */
  typeMatches: number;
  /** Sum over created pairs of the normalised mismatch (0..3) of the edge that created them. */
  mismatch: number;
  /** Pairs added by pairing-extension.ts beyond the grown ones (0 until extendPairing runs). */
  extended: number;
}

/** Returns a zeroed {@link PairingStats} for reuse. */
export function newPairingStats(): PairingStats {
  return { paired: 0, supporting: 0, typeMatches: 0, mismatch: 0, extended: 0 };
}

/**
 * Grows the pairing from the root (rootProbe, rootCandidate) and writes the result into `stats`. The pairing stays
 * in `scratch.probeToCandidate` / `candidateToProbe` until the next call; `scratch.pairedProbe[0 .. paired - 1]`
 * lists the paired probe minutiae.
 */
export function growPairing(
  probe: PreparedTemplate,
  candidate: PreparedTemplate,
  rootProbe: number,
  rootCandidate: number,
  scratch: MatchScratch,
  stats: PairingStats,
): void {
  const { probeToCandidate, candidateToProbe, pairedProbe, heapProbe, heapCandidate, heapKey } = scratch;
  probeToCandidate.fill(-1, 0, probe.count);
  candidateToProbe.fill(-1, 0, candidate.count);
  const { edgeStart: pStart, edgeTarget: pTo, edgeLength: pLength } = probe;
  const { edgeSourceAngle: pSource, edgeTargetAngle: pTarget } = probe;
  const { edgeStart: cStart, edgeTarget: cTo, edgeLength: cLength } = candidate;
  const { edgeSourceAngle: cSource, edgeTargetAngle: cTarget } = candidate;

  let paired = 0;
  let supporting = 0;
  let typeMatches = 0;
  let mismatch = 0;
  let heapSize = 0;

  let p = rootProbe;
  let c = rootCandidate;
  let key = 0;
  for (;;) {
    // Pair (p, c) and propose the neighbours whose edges agree.
    probeToCandidate[p] = c;
    candidateToProbe[c] = p;
    pairedProbe[paired++] = p;
    mismatch += key;
    if (probe.type[p] === candidate.type[c] && probe.type[p] !== 0) typeMatches++;

    const cFirst = cStart[c]!;
    const cEnd = cStart[c + 1]!;
    let cLow = cFirst;
    const pEnd = pStart[p + 1]!;
    for (let pe = pStart[p]!; pe < pEnd; pe++) {
      const pl = pLength[pe]!;
      // Both edge lists are sorted by length: skip candidate edges too short for this and every later probe edge.
      while (cLow < cEnd && cLength[cLow]! < pl - LENGTH_TOLERANCE_BASE - LENGTH_TOLERANCE_SLOPE * pl) cLow++;
      const pn = pTo[pe]!;
      const pnPartner = probeToCandidate[pn]!;
      for (let ce = cLow; ce < cEnd; ce++) {
        const cl = cLength[ce]!;
        const tol = LENGTH_TOLERANCE_BASE + LENGTH_TOLERANCE_SLOPE * (pl > cl ? pl : cl);
        if (cl - pl > tol) break;
        const dl = pl > cl ? pl - cl : cl - pl;
        if (dl > tol) continue;
        let da = (pSource[pe]! - cSource[ce]!) & 255;
        if (da > 128) da = 256 - da;
        if (da > ANGLE_TOLERANCE) continue;
        let db = (pTarget[pe]! - cTarget[ce]!) & 255;
        if (db > 128) db = 256 - db;
        if (db > ANGLE_TOLERANCE) continue;
        const cn = cTo[ce]!;
        if (pnPartner >= 0) {
          if (pnPartner === cn) supporting++;
          continue;
        }
        if (candidateToProbe[cn]! >= 0) continue;
        // Push (pn, cn) onto the min-heap.
        const k = dl / tol + (da + db) / ANGLE_TOLERANCE;
        let i = heapSize++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heapKey[parent]! <= k) break;
          heapKey[i] = heapKey[parent]!;
          heapProbe[i] = heapProbe[parent]!;
          heapCandidate[i] = heapCandidate[parent]!;
          i = parent;
        }
        heapKey[i] = k;
        heapProbe[i] = pn;
        heapCandidate[i] = cn;
      }
    }

    // Pop proposals until one pairs two free minutiae; proposals that became pairs meanwhile are support.
    let found = false;
    while (heapSize > 0) {
      const tp = heapProbe[0]!;
      const tc = heapCandidate[0]!;
      const tk = heapKey[0]!;
      heapSize--;
      if (heapSize > 0) {
        const lk = heapKey[heapSize]!;
        const lp = heapProbe[heapSize]!;
        const lc = heapCandidate[heapSize]!;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= heapSize) break;
          if (child + 1 < heapSize && heapKey[child + 1]! < heapKey[child]!) child++;
          if (heapKey[child]! >= lk) break;
          heapKey[i] = heapKey[child]!;
          heapProbe[i] = heapProbe[child]!;
          heapCandidate[i] = heapCandidate[child]!;
          i = child;
        }
        heapKey[i] = lk;
        heapProbe[i] = lp;
        heapCandidate[i] = lc;
      }
      const partner = probeToCandidate[tp]!;
      if (partner === tc) {
        supporting++;
        continue;
      }
      if (partner >= 0 || candidateToProbe[tc]! >= 0) continue;
      p = tp;
      c = tc;
      key = tk;
      found = true;
      break;
    }
    if (!found) break;
  }
  stats.paired = paired;
  stats.supporting = supporting;
  stats.typeMatches = typeMatches;
  stats.mismatch = mismatch;
  stats.extended = 0;
}
