/**
 * Root pairs: the probe/candidate minutia pairs whose local structures agree best, from which pairings are grown.
 * Every candidate edge is looked up in the probe's edge hash; each edge that matches within tolerance is a vote
 * for both of its end pairs, weighted by how well it matches. A true correspondence collects votes from most of
 * its neighbours, a chance one from few, so the highest-voted pairs are the roots worth trying.
 */
import type { PreparedTemplate } from './prepared-template.js';
import { edgeHashBucket, probeIndex } from './probe-index.js';
import type { MatchScratch } from './scratch.js';
import * as parameters from './match-parameters.js';

// Module-local copies: imported bindings are live and some loaders compile them to getters, which the hot loops
// below would call millions of times.
const ANGLE_TOLERANCE = parameters.ANGLE_TOLERANCE;
const LENGTH_TOLERANCE_BASE = parameters.LENGTH_TOLERANCE_BASE;
const LENGTH_TOLERANCE_SLOPE = parameters.LENGTH_TOLERANCE_SLOPE;
const MAX_ROOTS = parameters.MAX_ROOTS;
const ROOT_LOOKUP_EDGES = parameters.ROOT_LOOKUP_EDGES;
const bucketOf = edgeHashBucket;

/**
 * Fills `scratch.votes` for the pair of templates and writes the best roots, highest vote first, into
 * `scratch.rootProbe/rootCandidate/rootVote`. Returns the number of roots (0 when no edge agrees).
 */
export function findRootPairs(probe: PreparedTemplate, candidate: PreparedTemplate, scratch: MatchScratch): number {
  const nc = candidate.count;
  const votes = scratch.votes;
  votes.fill(0, 0, probe.count * nc);
  const index = probeIndex(probe);
  const { start, source: pFrom, target: pTo, length: pLength, sourceAngle: pSource, targetAngle: pTarget } = index;
  const { edgeLength: cLength, edgeSourceAngle: cSource, edgeTargetAngle: cTarget } = candidate;
  const { edgeTarget: cTo, edgeStart: cStart } = candidate;
  for (let c = 0; c < nc; c++) {
    const lookupEnd = Math.min(cStart[c + 1]!, cStart[c]! + ROOT_LOOKUP_EDGES);
    for (let ce = cStart[c]!; ce < lookupEnd; ce++) {
      const length = cLength[ce]!;
      const sa = cSource[ce]!;
      const ta = cTarget[ce]!;
      const bucket = bucketOf(length, sa, ta);
      const end = start[bucket + 1]!;
      const ct = cTo[ce]!;
      // |pl - length| <= base + slope * max(pl, length) solved for pl; buckets are sorted by length.
      const low = length - LENGTH_TOLERANCE_BASE - LENGTH_TOLERANCE_SLOPE * length;
      const high = (length + LENGTH_TOLERANCE_BASE) / (1 - LENGTH_TOLERANCE_SLOPE);
      for (let h = start[bucket]!; h < end; h++) {
        const pl = pLength[h]!;
        if (pl < low) continue;
        if (pl > high) break;
        const dl = pl > length ? pl - length : length - pl;
        const tol = LENGTH_TOLERANCE_BASE + LENGTH_TOLERANCE_SLOPE * (pl > length ? pl : length);
        if (dl > tol) continue; // only where rounding puts pl at the very edge of [low, high]
        let da = (pSource[h]! - sa) & 255;
        if (da > 128) da = 256 - da;
        if (da > ANGLE_TOLERANCE) continue;
        let db = (pTarget[h]! - ta) & 255;
        if (db > 128) db = 256 - db;
        if (db > ANGLE_TOLERANCE) continue;
        // 1 for a perfect match, falling linearly to 0 at the edge of every tolerance.
        const w = 1 - (dl / tol + da / ANGLE_TOLERANCE + db / ANGLE_TOLERANCE) / 3;
        votes[pFrom[h]! * nc + c]! += w;
        votes[pTo[h]! * nc + ct]! += w;
      }
    }
  }
  return selectRoots(probe.count * nc, nc, scratch);
}

/** Keeps the MAX_ROOTS highest votes by insertion into a short sorted list; ties go to the lower index. */
function selectRoots(pairs: number, nc: number, scratch: MatchScratch): number {
  const { votes, rootProbe, rootCandidate, rootVote } = scratch;
  let count = 0;
  for (let i = 0; i < pairs; i++) {
    const v = votes[i]!;
    if (v <= 0 || (count === MAX_ROOTS && v <= rootVote[count - 1]!)) continue;
    let at = count < MAX_ROOTS ? count++ : count - 1;
    while (at > 0 && rootVote[at - 1]! < v) {
      rootVote[at] = rootVote[at - 1]!;
      rootProbe[at] = rootProbe[at - 1]!;
      rootCandidate[at] = rootCandidate[at - 1]!;
      at--;
    }
    rootVote[at] = v;
    rootProbe[at] = Math.floor(i / nc);
    rootCandidate[at] = i - rootProbe[at]! * nc;
  }
  return count;
}
