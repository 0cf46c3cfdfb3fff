/**
 * Identification thresholds stated as a false-positive identification rate (FPIR), in MOSIP's ABIS convention:
 * `targetFPIR = round(-10 · log10 FPIR)`, so 30 is one false positive in 1,000 searches of people not enrolled
 * (docs: ABIS spec 0.9, IDENTIFY flags).
 *
 * A fused score S means a per-subject false-match rate of 10^(-S/10) (fusion.ts). A search of someone not enrolled
 * against N subjects returns a false candidate when any of the N reaches the threshold, which for independent
 * comparisons happens with probability 1 - (1 - FMR)^N ≈ N · FMR while that is small. The threshold for a target
 * FPIR over N subjects is therefore the score of FMR = FPIR / N: -10·log10(FPIR / N) = targetFPIR + 10·log10 N.
 * `sarhad bench identify` checks this against the observed FPIR of non-mated FVC probes (IDENTIFY.md).
 */
import { EngineError } from '../errors.js';
import { MIN_CALIBRATED_FMR } from '../match/calibration.js';

/** MOSIP's targetFPIR of an FPIR: round(-10 · log10 FPIR). Throws ENGINE_INVALID_THRESHOLD outside (0, 1]. */
export function fpirToTargetFpir(fpir: number): number {
  if (typeof fpir !== 'number' || !(fpir > 0 && fpir <= 1)) {
    throw new EngineError('ENGINE_INVALID_THRESHOLD', `FPIR must be a number in (0, 1], got ${String(fpir)}`);
  }
  return 0 + Math.round(-10 * Math.log10(fpir));
}

/** The FPIR a MOSIP targetFPIR stands for: 10^(-target/10). Throws ENGINE_INVALID_THRESHOLD for negative values. */
export function targetFpirToFpir(targetFpir: number): number {
  if (typeof targetFpir !== 'number' || !(targetFpir >= 0 && targetFpir <= 120)) {
    throw new EngineError('ENGINE_INVALID_THRESHOLD', `targetFPIR must be a number in [0, 120], got ${String(targetFpir)}`);
  }
  return 1 / 10 ** (targetFpir / 10);
}

/**
 * The fused-score threshold that keeps FPIR at `fpir` over a gallery of `subjects`: the score of per-subject FMR
 * fpir / subjects (at least 0). Throws ENGINE_INVALID_THRESHOLD for an FPIR outside (0, 1] or a per-subject rate
 * below the calibration's range.
 */
export function fpirThreshold(fpir: number, subjects: number): number {
  fpirToTargetFpir(fpir);
  const n = Math.max(1, Math.floor(subjects));
  const fmr = fpir / n;
  if (!(fmr >= MIN_CALIBRATED_FMR)) {
    throw new EngineError('ENGINE_INVALID_THRESHOLD', `FPIR ${fpir} over ${n} subjects is a per-subject rate below ${MIN_CALIBRATED_FMR}`);
  }
  return Math.max(0, -10 * Math.log10(fmr));
}

/** {@link fpirThreshold} for a MOSIP targetFPIR. */
export function targetFpirThreshold(targetFpir: number, subjects: number): number {
  return fpirThreshold(targetFpirToFpir(targetFpir), subjects);
}

/** The FPIR a fused-score threshold gives over `subjects` subjects: min(1, N · 10^(-threshold/10)). */
export function thresholdToFpir(threshold: number, subjects: number): number {
  return Math.min(1, Math.max(1, Math.floor(subjects)) / 10 ** (threshold / 10));
}
