import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  calibrateRawScore,
  fmrToThreshold,
  MAX_CALIBRATED_SCORE,
  MIN_CALIBRATED_FMR,
  thresholdToFmr,
} from '../src/match/calibration.js';
import { CALIBRATION_TABLE } from '../src/match/calibration-table.js';
import { isEngineError } from '../src/errors.js';

test('the documented thresholds follow S = -10 log10 FMR', () => {
  assert.equal(fmrToThreshold(0.01), 20);
  assert.equal(fmrToThreshold(0.001), 30);
  assert.equal(fmrToThreshold(1e-4), 40);
  assert.equal(fmrToThreshold(1), 0);
  assert.equal(thresholdToFmr(40), 1e-4);
});

test('thresholds and false-match rates round trip', () => {
  for (const fmr of [1, 0.5, 0.1, 0.0123, 1e-5, 1e-9, MIN_CALIBRATED_FMR]) {
    const back = thresholdToFmr(fmrToThreshold(fmr));
    assert.ok(Math.abs(back - fmr) <= 1e-12 * Math.max(1, fmr / MIN_CALIBRATED_FMR) * fmr, `${fmr} -> ${back}`);
  }
  for (const score of [0, 7.5, 20, 33.3, 60, MAX_CALIBRATED_SCORE]) {
    assert.ok(Math.abs(fmrToThreshold(thresholdToFmr(score)) - score) < 1e-9);
  }
});

test('nonsense false-match rates and thresholds are refused with ENGINE_INVALID_THRESHOLD', () => {
  for (const fmr of [0, -0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e-13, '0.01' as unknown as number]) {
    assert.throws(() => fmrToThreshold(fmr), (e: unknown) => isEngineError(e, 'ENGINE_INVALID_THRESHOLD'));
  }
  const scores = [-1, Number.NaN, Number.POSITIVE_INFINITY, MAX_CALIBRATED_SCORE + 1, undefined as unknown as number];
  for (const score of scores) {
    assert.throws(() => thresholdToFmr(score), (e: unknown) => isEngineError(e, 'ENGINE_INVALID_THRESHOLD'));
  }
});

test('the generated table rises strictly and starts at raw 0, score 0', () => {
  const { raw, score } = CALIBRATION_TABLE;
  assert.ok(raw.length >= 10);
  assert.equal(raw.length, score.length);
  assert.equal(raw[0], 0);
  assert.equal(score[0], 0);
  for (let i = 1; i < raw.length; i++) {
    assert.ok(raw[i]! > raw[i - 1]! && score[i]! > score[i - 1]!, `point ${i}`);
  }
  assert.ok(CALIBRATION_TABLE.sources.length >= 2, 'calibration pools more than one set');
});

test('calibration is monotonic, passes through the table points and is capped', () => {
  const { raw, score } = CALIBRATION_TABLE;
  for (let i = 0; i < raw.length; i++) assert.ok(Math.abs(calibrateRawScore(raw[i]!) - score[i]!) < 1e-9);
  let previous = -1;
  for (let r = -1; r < 2 * raw[raw.length - 1]!; r += 0.05) {
    const s = calibrateRawScore(r);
    assert.ok(s >= previous, `not monotonic at raw ${r}`);
    previous = s;
  }
  assert.equal(calibrateRawScore(-5), 0);
  assert.equal(calibrateRawScore(Number.NaN), 0);
  assert.equal(calibrateRawScore(1e9), MAX_CALIBRATED_SCORE);
});
