/**
 * Verification confidence in words an officer reads at a glance. The bands come from the server's own thresholds
 * (`biometrics.band`: at or above the identification threshold, at or above the verification threshold, below;
 * SARHAD_IDENTIFICATION_FMR and SARHAD_VERIFICATION_FMR); nothing here sets a threshold of its own. A score is
 * calibrated so that S means a false-match chance of about 1 in 10^(S/10) (packages/engine/CALIBRATION.md), which
 * is how the detail line states it.
 */
import type { Crossing } from '../../api/crossings.js';

export const CONFIDENCE_BANDS = ['strong', 'adequate', 'weak', 'no_match', 'several', 'not_compared'] as const;
export type ConfidenceBand = (typeof CONFIDENCE_BANDS)[number];

/** The band shown for a crossing's fingerprint comparison. */
export function confidenceOf(biometrics: Crossing['biometrics']): ConfidenceBand {
  switch (biometrics.outcome) {
    case 'not_captured':
    case 'not_enrolled':
      return 'not_compared';
    case 'ambiguous':
      return 'several';
    case 'not_identified':
      return 'no_match';
    default:
      break;
  }
  if (biometrics.band === 'strong') return 'strong';
  if (biometrics.band === 'sufficient') return 'adequate';
  // Below the verification threshold: a score of 0 means the matcher paired nothing at all.
  return biometrics.score !== null && biometrics.score > 0 ? 'weak' : 'no_match';
}

/** Scores beyond this are stated as "more than 1 in a billion": the calibration was not measured further. */
const MAX_STATED_SCORE = 90; // calibrated points = 1 in 10^9

/** "1 in N" for a calibrated score: the false-match chance it stands for, rounded to two significant digits. */
export function oneIn(score: number): { readonly n: number; readonly beyond: boolean } {
  const capped = Math.min(Math.max(score, 0), MAX_STATED_SCORE);
  const exact = 10 ** (capped / 10);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(exact)) - 1);
  return { n: Math.max(1, Math.round(exact / magnitude) * magnitude), beyond: score > MAX_STATED_SCORE };
}
