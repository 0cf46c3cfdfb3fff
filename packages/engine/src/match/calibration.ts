/**
 * Scores calibrated to false-match rate. A calibrated score S means that about a fraction 10^(-S/10) of impostor
 * comparisons score S or more: 20 is FMR 1 %, 30 is 0.1 %, 40 is 0.01 %. This is the convention MOSIP's ABIS
 * specification uses for its thresholds (S = round(-10 · log10 FPIR)) and the one SourceAFIS documents, so a
 * deployment chooses a threshold by the error rate it accepts, not by an opaque number.
 *
 * The raw matcher score is mapped by a piecewise-linear table generated from pooled impostor score distributions
 * (calibration-table.ts, written by scripts/calibrate.ts; method and data in CALIBRATION.md).
 */
import { EngineError } from '../errors.js';
import { CALIBRATION_TABLE } from './calibration-table.js';

/** Smallest FMR {@link fmrToThreshold} accepts: 1e-12 (score 120), far beyond any measurable rate. */
export const MIN_CALIBRATED_FMR = 1e-12;
/** Largest score {@link thresholdToFmr} accepts, matching {@link MIN_CALIBRATED_FMR}. */
export const MAX_CALIBRATED_SCORE = 120;

const RAW = CALIBRATION_TABLE.raw;
const SCORE = CALIBRATION_TABLE.score;
const LAST = RAW.length - 1;
// Beyond the table the last segment's slope continues, so stronger pairings keep ranking higher in 1:N search.
const TAIL_SLOPE = (SCORE[LAST]! - SCORE[LAST - 1]!) / (RAW[LAST]! - RAW[LAST - 1]!);

/**
 * Maps a raw pairing score to the calibrated scale (see the module comment). Monotonic non-decreasing; 0 for raw
 * scores at or below the table's first point; capped at {@link MAX_CALIBRATED_SCORE}.
 */
export function calibrateRawScore(raw: number): number {
  if (!(raw > RAW[0]!)) return SCORE[0]!;
  if (raw >= RAW[LAST]!) return Math.min(MAX_CALIBRATED_SCORE, SCORE[LAST]! + (raw - RAW[LAST]!) * TAIL_SLOPE);
  // Binary search for the segment [RAW[lo], RAW[lo + 1]) holding raw; the table has a few dozen points.
  let lo = 0;
  let hi = LAST;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (RAW[mid]! <= raw) lo = mid;
    else hi = mid;
  }
  const t = (raw - RAW[lo]!) / (RAW[lo + 1]! - RAW[lo]!);
  return SCORE[lo]! + t * (SCORE[lo + 1]! - SCORE[lo]!);
}

/**
 * The calibrated score threshold for a target false-match rate: -10 · log10(fmr). Throws ENGINE_INVALID_THRESHOLD
 * unless `fmr` is a number in [{@link MIN_CALIBRATED_FMR}, 1].
 */
export function fmrToThreshold(fmr: number): number {
  if (typeof fmr !== 'number' || !(fmr >= MIN_CALIBRATED_FMR && fmr <= 1)) {
    throw new EngineError(
      'ENGINE_INVALID_THRESHOLD',
      `false-match rate must be a number in [${MIN_CALIBRATED_FMR}, 1], got ${String(fmr)}`,
    );
  }
  // -0 for fmr = 1 would print oddly; 0 + x normalises it.
  return 0 + -10 * Math.log10(fmr);
}

/**
 * The false-match rate a calibrated score threshold stands for: 10^(-score/10). Throws ENGINE_INVALID_THRESHOLD
 * unless `score` is a number in [0, {@link MAX_CALIBRATED_SCORE}].
 */
export function thresholdToFmr(score: number): number {
  if (typeof score !== 'number' || !(score >= 0 && score <= MAX_CALIBRATED_SCORE)) {
    throw new EngineError(
      'ENGINE_INVALID_THRESHOLD',
      `score threshold must be a number in [0, ${MAX_CALIBRATED_SCORE}], got ${String(score)}`,
    );
  }
  // 1 / 10^x rather than 10^-x: the former is exact for whole decades (10 ** -4 is not 1e-4 in IEEE doubles).
  return 1 / 10 ** (score / 10);
}
