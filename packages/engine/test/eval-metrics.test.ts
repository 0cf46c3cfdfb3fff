import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detCurve, equalErrorRate, pointAtFmr, pointAtThreshold, verificationMetrics } from '../src/eval/metrics.js';
import { median, quantile } from '../src/eval/quantile.js';
import { isEngineError } from '../src/errors.js';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);

test('a hand-computed score list gives the expected DET points and EER, with ties counted as matches', () => {
  const genuine = [2, 5, 7, 9];
  const impostor = [1, 3, 5, 5];
  // Thresholds are the distinct scores 1, 2, 3, 5, 7, 9 and +∞; a score >= t matches.
  //   t   impostors >= t   FMR    genuine < t   FNMR   d = FMR - FNMR
  //   1   1 3 5 5 -> 4     1      -      0      0      1
  //   2   3 5 5   -> 3     0.75   -      0      0      0.75
  //   3   3 5 5   -> 3     0.75   2      1      0.25   0.5
  //   5   5 5     -> 2     0.5    2      1      0.25   0.25    (the tied 5s: impostors match, genuine 5 matches)
  //   7   none    -> 0     0      2 5    2      0.5   -0.5
  //   9              0     0      2 5 7  3      0.75  -0.75
  //   ∞              0     0      all    4      1     -1
  const curve = detCurve(genuine, impostor);
  assert.deepEqual(
    curve.points.map((p) => [p.threshold, p.fmr, p.fnmr]),
    [[1, 1, 0], [2, 0.75, 0], [3, 0.75, 0.25], [5, 0.5, 0.25], [7, 0, 0.5], [9, 0, 0.75], [Infinity, 0, 1]],
  );
  // d turns non-positive between t = 5 (d = 0.25) and t = 7 (d = -0.5): λ = 0.25 / (0.25 + 0.5) = 1/3,
  // EER = FMR(5) + λ (FMR(7) - FMR(5)) = 0.5 - 0.5/3 = 1/3, and on the FNMR side 0.25 + 0.25/3 = 1/3 as well.
  const m = verificationMetrics(genuine, impostor);
  close(m.eer, 1 / 3);
  // 1 % and 0.1 % of 4 impostors allow floor(0.04) = floor(0.004) = 0 false matches: the first point with none is
  // t = 7, FNMR 0.5; ZeroFMR is the same point.
  assert.equal(m.fmr100, 0.5);
  assert.equal(m.fmr1000, 0.5);
  assert.equal(m.zeroFmr, 0.5);
});

test('the point at a threshold between scores is the next distinct score, ties matching', () => {
  // Same lists as the hand-computed example above: thresholds 1, 2, 3, 5, 7, 9, ∞.
  const curve = detCurve([2, 5, 7, 9], [1, 3, 5, 5]);
  assert.deepEqual([pointAtThreshold(curve, 4).fmr, pointAtThreshold(curve, 4).fnmr], [0.5, 0.25]); // = t 5
  assert.equal(pointAtThreshold(curve, 5).threshold, 5);
  assert.equal(pointAtThreshold(curve, -10).threshold, 1);
  assert.equal(pointAtThreshold(curve, 9.5).threshold, Infinity);
  assert.throws(() => pointAtThreshold(curve, Number.NaN), (e) => isEngineError(e, 'ENGINE_INVALID_THRESHOLD'));
});

test('FMR100 allows exactly 1 % of 200 impostors, so it can be lower than ZeroFMR', () => {
  const genuine = [6, 8, 10, 12];
  const impostor = [...new Array<number>(198).fill(0), 7, 9];
  //   t    impostors >= t   FMR     genuine < t   FNMR
  //   0    200              1       0             0
  //   6    2 (7, 9)         0.01    0             0      <- FMR100: 2 <= floor(0.01 · 200) = 2, FNMR 0
  //   7    2                0.01    1 (6)         0.25
  //   8    1 (9)            0.005   1             0.25
  //   9    1                0.005   2 (6, 8)      0.5
  //   10   0                0       2             0.5    <- FMR1000 (allows floor(0.2) = 0) and ZeroFMR
  // EER: d = 0.01 at t = 6 and -0.24 at t = 7, λ = 0.01 / 0.25 = 0.04, EER = 0.01 + 0.04 · 0 = 0.01
  // (FNMR side: 0 + 0.04 · 0.25 = 0.01).
  const m = verificationMetrics(genuine, impostor);
  assert.equal(m.fmr100, 0);
  assert.equal(m.fmr1000, 0.5);
  assert.equal(m.zeroFmr, 0.5);
  close(m.eer, 0.01);
  assert.equal(pointAtFmr(detCurve(genuine, impostor), 0.01).threshold, 6);
});

test('perfect separation gives EER 0 and ZeroFMR 0', () => {
  const m = verificationMetrics([50, 60, 70], [0, 10, 20, 49]);
  assert.equal(m.eer, 0);
  assert.equal(m.zeroFmr, 0);
  assert.equal(m.fmr100, 0);
});

test('all scores equal give EER 50 % and ZeroFMR 100 %', () => {
  // Points: t = 7 (FMR 1, FNMR 0) and ∞ (FMR 0, FNMR 1); the segment crosses the diagonal half way.
  const m = verificationMetrics([7, 7, 7], [7, 7]);
  assert.equal(m.eer, 0.5);
  assert.equal(m.zeroFmr, 1);
});

test('failed extractions that score 0 stay in the lists and count as errors', () => {
  // One genuine pair failed (0). Max impostor is 1, so ZeroFMR needs t = 10: genuine 0 is a non-match, 1/3.
  const m = verificationMetrics([0, 10, 12], [0, 0, 1]);
  close(m.zeroFmr, 1 / 3);
  assert.equal(detCurve([0, 10, 12], [0, 0, 1]).genuineCount, 3);
});

test('empty or NaN score lists are refused with ENGINE_EVAL_INPUT', () => {
  assert.throws(() => verificationMetrics([], [1]), (e) => isEngineError(e, 'ENGINE_EVAL_INPUT'));
  assert.throws(() => verificationMetrics([1], []), (e) => isEngineError(e, 'ENGINE_EVAL_INPUT'));
  assert.throws(() => verificationMetrics([Number.NaN], [1]), (e) => isEngineError(e, 'ENGINE_EVAL_INPUT'));
  assert.throws(() => pointAtFmr(detCurve([1], [0]), 2), (e) => isEngineError(e, 'ENGINE_INVALID_THRESHOLD'));
});

test('the DET curve agrees with counting at every threshold, and the EER lies in the FVC interval', () => {
  const scores = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 });
  fc.assert(
    fc.property(scores, scores, (genuine, impostor) => {
      const curve = detCurve(genuine, impostor);
      const thresholds = [...new Set([...genuine, ...impostor])].sort((a, b) => a - b);
      assert.deepEqual(curve.points.map((p) => p.threshold), [...thresholds, Infinity]);
      for (const p of curve.points) {
        assert.equal(p.falseMatches, impostor.filter((s) => s >= p.threshold).length);
        assert.equal(p.falseNonMatches, genuine.filter((s) => s < p.threshold).length);
      }
      // FVC2000 brackets the EER with the last point where FNMR <= FMR and the first where FNMR >= FMR.
      const eer = equalErrorRate(curve);
      const t1 = curve.points.filter((p) => p.fnmr <= p.fmr).at(-1)!;
      const t2 = curve.points.find((p) => p.fnmr >= p.fmr)!;
      assert.ok(eer >= Math.min(t1.fnmr, t2.fmr) - 1e-12 && eer <= Math.max(t1.fmr, t2.fnmr) + 1e-12);
      const t = genuine[0]! + 0.5;
      const at = pointAtThreshold(curve, t);
      assert.equal(at.falseMatches, impostor.filter((s) => s >= t).length);
      assert.equal(at.falseNonMatches, genuine.filter((s) => s < t).length);
      // ZeroFMR by brute force: genuine scores at or below the best impostor are lost.
      const maxImpostor = Math.max(...impostor);
      assert.equal(pointAtFmr(curve, 0).fnmr, genuine.filter((s) => s <= maxImpostor).length / genuine.length);
    }),
    { seed: 19795, numRuns: 300 },
  );
});

test('median and nearest-rank quantiles of timing lists', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
  assert.equal(quantile(twenty, 0.95), 19);
  assert.equal(quantile(twenty, 1), 20);
  assert.equal(quantile([9], 0.5), 9);
});
