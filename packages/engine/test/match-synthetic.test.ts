import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateImpression } from '../src/synthetic/impression.js';
import { generateMasterPrint } from '../src/synthetic/master-print.js';
import { extract } from '../src/minutiae/extract.js';
import { match } from '../src/match/matcher.js';
import { prepare } from '../src/match/prepared-template.js';

// End to end through the real pipeline: images of one synthetic finger (seed 11), pressed twice with different
// displacement, rotation, pressure and distortion, extracted by our extractor. Impostor scores are not asserted
// here: synthetic fingers come from one generator and resemble each other more than real fingers do.
test('two impressions of one synthetic finger match above the 0.01 % false-match threshold', () => {
  const master = generateMasterPrint(11);
  const first = extract(generateImpression(master, 1)).template;
  const second = extract(generateImpression(master, 2)).template;
  assert.ok(first.minutiae.length >= 12 && second.minutiae.length >= 12, 'the extractor found too few minutiae');
  const score = match(prepare(first), prepare(second));
  assert.ok(score > 40, `score ${score}`);
  assert.ok(match(second, first) > 40);
});
