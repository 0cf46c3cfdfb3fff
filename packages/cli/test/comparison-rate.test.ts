import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fvcProtocol, distinctComparisons, prepare, type PreparedTemplate } from '@sarhad/engine';
import { MAX_TIMED_PAIRS, measureComparisonRate } from '../src/comparison-rate.js';
import { seeded } from './ridge-image.js';

function randomPrepared(seed: number): PreparedTemplate {
  const r = seeded(seed);
  const minutiae = Array.from({ length: 25 }, () => ({
    x: r() * 300,
    y: r() * 300,
    direction: r() * 2 * Math.PI,
    type: 'ending' as const,
    quality: 50,
  }));
  return prepare({ width: 300, height: 300, fingerPosition: 0, impressionType: 0, quality: 0, minutiae });
}

test('pairs with a failed side are not timed, and every run reports a positive rate', () => {
  const protocol = fvcProtocol({ fingers: [1, 2, 3], impressions: [1, 2] });
  const prepared: (PreparedTemplate | undefined)[] = protocol.samples.map((_, i) => randomPrepared(i + 1));
  prepared[0] = undefined; // one failed extraction: 5 of the 15 pairs involve it
  const rate = measureComparisonRate(distinctComparisons(protocol), prepared, 3);
  assert.equal(rate.comparisons, 10);
  assert.equal(rate.runs.length, 3);
  assert.ok(rate.runs.every((r) => r > 0));
  assert.ok(rate.perSecond >= Math.min(...rate.runs) && rate.perSecond <= Math.max(...rate.runs));
});

test('large lists are timed on an even sample of at most 10,000 pairs', () => {
  // 150 templates: C(150, 2) = 11,175 pairs.
  const prepared = Array.from({ length: 150 }, (_, i) => randomPrepared(1000 + i));
  const pairs = [];
  for (let a = 0; a < 150; a++) for (let b = a + 1; b < 150; b++) pairs.push({ probe: a, candidate: b });
  const rate = measureComparisonRate(pairs, prepared, 1);
  assert.equal(rate.comparisons, MAX_TIMED_PAIRS);
});

test('nothing to compare gives a rate of 0 and no runs', () => {
  const rate = measureComparisonRate([{ probe: 0, candidate: 1 }], [undefined, undefined], 5);
  assert.deepEqual(rate, { comparisons: 0, perSecond: 0, runs: [] });
});
