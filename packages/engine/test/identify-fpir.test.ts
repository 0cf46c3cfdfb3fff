import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fpirThreshold, fpirToTargetFpir, targetFpirThreshold, targetFpirToFpir, thresholdToFpir } from '../src/identify/fpir.js';
import { fuseFingerScores } from '../src/identify/fusion.js';
import { isEngineError } from '../src/errors.js';

test('MOSIP targetFPIR is round(-10·log10 FPIR), and back', () => {
  assert.equal(fpirToTargetFpir(1e-3), 30);
  assert.equal(fpirToTargetFpir(1e-4), 40);
  assert.equal(fpirToTargetFpir(0.01), 20);
  assert.equal(fpirToTargetFpir(1), 0);
  assert.equal(fpirToTargetFpir(0.0015), 28);
  assert.equal(targetFpirToFpir(30), 1e-3);
  assert.equal(targetFpirToFpir(50), 1e-5);
  for (const bad of [0, -1, 2, Number.NaN]) assert.throws(() => fpirToTargetFpir(bad), (e) => isEngineError(e, 'ENGINE_INVALID_THRESHOLD'));
  assert.throws(() => targetFpirToFpir(-1), (e) => isEngineError(e, 'ENGINE_INVALID_THRESHOLD'));
});

test('an FPIR over N subjects is the per-subject score threshold of FMR = FPIR / N', () => {
  assert.ok(Math.abs(fpirThreshold(0.01, 1_000_000) - 80) < 1e-9);
  assert.ok(Math.abs(fpirThreshold(1e-3, 10_000) - 70) < 1e-9);
  assert.ok(Math.abs(targetFpirThreshold(30, 100_000) - 80) < 1e-9);
  assert.equal(fpirThreshold(1, 1), 0);
  assert.ok(Math.abs(thresholdToFpir(80, 1_000_000) - 0.01) < 1e-12);
  assert.equal(thresholdToFpir(0, 1000), 1);
  assert.throws(() => fpirThreshold(1e-6, 1e7), (e) => isEngineError(e, 'ENGINE_INVALID_THRESHOLD'));
});

test('fused scores keep the calibration: k impostor fingers summing to t have an Erlang tail', () => {
  assert.equal(fuseFingerScores([]), 0);
  assert.equal(fuseFingerScores([37]), 37);
  // Four fingers summing to 40: FMR 1.8 % (module comment), so a fused score of about 17.4.
  assert.ok(Math.abs(fuseFingerScores([10, 10, 10, 10]) - -10 * Math.log10(0.01832)) < 0.05);
  // One strong finger and one that failed: the sum of two has a heavier tail, 40 - 10·log10(1 + 4·ln 10) ≈ 29.9.
  assert.ok(Math.abs(fuseFingerScores([40, 0]) - (40 - 10 * Math.log10(1 + 4 * Math.LN10))) < 1e-9);
  assert.equal(fuseFingerScores(new Float64Array([-5, Number.NaN])), 0);
});
