import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../src/minutiae/extract.js';
import type { Minutia } from '../src/template/template.js';
import { syntheticPrint } from './fixtures/synthetic-print.js';

/** Smallest absolute difference between two angles, in degrees. */
function angleDifference(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return ((d > Math.PI ? 2 * Math.PI - d : d) * 180) / Math.PI;
}

function nearest(minutiae: readonly Minutia[], x: number, y: number): Minutia | undefined {
  let best: Minutia | undefined;
  for (const m of minutiae) {
    if (best === undefined || Math.hypot(m.x - x, m.y - y) < Math.hypot(best.x - x, best.y - y)) best = m;
  }
  return best;
}

test('finds a planted ridge ending where it was planted, pointing into its ridge', () => {
  const { template } = extract(syntheticPrint({ seed: 11, kind: 'ending', planted: [{ x: 160, y: 180 }] }));
  const m = nearest(template.minutiae, 160, 180);
  assert.ok(m !== undefined && Math.hypot(m.x - 160, m.y - 180) <= 6, `no minutia near (160, 180): ${JSON.stringify(m)}`);
  assert.equal(m.type, 'ending');
  // The extra ridge runs towards +x (flow 0), so the ISO direction is 0.
  assert.ok(angleDifference(m.direction, 0) <= 20, `direction ${m.direction}`);
});

test('finds a planted bifurcation where it was planted, pointing into its valley', () => {
  const { template } = extract(syntheticPrint({ seed: 12, kind: 'bifurcation', planted: [{ x: 150, y: 170 }] }));
  const m = nearest(template.minutiae, 150, 170);
  assert.ok(m !== undefined && Math.hypot(m.x - 150, m.y - 170) <= 6, `no minutia near (150, 170): ${JSON.stringify(m)}`);
  assert.equal(m.type, 'bifurcation');
  assert.ok(angleDifference(m.direction, 0) <= 20, `direction ${m.direction}`);
});

test('reports directions counter-clockwise as viewed, with y growing downwards', () => {
  // Ridges flowing down the image (+y): the minutia points down, which is 270° counter-clockwise from +x.
  const down = extract(syntheticPrint({ seed: 13, flow: Math.PI / 2, planted: [{ x: 160, y: 180 }] })).template;
  const m = nearest(down.minutiae, 160, 180)!;
  assert.ok(angleDifference(m.direction, (3 * Math.PI) / 2) <= 20, `direction ${m.direction}`);
  // Ridges flowing up and to the right at 40° as viewed: image flow -40°.
  const flow = (-40 * Math.PI) / 180;
  const tilted = extract(syntheticPrint({ seed: 14, flow, kind: 'bifurcation', planted: [{ x: 160, y: 180 }] })).template;
  const t = nearest(tilted.minutiae, 160, 180)!;
  assert.ok(angleDifference(t.direction, (40 * Math.PI) / 180) <= 20, `direction ${t.direction}`);
});

test('finds several planted minutiae and nothing else in a clean print', () => {
  const planted = [
    { x: 110, y: 120 },
    { x: 210, y: 240 },
  ];
  const { template } = extract(syntheticPrint({ seed: 15, planted, noise: 10 }));
  for (const p of planted) {
    const m = nearest(template.minutiae, p.x, p.y);
    assert.ok(m !== undefined && Math.hypot(m.x - p.x, m.y - p.y) <= 6, `missed (${p.x}, ${p.y})`);
  }
  assert.equal(template.minutiae.length, planted.length, JSON.stringify(template.minutiae));
});

test('finds no minutiae in prints of unbroken ridges', () => {
  for (const seed of [21, 22, 23]) {
    const { template } = extract(syntheticPrint({ seed, noise: 20 }));
    assert.deepEqual(template.minutiae, [], `seed ${seed}`);
  }
});

test('gives every minutia a quality in 1..100 and the template the overall quality', () => {
  const extraction = extract(syntheticPrint({ seed: 16, planted: [{ x: 160, y: 180 }] }));
  assert.equal(extraction.template.quality, extraction.quality);
  assert.ok(extraction.quality >= 60, `clean print quality ${extraction.quality}`);
  for (const m of extraction.template.minutiae) assert.ok(m.quality >= 1 && m.quality <= 100 && Number.isInteger(m.quality));
});

test('keeps at most maxMinutiae minutiae', () => {
  const planted = [
    { x: 100, y: 110 },
    { x: 200, y: 130 },
    { x: 120, y: 250 },
    { x: 220, y: 260 },
  ];
  const all = extract(syntheticPrint({ seed: 17, planted })).template.minutiae;
  assert.ok(all.length >= 3, `found ${all.length}`);
  const two = extract(syntheticPrint({ seed: 17, planted }), { maxMinutiae: 2 }).template.minutiae;
  assert.equal(two.length, 2);
  for (const m of two) assert.ok(all.some((a) => a.x === m.x && a.y === m.y && a.direction === m.direction));
});

test('carries finger position and impression type into the template', () => {
  const { template } = extract(syntheticPrint({ seed: 18 }), { fingerPosition: 7, impressionType: 2 });
  assert.equal(template.fingerPosition, 7);
  assert.equal(template.impressionType, 2);
  assert.equal(template.width, 320);
  assert.equal(template.height, 360);
});

test('keeps minutiae inside the frame and away from the print boundary', () => {
  const planted = [
    { x: 40, y: 180 },
    { x: 160, y: 180 },
  ];
  // The print's left edge is at x = 19; minutiae within 12 px of the segmented boundary are not trusted.
  const { template } = extract(syntheticPrint({ seed: 19, planted }));
  for (const m of template.minutiae) {
    assert.ok(m.x >= 0 && m.x < template.width && m.y >= 0 && m.y < template.height, JSON.stringify(m));
    assert.ok(m.x > 30, `minutia at the boundary: ${JSON.stringify(m)}`);
  }
  assert.ok(template.minutiae.some((m) => Math.hypot(m.x - 160, m.y - 180) <= 6));
});
