/**
 * The raw similarity of one grown pairing. It rewards what chance pairings between different fingers rarely reach
 * together: many paired minutiae (grown ones, and at half weight those the extension added), a large fraction of
 * both templates paired, many supporting edges and agreeing minutia types. The raw value has no probabilistic
 * meaning by itself; calibration.ts maps it to false-match rate.
 */
import type { PairingStats } from './pairing.js';

/**
 * Weights of the raw score's terms, chosen on a coarse grid by the average EER over eight development sets (FVC2002
 * DB1-DB3 and FVC2004 DB1 B sets, each with our extractor's and a vendor's templates). The fraction term carries
 * most of the weight because it adapts to template size: a count of pairs means more between small templates.
 * Supporting edges separate chance pairings best after it; type agreement helps little (extractors confuse endings
 * and bifurcations under pressure changes).
 */
export const PAIRING_SCORE_WEIGHTS = {
  paired: 0.03,
  fraction: 14,
  supporting: 0.27,
  typeMatches: 0.3,
  /** An extended pair counts half a grown one: it agrees with one neighbour's motion, not with edges. */
  extended: 0.5,
} as const;

/** Raw score of a pairing between templates of `probeCount` and `candidateCount` minutiae. */
export function scorePairing(stats: PairingStats, probeCount: number, candidateCount: number): number {
  if (stats.paired < 2 || probeCount === 0 || candidateCount === 0) return 0;
  const w = PAIRING_SCORE_WEIGHTS;
  const m = stats.paired + w.extended * stats.extended;
  const fraction = (m / probeCount + m / candidateCount) / 2;
  return w.paired * m + w.fraction * fraction + w.supporting * stats.supporting + w.typeMatches * stats.typeMatches;
}
