import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Prng } from '../src/synthetic/prng.js';
import { sampleSkinWear } from '../src/synthetic/skin-wear.js';

test('most synthetic fingers have healthy skin and about one in twenty is badly worn', () => {
  const prng = new Prng(31);
  const n = 20_000;
  const wear = Array.from({ length: n }, () => sampleSkinWear(prng)).sort((a, b) => a - b);
  assert.ok(wear[0]! >= 0 && wear[n - 1]! < 1);
  // wear = u^4: median 0.5^4 = 0.0625, P(wear > 0.5) = 1 - 0.5^(1/4) = 0.159, P(wear > 0.8) = 1 - 0.8^(1/4) = 0.054.
  assert.ok(Math.abs(wear[n / 2]! - 0.0625) < 0.01, `median ${wear[n / 2]}`);
  const above = (t: number) => wear.filter((w) => w > t).length / n;
  assert.ok(Math.abs(above(0.5) - 0.159) < 0.015, `above 0.5: ${above(0.5)}`);
  assert.ok(Math.abs(above(0.8) - 0.054) < 0.01, `above 0.8: ${above(0.8)}`);
});
