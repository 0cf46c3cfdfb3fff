/**
 * 1:1 minutiae matching: the score of a probe against a candidate, calibrated so that a score S means a
 * false-match rate of about 10^(-S/10) (see calibration.ts). Both templates are prepared once; each comparison
 * then finds root pairs through the probe's edge hash (root-pairs.ts), grows a pairing from each root along
 * agreeing neighbour edges (pairing.ts), keeps the best, extends it across distorted skin (pairing-extension.ts)
 * and scores it (pairing-score.ts).
 */
import type { FingerprintTemplate } from '../template/template.js';
import { prepare } from './prepared-template.js';
import type { PreparedTemplate } from './prepared-template.js';
import { findRootPairs } from './root-pairs.js';
import { growPairing, newPairingStats } from './pairing.js';
import { scorePairing } from './pairing-score.js';
import { extendPairing } from './pairing-extension.js';
import { matchScratch } from './scratch.js';
import { calibrateRawScore } from './calibration.js';

const stats = newPairingStats();
const bestStats = newPairingStats();

/**
 * The uncalibrated similarity of two prepared templates: the raw score of the best pairing over all roots tried,
 * after extension. Exposed for calibration and evaluation tools; applications use {@link matchPrepared}.
 */
export function matchPreparedRaw(probe: PreparedTemplate, candidate: PreparedTemplate): number {
  if (probe.count < 2 || candidate.count < 2) return 0;
  const scratch = matchScratch();
  const roots = findRootPairs(probe, candidate, scratch);
  if (roots === 0) return 0;
  const nc = candidate.count;
  // A new epoch invalidates every earlier stamp without clearing the array; on wrap-around, clear it once.
  if (++scratch.epoch === 0xffffffff) {
    scratch.stamp.fill(0);
    scratch.epoch = 1;
  }
  const epoch = scratch.epoch;
  const { stamp, rootProbe, rootCandidate, probeToCandidate, pairedProbe } = scratch;
  const { bestProbe, bestCandidate, candidateToProbe } = scratch;
  let best = 0;
  for (let r = 0; r < roots; r++) {
    const rp = rootProbe[r]!;
    const rc = rootCandidate[r]!;
    // A root already paired under an earlier root would regrow much the same pairing.
    if (stamp[rp * nc + rc] === epoch) continue;
    growPairing(probe, candidate, rp, rc, scratch, stats);
    const score = scorePairing(stats, probe.count, nc);
    const better = score > best;
    if (better) {
      best = score;
      bestStats.paired = stats.paired;
      bestStats.supporting = stats.supporting;
      bestStats.typeMatches = stats.typeMatches;
      bestStats.mismatch = stats.mismatch;
    }
    for (let i = 0; i < stats.paired; i++) {
      const p = pairedProbe[i]!;
      const c = probeToCandidate[p]!;
      stamp[p * nc + c] = epoch;
      if (better) {
        bestProbe[i] = p;
        bestCandidate[i] = c;
      }
    }
  }
  if (best === 0) return 0;
  // Only the winning pairing is extended, so the extension costs one pass per comparison. Later roots overwrote the
  // pairing arrays: restore them from the copy.
  probeToCandidate.fill(-1, 0, probe.count);
  candidateToProbe.fill(-1, 0, nc);
  for (let i = 0; i < bestStats.paired; i++) {
    pairedProbe[i] = bestProbe[i]!;
    probeToCandidate[bestProbe[i]!] = bestCandidate[i]!;
    candidateToProbe[bestCandidate[i]!] = bestProbe[i]!;
  }
  bestStats.extended = extendPairing(probe, candidate, bestStats.paired, scratch);
  return scorePairing(bestStats, probe.count, nc);
}

/**
 * Score of `candidate` against `probe`, calibrated to false-match rate: S means FMR ≈ 10^(-S/10), so 40 is one
 * false match in 10,000 impostor comparisons. 0 when either template has fewer than two minutiae. Allocates
 * nothing; deterministic.
 */
export function matchPrepared(probe: PreparedTemplate, candidate: PreparedTemplate): number {
  return calibrateRawScore(matchPreparedRaw(probe, candidate));
}

/** True for a {@link PreparedTemplate} (as opposed to a plain template). */
function isPrepared(t: FingerprintTemplate | PreparedTemplate): t is PreparedTemplate {
  return (t as PreparedTemplate).edgeStart instanceof Uint16Array;
}

/**
 * Convenience for one-off comparisons: prepares whichever side is not prepared yet, then {@link matchPrepared}.
 * Prefer preparing once when a template is compared more than once.
 */
export function match(a: FingerprintTemplate | PreparedTemplate, b: FingerprintTemplate | PreparedTemplate): number {
  return matchPrepared(isPrepared(a) ? a : prepare(a), isPrepared(b) ? b : prepare(b));
}
