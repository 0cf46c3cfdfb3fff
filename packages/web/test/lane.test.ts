/**
 * The lane console's pure parts: the MRZ preview reads and checks a TD3 MRZ as ICAO 9303 prints it (the specimen of
 * ICAO 9303 part 4, appendix A), and the confidence bands follow the server's bands without thresholds of their own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDigit, mrzLines, previewMrz } from '../src/features/lane/mrz.js';
import { confidenceOf, oneIn } from '../src/features/lane/confidence.js';
import type { Crossing } from '../src/api/crossings.js';

const SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;

test('check digits follow ICAO 9303 part 3 (weights 7, 3, 1; letters 10..35; filler 0)', () => {
  assert.equal(checkDigit('L898902C3'), '6');
  assert.equal(checkDigit('740812'), '2');
  assert.equal(checkDigit('120415'), '9');
  assert.equal(checkDigit('ZE184226B<<<<<'), '1');
});

test('the ICAO specimen reads with every check digit holding', () => {
  const preview = previewMrz(SPECIMEN);
  assert.deepEqual(
    [preview.surname, preview.givenNames, preview.documentNumber, preview.issuingState, preview.nationality, preview.birthDate, preview.sex, preview.expiryDate],
    ['ERIKSSON', 'ANNA MARIA', 'L898902C3', 'UTO', 'UTO', '740812', 'F', '120415'],
  );
  assert.deepEqual(preview.badCheckDigits, []);
});

test('a misread character is caught by its check digit and the composite', () => {
  const misread = SPECIMEN[1].replace('7408122', '7408132');
  assert.deepEqual(previewMrz([SPECIMEN[0], misread]).badCheckDigits, ['birthDate', 'composite']);
});

test('scanner text becomes two lines only when both are complete', () => {
  assert.deepEqual(mrzLines(`${SPECIMEN[0].toLowerCase()}\r\n ${SPECIMEN[1]} \n`), [...SPECIMEN]);
  assert.equal(mrzLines(`${SPECIMEN[0]}\n${SPECIMEN[1].slice(0, 30)}`), undefined);
  assert.equal(mrzLines(SPECIMEN[0]), undefined);
});

const biometrics = (over: Partial<Crossing['biometrics']>): Crossing['biometrics'] => ({
  method: 'verification',
  outcome: 'verified',
  score: 50,
  band: 'sufficient',
  verificationThreshold: 33,
  identificationThreshold: 60,
  fingers: [],
  candidates: [],
  ...over,
});

test("confidence bands are the server's bands in plain words", () => {
  assert.equal(confidenceOf(biometrics({ band: 'strong', score: 80 })), 'strong');
  assert.equal(confidenceOf(biometrics({ band: 'sufficient', score: 40 })), 'adequate');
  assert.equal(confidenceOf(biometrics({ outcome: 'not_verified', band: 'insufficient', score: 12 })), 'weak');
  assert.equal(confidenceOf(biometrics({ outcome: 'not_verified', band: 'insufficient', score: 0 })), 'no_match');
  assert.equal(confidenceOf(biometrics({ method: 'identification', outcome: 'not_identified', band: null, score: null })), 'no_match');
  assert.equal(confidenceOf(biometrics({ method: 'identification', outcome: 'ambiguous', band: null, score: null })), 'several');
  assert.equal(confidenceOf(biometrics({ outcome: 'not_enrolled', band: null, score: null })), 'not_compared');
  assert.equal(confidenceOf(biometrics({ method: 'none', outcome: 'not_captured', band: null, score: null })), 'not_compared');
});

test('a calibrated score reads as a false-match chance of 1 in 10^(score/10), capped at a billion', () => {
  assert.deepEqual(oneIn(40), { n: 10_000, beyond: false });
  assert.deepEqual(oneIn(33), { n: 2000, beyond: false });
  assert.deepEqual(oneIn(222.5), { n: 1_000_000_000, beyond: true });
  assert.deepEqual(oneIn(0), { n: 1, beyond: false });
});
