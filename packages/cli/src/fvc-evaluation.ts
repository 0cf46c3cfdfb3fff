/**
 * Runs the FVC protocol over prepared templates and summarises it: every distinct comparison scored once
 * (genuine, then all-pairs impostors with the 45 FVC pairs among them), the DET curves and headline rates for the
 * FVC impostor list and for the all-pairs list, extraction timing and comparison speed.
 *
 * Which impostors each figure uses: `eerFvc` uses the 45 FVC impostors (comparable with published FVC results and
 * baselines); `eerAll`, `fmr100`, `fmr1000` and `zeroFmr` use the 2,880 all-pairs impostors, because with 45
 * impostors FMR can only be 0 % or >= 2.2 %, so FMR100 and FMR1000 would both be ZeroFMR. The `fvcImpostors` and
 * `allImpostors` objects give all four rates for each list.
 */
import type { DetCurve, FvcProtocol, LabelledPair, VerificationMetrics } from '@sarhad/engine';
import {
  detCurve,
  distinctComparisons,
  fmrToThreshold,
  matchPrepared,
  median,
  metricsOfCurve,
  pointAtThreshold,
  quantile,
} from '@sarhad/engine';
import { measureComparisonRate } from './comparison-rate.js';
import type { SampleOutcome } from './sample-outcome.js';

/** A comparison of the protocol with its score (0 when either side has no template). */
export interface ScoredComparison extends LabelledPair {
  readonly score: number;
}

/** The four rates of one impostor list, in percent. */
export interface RatesPercent {
  readonly impostors: number;
  readonly eer: number;
  readonly fmr100: number;
  readonly fmr1000: number;
  readonly zeroFmr: number;
}

/**
 * Nominal false-match rates whose calibrated thresholds are checked (10 % .. 0.01 %, scores 10 .. 40). 2,880
 * impostors resolve FMR down to 0.035 %, so at 0.01 % the check can only show 0 or 1 false match.
 */
export const CALIBRATION_CHECK_FMRS = [0.1, 0.01, 0.001, 0.0001] as const;

/** The error rates measured at the calibrated threshold for one nominal FMR, in percent. */
export interface CalibrationCheck {
  /** The score threshold, -10 · log10(nominal FMR). */
  readonly threshold: number;
  readonly nominalFmr: number;
  /** FMR measured with the all-pairs impostors: should be close to nominalFmr for a well-calibrated matcher. */
  readonly fmr: number;
  readonly fnmr: number;
}

/** Everything `sarhad eval fvc --json` prints except the command's own fields (set, dir, dpi, frame...). */
export interface FvcResults {
  readonly fingers: number;
  readonly impressionsPerFinger: number;
  readonly images: number;
  readonly genuineCount: number;
  readonly impostorFvcCount: number;
  readonly impostorAllCount: number;
  /** Distinct comparisons run: genuine + all-pairs impostors (the FVC ones are among the latter). */
  readonly comparisons: number;
  /** EER with the all-pairs impostors, percent. */
  readonly eerAll: number;
  /** EER with the 45 FVC impostors, percent. */
  readonly eerFvc: number;
  /** FMR100, FMR1000 and ZeroFMR with the all-pairs impostors, percent. */
  readonly fmr100: number;
  readonly fmr1000: number;
  readonly zeroFmr: number;
  readonly fvcImpostors: RatesPercent;
  readonly allImpostors: RatesPercent;
  readonly failedExtractions: number;
  readonly failures: readonly { readonly sample: string; readonly code: string; readonly message: string }[];
  /** Median and 95th percentile of the per-sample time to make a template (extraction, or record decoding). */
  readonly extractMsMedian: number;
  readonly extractMsP95: number;
  readonly prepareMsMedian: number;
  /** Median minutiae per template, over templates that exist (0 when none do). */
  readonly minutiaeMedian: number;
  /** Median over `comparisonRuns` of matchPrepared calls per second on this one thread. */
  readonly comparisonsPerSecond: number;
  /** Comparisons in each timed run (all that have two templates, or an even sample of at most 10,000). */
  readonly timedComparisons: number;
  readonly comparisonRuns: readonly number[];
  /** Measured FMR and FNMR at the thresholds the calibration promises FMR 10 %, 1 %, 0.1 % and 0.01 % for. */
  readonly calibration: readonly CalibrationCheck[];
  /** Score landmarks, handy when tuning the matcher's calibration. */
  readonly scores: { readonly genuineMedian: number; readonly impostorMax: number; readonly impostorP99: number };
}

/** {@link FvcResults} plus what is needed to write the score list and the DET plot. */
export interface FvcEvaluation {
  readonly results: FvcResults;
  readonly scored: readonly ScoredComparison[];
  readonly curveFvc: DetCurve;
  readonly curveAll: DetCurve;
}

/** Options of {@link evaluateFvc}. */
export interface EvaluateFvcOptions {
  /** How many times the comparison list is timed for the speed figure (median reported). */
  readonly speedRuns: number;
}

const percent = (fraction: number): number => Math.round(fraction * 1e6) / 1e4;
const round3 = (v: number): number => Math.round(v * 1e3) / 1e3;

function ratesPercent(m: VerificationMetrics): RatesPercent {
  return {
    impostors: m.impostorCount,
    eer: percent(m.eer),
    fmr100: percent(m.fmr100),
    fmr1000: percent(m.fmr1000),
    zeroFmr: percent(m.zeroFmr),
  };
}

/**
 * Scores every distinct comparison of `protocol` with the templates in `outcomes` (outcomes[i] is sample i),
 * computes the rates and times the comparisons `options.speedRuns` times.
 */
export function evaluateFvc(
  protocol: FvcProtocol,
  outcomes: readonly SampleOutcome[],
  options: EvaluateFvcOptions,
): FvcEvaluation {
  const prepared = outcomes.map((o) => o.prepared);
  const pairs = distinctComparisons(protocol);
  const scored: ScoredComparison[] = pairs.map((p) => {
    const a = prepared[p.probe];
    const b = prepared[p.candidate];
    return { ...p, score: a !== undefined && b !== undefined ? matchPrepared(a, b) : 0 };
  });
  const genuine = scored.filter((s) => s.kind === 'genuine').map((s) => s.score);
  const impostorFvc = scored.filter((s) => s.kind === 'impostor_fvc').map((s) => s.score);
  const impostorAll = scored.filter((s) => s.kind !== 'genuine').map((s) => s.score);
  const curveFvc = detCurve(genuine, impostorFvc);
  const curveAll = detCurve(genuine, impostorAll);
  const fvc = metricsOfCurve(curveFvc);
  const all = metricsOfCurve(curveAll);
  const rate = measureComparisonRate(pairs, prepared, options.speedRuns);
  const made = outcomes.filter((o) => o.prepared !== undefined);
  const failures = outcomes.flatMap((o) => (o.failure === undefined ? [] : [{ sample: o.sample, ...o.failure }]));
  const results: FvcResults = {
    fingers: protocol.layout.fingers.length,
    impressionsPerFinger: protocol.layout.impressions.length,
    images: protocol.samples.length,
    genuineCount: protocol.genuine.length,
    impostorFvcCount: protocol.impostorFvc.length,
    impostorAllCount: protocol.impostorAll.length,
    comparisons: scored.length,
    eerAll: percent(all.eer),
    eerFvc: percent(fvc.eer),
    fmr100: percent(all.fmr100),
    fmr1000: percent(all.fmr1000),
    zeroFmr: percent(all.zeroFmr),
    fvcImpostors: ratesPercent(fvc),
    allImpostors: ratesPercent(all),
    failedExtractions: failures.length,
    failures,
    extractMsMedian: round3(median(outcomes.map((o) => o.ms))),
    extractMsP95: round3(quantile(outcomes.map((o) => o.ms), 0.95)),
    prepareMsMedian: made.length > 0 ? round3(median(made.map((o) => o.prepareMs))) : 0,
    minutiaeMedian: made.length > 0 ? median(made.map((o) => o.minutiae)) : 0,
    comparisonsPerSecond: Math.round(rate.perSecond),
    timedComparisons: rate.comparisons,
    comparisonRuns: rate.runs.map((r) => Math.round(r)),
    calibration: CALIBRATION_CHECK_FMRS.map((nominal) => {
      const threshold = fmrToThreshold(nominal);
      const at = pointAtThreshold(curveAll, threshold);
      return { threshold, nominalFmr: percent(nominal), fmr: percent(at.fmr), fnmr: percent(at.fnmr) };
    }),
    scores: {
      genuineMedian: round3(median(genuine)),
      // A loop, not Math.max(...list): an FVC A set has 316,800 impostor scores, beyond the argument limit.
      impostorMax: round3(impostorAll.reduce((max, v) => (v > max ? v : max), -Infinity)),
      impostorP99: round3(quantile(impostorAll, 0.99)),
    },
  };
  return { results, scored, curveFvc, curveAll };
}
