/**
 * Fusing the calibrated scores of several fingers of one person into one score on the same scale.
 *
 * The engine calibrates a 1:1 score S so that an impostor comparison reaches S or more with probability
 * FMR(S) = 10^(-S/10) (match/calibration.ts). Under that calibration an impostor score is exponentially distributed
 * with rate λ = ln 10 / 10. Comparisons of different fingers are independent, so the *sum* of k impostor finger
 * scores follows a Gamma(k, λ) (Erlang) distribution, whose tail is
 *
 *     P(sum ≥ t) = e^(-λt) · Σ_{j<k} (λt)^j / j!
 *
 * The fused score is -10·log10 of that tail: again "S means FMR ≈ 10^(-S/10)", now for the set of fingers. Adding
 * scores rewards several moderately matching fingers (worn prints) as well as one excellent finger; converting by
 * the Erlang tail stops the sum of many weak impostor scores from looking like a match (four fingers summing to 40
 * have a fused FMR of 1.8 %, not 0.01 %). With one finger the fused score is the finger's score.
 *
 * (Moved here from the server's domain/score-fusion.ts, which re-exports it, so the 1:N gallery's workers fuse the
 * same way the service does.)
 */

/** Rate of the exponential impostor-score law implied by the calibration: ln 10 / 10 per score point. */
const LAMBDA = Math.LN10 / 10;

/**
 * The fused calibrated score of per-finger calibrated scores (each ≥ 0); 0 for no scores. Negative or non-finite
 * inputs count as 0.
 */
export function fuseFingerScores(scores: ArrayLike<number>): number {
  const k = scores.length;
  if (k === 0) return 0;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const s = scores[i]!;
    sum += Number.isFinite(s) && s > 0 ? s : 0;
  }
  if (k === 1) return sum;
  // log of Σ_{j<k} x^j / j! computed term by term (k ≤ 10, so no overflow for any reachable sum).
  const x = LAMBDA * sum;
  let term = 1;
  let series = 1;
  for (let j = 1; j < k; j++) {
    term *= x / j;
    series += term;
  }
  return Math.max(0, sum - (10 / Math.LN10) * Math.log(series));
}

/** The false-match rate a calibrated (fused or single) score stands for: 10^(-score/10). */
export function scoreToFmr(score: number): number {
  return 1 / 10 ** (score / 10);
}
