/**
 * Verification accuracy from genuine and impostor score lists: the DET curve, the equal error rate (EER),
 * FMR100, FMR1000 and ZeroFMR, as defined for the Fingerprint Verification Competitions (Maio et al., "FVC2000:
 * Fingerprint Verification Competition", IEEE PAMI 24(3), 2002, section 4) with the terms of ISO/IEC 19795-1.
 *
 * Conventions:
 * - higher scores mean more similar; a comparison with score >= threshold is a match, so at threshold t
 *   FMR(t) = #{impostor >= t} / #impostor and FNMR(t) = #{genuine < t} / #genuine. Ties therefore count as
 *   matches, for genuine and impostor scores alike;
 * - rates are fractions in [0, 1] (callers multiply by 100 for percentages);
 * - every score counts, including the 0 that a failed extraction scores (FVC: a failure to enrol is not skipped);
 * - the operating points are the thresholds at every distinct score plus +∞ (nothing matches). Between two
 *   distinct scores the rates do not change, so no other threshold gives a different point.
 * Everything is one sort of each list and one merge sweep: O(n log n) for n scores.
 */
import { EngineError } from '../errors.js';

/** One operating point: the error rates at a decision threshold. */
export interface DetPoint {
  /** Scores >= threshold match. +Infinity for the point where nothing matches. */
  readonly threshold: number;
  /** False-match rate, fraction of impostor scores >= threshold. */
  readonly fmr: number;
  /** False-non-match rate, fraction of genuine scores < threshold. */
  readonly fnmr: number;
  /** Impostor scores >= threshold. */
  readonly falseMatches: number;
  /** Genuine scores < threshold. */
  readonly falseNonMatches: number;
}

/** Every operating point of a genuine/impostor score set, by increasing threshold (FMR falls, FNMR rises). */
export interface DetCurve {
  readonly genuineCount: number;
  readonly impostorCount: number;
  readonly points: readonly DetPoint[];
}

/** The headline statistics of a verification test, rates as fractions. */
export interface VerificationMetrics {
  readonly genuineCount: number;
  readonly impostorCount: number;
  /** Equal error rate, linearly interpolated where FNMR and FMR cross (see {@link equalErrorRate}). */
  readonly eer: number;
  /** Lowest FNMR at a threshold with FMR <= 1 %. */
  readonly fmr100: number;
  /** Lowest FNMR at a threshold with FMR <= 0.1 %. */
  readonly fmr1000: number;
  /** Lowest FNMR at a threshold with no false match. */
  readonly zeroFmr: number;
}

function sortedScores(scores: ArrayLike<number>, what: string): Float64Array {
  if (scores.length === 0) {
    throw new EngineError('ENGINE_EVAL_INPUT', `no ${what} scores: the statistic needs at least one of each`);
  }
  const out = Float64Array.from(scores as ArrayLike<number>);
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i]!)) throw new EngineError('ENGINE_EVAL_INPUT', `${what} score ${i} is NaN`);
  }
  // Float64Array sorts numerically (not as strings), ascending.
  return out.sort();
}

/**
 * The DET curve: the operating point at every distinct score (in increasing order) and at +∞.
 * The first point always has FNMR 0 and FMR 1 (every score >= the lowest one), the last FMR 0 and FNMR 1.
 * Throws ENGINE_EVAL_INPUT when either list is empty or holds NaN.
 */
export function detCurve(genuine: ArrayLike<number>, impostor: ArrayLike<number>): DetCurve {
  const g = sortedScores(genuine, 'genuine');
  const im = sortedScores(impostor, 'impostor');
  const points: DetPoint[] = [];
  let gi = 0; // genuine scores below the current threshold
  let ii = 0; // impostor scores below the current threshold
  while (gi < g.length || ii < im.length) {
    const t = Math.min(gi < g.length ? g[gi]! : Infinity, ii < im.length ? im[ii]! : Infinity);
    points.push(point(t, im.length - ii, gi, g.length, im.length));
    while (gi < g.length && g[gi] === t) gi++;
    while (ii < im.length && im[ii] === t) ii++;
  }
  points.push(point(Infinity, 0, g.length, g.length, im.length));
  return { genuineCount: g.length, impostorCount: im.length, points };
}

function point(threshold: number, falseMatches: number, falseNonMatches: number, ng: number, ni: number): DetPoint {
  return { threshold, fmr: falseMatches / ni, fnmr: falseNonMatches / ng, falseMatches, falseNonMatches };
}

/**
 * The equal error rate of a DET curve, interpolated linearly between the two operating points where the
 * curves cross.
 *
 * Let d = FMR - FNMR. d is 1 at the first point and -1 at the last and never rises along the curve, so there is a
 * first point k+1 with d(k+1) <= 0, after a point k with d(k) > 0. The segment joining the two points in the
 * (FMR, FNMR) plane meets the diagonal FMR = FNMR at λ = d(k) / (d(k) - d(k+1)) ∈ (0, 1], and
 *   EER = FMR(k) + λ · (FMR(k+1) - FMR(k))   ( = FNMR(k) + λ · (FNMR(k+1) - FNMR(k)) ).
 * When a point has FMR = FNMR exactly (d = 0) that common value is the EER. The value always lies within the FVC
 * interval [EERlow, EERhigh] of Maio et al. (FVC2000, section 4), which brackets it with the same two points; the
 * interpolation is the point a randomised choice between the two thresholds would reach (ROC convex combination).
 */
export function equalErrorRate(curve: DetCurve): number {
  const pts = curve.points;
  for (let k = 1; k < pts.length; k++) {
    const after = pts[k]!.fmr - pts[k]!.fnmr;
    if (after <= 0) {
      const before = pts[k - 1]!.fmr - pts[k - 1]!.fnmr;
      const lambda = before / (before - after);
      return pts[k - 1]!.fmr + lambda * (pts[k]!.fmr - pts[k - 1]!.fmr);
    }
  }
  // Unreachable for a curve from detCurve (its last point has d = -1); guard hand-built curves.
  throw new EngineError('ENGINE_EVAL_INPUT', 'the DET curve never reaches FNMR >= FMR');
}

/**
 * The lowest FNMR among operating points with FMR <= `maxFmr` (FMR100 is `maxFmr` 0.01, FMR1000 0.001, ZeroFMR
 * 0). The comparison is on counts (false matches <= floor(maxFmr · impostors)), so 1 % of 45 impostors allows
 * none, with no rounding surprise. Returns the point, whose `fnmr` is the statistic.
 */
export function pointAtFmr(curve: DetCurve, maxFmr: number): DetPoint {
  if (!(maxFmr >= 0 && maxFmr <= 1)) {
    throw new EngineError('ENGINE_INVALID_THRESHOLD', `a false-match rate must be in [0, 1], got ${maxFmr}`);
  }
  // 1e-9 absorbs binary rounding of products such as 0.001 · 3000 = 3.0000000000000004.
  const allowed = Math.floor(maxFmr * curve.impostorCount + 1e-9);
  // FMR falls and FNMR rises with the threshold: the first point within the allowance has the lowest FNMR.
  const found = curve.points.find((p) => p.falseMatches <= allowed);
  if (found === undefined) throw new EngineError('ENGINE_EVAL_INPUT', 'the DET curve never reaches FMR 0');
  return found;
}

/**
 * The operating point of decision threshold `threshold` (scores >= threshold match): the point at the smallest
 * distinct score >= threshold, or the +∞ point when every score is below it. Binary search, O(log n). Used to
 * check a calibrated matcher: a score S meant to give FMR 10^(-S/10) should measure close to it.
 */
export function pointAtThreshold(curve: DetCurve, threshold: number): DetPoint {
  if (Number.isNaN(threshold)) throw new EngineError('ENGINE_INVALID_THRESHOLD', 'a score threshold cannot be NaN');
  const pts = curve.points;
  let lo = 0;
  let hi = pts.length - 1; // the +∞ point always qualifies
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pts[mid]!.threshold >= threshold) hi = mid;
    else lo = mid + 1;
  }
  return pts[lo]!;
}

/** EER, FMR100, FMR1000 and ZeroFMR of a genuine and an impostor score list (fractions, see module comment). */
export function verificationMetrics(genuine: ArrayLike<number>, impostor: ArrayLike<number>): VerificationMetrics {
  const curve = detCurve(genuine, impostor);
  return metricsOfCurve(curve);
}

/** {@link verificationMetrics} of an already computed DET curve. */
export function metricsOfCurve(curve: DetCurve): VerificationMetrics {
  return {
    genuineCount: curve.genuineCount,
    impostorCount: curve.impostorCount,
    eer: equalErrorRate(curve),
    fmr100: pointAtFmr(curve, 0.01).fnmr,
    fmr1000: pointAtFmr(curve, 0.001).fnmr,
    zeroFmr: pointAtFmr(curve, 0).fnmr,
  };
}
