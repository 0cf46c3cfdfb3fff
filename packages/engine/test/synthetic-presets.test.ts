import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  IMPRESSION_PARAMETER_NAMES,
  IMPRESSION_PRESET_RANGES,
  IMPRESSION_PRESETS,
  impressionParameters,
} from '../src/synthetic/index.js';

const doc = readFileSync(new URL('../SYNTHETIC.md', import.meta.url), 'utf8');

test('SYNTHETIC.md lists every impression parameter with the ranges the code uses', () => {
  for (const name of IMPRESSION_PARAMETER_NAMES) {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    assert.ok(row, `${name} missing from the table in SYNTHETIC.md`);
    const cells = row.split('|').map((c) => c.trim());
    // | name | unit | good | typical | poor |
    IMPRESSION_PRESETS.forEach((preset, k) => {
      const [min, max] = IMPRESSION_PRESET_RANGES[preset][name];
      assert.equal(cells[3 + k], `${min} .. ${max}`, `${name} under ${preset}`);
    });
  }
});

test('impression parameters stay inside the ranges of their preset', () => {
  for (const preset of IMPRESSION_PRESETS) {
    for (let seed = 0; seed < 200; seed++) {
      const p = impressionParameters(seed, preset);
      for (const name of IMPRESSION_PARAMETER_NAMES) {
        const [min, max] = IMPRESSION_PRESET_RANGES[preset][name];
        assert.ok(p[name] >= min && p[name] <= max, `${preset} ${name} = ${p[name]}`);
      }
    }
  }
});

test('the same impression seed draws the same parameters and presets draw from different ranges', () => {
  assert.deepEqual(impressionParameters(12, 'poor'), impressionParameters(12, 'poor'));
  assert.notDeepEqual(impressionParameters(12, 'good'), impressionParameters(12, 'poor'));
});
