/**
 * 1:1 minutiae matching: the score of a probe against a candidate, calibrated so that a score S means a
 * false-match rate of about 10^(-S/10) (see calibration.ts). Both templates are prepared once; each comparison
 * then finds root pairs through the probe's edge hash, grows a pairing from each root and keeps the best.
 */
import type { FingerprintTemplate } from '../template/template.js';
import { prepare } from './prepared-template.js';
import type { PreparedTemplate } from './prepared-template.js';
import { findRootPairs } from './root-pairs.js';
import { growPairing, newPairingStats } from './pairing.js';
import { scorePairing } from './pairing-score.js';
import { matchScratch } from './scratch.js';
import { calibrateRawScore } from './calibration.js';

const stats = newPairingStats();

/**
 * The uncalibrated similarity of two prepared templates: the best raw pairing score over all roots tried. Exposed
 * for calibration and evaluation tools; applications use {@link matchPrepared}.
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
  let best = 0;
  for (let r = 0; r < roots; r++) {
    const rp = rootProbe[r]!;
    const rc = rootCandidate[r]!;
    // A root already paired under an earlier root would regrow much the same pairing.
    if (stamp[rp * nc + rc] === epoch) continue;
    growPairing(probe, candidate, rp, rc, scratch, stats);
    const score = scorePairing(stats, probe.count, nc);
    if (score > best) best = score;
    for (let i = 0; i < stats.paired; i++) {
      const p = pairedProbe[i]!;
      stamp[p * nc + probeToCandidate[p]!] = epoch;
    }
  }
  return best;
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
