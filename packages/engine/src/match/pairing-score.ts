/**
 * The raw similarity of one grown pairing. It rewards what chance pairings between different fingers rarely reach
 * together: many paired minutiae, a large fraction of both templates paired, many supporting edges and agreeing
 * minutia types. The raw value has no probabilistic meaning by itself; calibration.ts maps it to false-match rate.
 */
import type { PairingStats } from './pairing.js';

/** Weights of the raw score's terms, fitted on pooled impostor and genuine pairs of several FVC sets. */
export const PAIRING_SCORE_WEIGHTS = {
  paired: 0.03,
  fraction: 9,
  supporting: 0.27,
  typeMatches: 0.6,
} as const;

/** Raw score of a pairing between templates of `probeCount` and `candidateCount` minutiae. */
export function scorePairing(stats: PairingStats, probeCount: number, candidateCount: number): number {
  const m = stats.paired;
  if (m < 2 || probeCount === 0 || candidateCount === 0) return 0;
  const w = PAIRING_SCORE_WEIGHTS;
  const fraction = (m / probeCount + m / candidateCount) / 2;
  return w.paired * m + w.fraction * fraction + w.supporting * stats.supporting + w.typeMatches * stats.typeMatches;
}
