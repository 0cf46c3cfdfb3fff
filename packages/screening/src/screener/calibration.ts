/**
 * Thresholds stated as expected false-alert rates. A calibration holds, for a set of people on no list (negatives),
 * the best score each one reached; the threshold for a rate r is the lowest score at which at most r of them would
 * alert (a negative alerts when any hit is at or above the threshold).
 */
import { ScreeningError } from '../errors.js';

export interface Calibration {
  /** Each negative's best score (0 when nothing was retrieved), sorted high to low. */
  readonly negativeScores: readonly number[];
}

/** Builds a calibration from negatives' best scores. */
export function calibrationFromScores(scores: readonly number[]): Calibration {
  if (scores.length === 0) throw new ScreeningError('SCREENING_CALIBRATION_INPUT', 'calibration needs at least one negative');
  return { negativeScores: [...scores].sort((a, b) => b - a) };
}

/**
 * The lowest threshold at which at most `rate` of the negatives alert. Ties are kept together: if the allowed
 * number falls inside a run of equal scores, the whole run is excluded, so the realised rate never exceeds `rate`.
 */
export function thresholdForRate(calibration: Calibration, rate: number): number {
  if (!(rate >= 0 && rate <= 1)) throw new ScreeningError('SCREENING_INVALID_THRESHOLD', `false-alert rate must be in [0, 1], got ${rate}`);
  const scores = calibration.negativeScores;
  const allowed = Math.floor(rate * scores.length + 1e-9);
  if (allowed >= scores.length) return 0;
  // Just above the first score that must not alert.
  return Math.min(1, nextAbove(scores[allowed]!));
}

/** The share of negatives that alert at `threshold`. */
export function falseAlertRateAt(calibration: Calibration, threshold: number): number {
  const scores = calibration.negativeScores;
  let n = 0;
  while (n < scores.length && scores[n]! >= threshold) n++;
  return n / scores.length;
}

/** A value just above `x` at the precision scores are reported with (1e-6). */
function nextAbove(x: number): number {
  return Math.round(x * 1e6 + 1) / 1e6;
}
