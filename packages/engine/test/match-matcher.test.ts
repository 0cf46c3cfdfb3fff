import { test } from 'node:test';
import assert from 'node:assert/strict';
import { match, matchPrepared } from '../src/match/matcher.js';
import { prepare } from '../src/match/prepared-template.js';
import type { FingerprintTemplate, Minutia, MinutiaType } from '../src/template/template.js';
import { Prng } from '../src/synthetic/prng.js';

const TURN = 2 * Math.PI;

/** A template of `count` minutiae spread over a 300 x 400 px print, at least 12 px apart, from `seed`. */
function randomTemplate(seed: number, count: number): FingerprintTemplate {
  const prng = new Prng(seed);
  const minutiae: Minutia[] = [];
  while (minutiae.length < count) {
    const x = prng.range(20, 280);
    const y = prng.range(20, 380);
    if (minutiae.some((m) => Math.hypot(m.x - x, m.y - y) < 12)) continue;
    const type: MinutiaType = prng.uniform() < 0.6 ? 'ending' : 'bifurcation';
    minutiae.push({ x, y, direction: prng.range(0, TURN), type, quality: 60 });
  }
  return { width: 300, height: 400, fingerPosition: 0, impressionType: 0, quality: 60, minutiae };
}

/**
 * Another impression of `t`: rotated by `angle` about the print's centre, moved by (dx, dy), every minutia jittered
 * by up to 2 px and 3 degrees, a fraction dropped and a few spurious ones added, the order shuffled.
 */
function reimpress(t: FingerprintTemplate, seed: number, angle: number, dx: number, dy: number): FingerprintTemplate {
  const prng = new Prng(seed);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const moved: Minutia[] = [];
  for (const m of t.minutiae) {
    if (prng.uniform() < 0.15) continue;
    // Rotating the view counter-clockwise by `angle` with y pointing down: x' = c x + s y, y' = -s x + c y.
    const cx = m.x - 150;
    const cy = m.y - 200;
    const x = 150 + cos * cx + sin * cy + dx + prng.range(-2, 2);
    const y = 200 - sin * cx + cos * cy + dy + prng.range(-2, 2);
    const direction = (((m.direction + angle + prng.range(-0.05, 0.05)) % TURN) + TURN) % TURN;
    moved.push({ ...m, x, y, direction });
  }
  const extra = randomTemplate(seed + 1000, 4).minutiae;
  const all = [...moved, ...extra];
  for (let i = all.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return { ...t, minutiae: all };
}

test('a template matches itself with a score far above the 0.01 % false-match threshold', () => {
  for (const seed of [1, 2, 3]) {
    const t = randomTemplate(seed, 45);
    assert.ok(match(t, t) > 40, `seed ${seed}: ${match(t, t)}`);
  }
});

test('a rotated, translated, jittered and partial impression still matches above the 0.01 % threshold', () => {
  const prng = new Prng(42);
  for (let i = 0; i < 6; i++) {
    const t = randomTemplate(100 + i, 50);
    const angle = prng.range(-Math.PI, Math.PI);
    const moved = reimpress(t, 200 + i, angle, prng.range(-60, 60), prng.range(-60, 60));
    const score = match(t, moved);
    assert.ok(score > 40, `impression ${i}, rotation ${((angle * 180) / Math.PI).toFixed(0)} degrees: ${score}`);
  }
});

test('an elastically distorted impression still matches above the 0.01 % threshold', () => {
  const t = randomTemplate(61, 50);
  // A smooth warp as a finger pressed off-centre produces: nothing moves at the centre, the edges by up to ~20 px.
  const warped: FingerprintTemplate = {
    ...t,
    minutiae: t.minutiae.map((m) => {
      const u = (m.x - 150) / 150;
      const v = (m.y - 200) / 200;
      return { ...m, x: m.x + 12 * u * Math.abs(u) + 8 * v * v, y: m.y + 14 * v * Math.abs(v) - 6 * u * v };
    }),
  };
  const moved = reimpress(warped, 62, 0.7, -20, 35);
  const score = match(t, moved);
  assert.ok(score > 40, `score ${score}`);
});

test('unrelated templates score below the 1 % false-match threshold', () => {
  const templates = Array.from({ length: 12 }, (_, i) => prepare(randomTemplate(500 + i, 30 + 3 * i)));
  for (let a = 0; a < templates.length; a++) {
    for (let b = a + 1; b < templates.length; b++) {
      const score = matchPrepared(templates[a]!, templates[b]!);
      assert.ok(score < 20, `templates ${a} and ${b}: ${score}`);
    }
  }
});

test('swapping probe and candidate keeps a genuine pair high and an impostor pair low', () => {
  const t = randomTemplate(7, 40);
  const moved = reimpress(t, 8, 0.4, 25, -30);
  const other = randomTemplate(9, 40);
  assert.ok(match(t, moved) > 40 && match(moved, t) > 40);
  assert.ok(match(t, other) < 20 && match(other, t) < 20);
  const forward = match(t, moved);
  const backward = match(moved, t);
  assert.ok(Math.abs(forward - backward) <= 0.25 * Math.max(forward, backward), `${forward} vs ${backward}`);
});

test('empty and one-minutia templates score 0 without throwing', () => {
  const empty: FingerprintTemplate = { ...randomTemplate(1, 1), minutiae: [] };
  const one = randomTemplate(2, 1);
  const full = randomTemplate(3, 40);
  for (const [a, b] of [
    [empty, empty],
    [empty, full],
    [full, empty],
    [one, one],
    [one, full],
    [full, one],
  ] as const) {
    assert.equal(match(a, b), 0);
  }
});

test('minutiae with non-finite coordinates are ignored rather than poisoning the score', () => {
  const t = randomTemplate(11, 40);
  const broken: FingerprintTemplate = { ...t, minutiae: [...t.minutiae, { ...t.minutiae[0]!, x: Number.NaN }] };
  assert.ok(match(t, broken) > 40);
});

test('the same comparison gives the same score whatever was compared before', () => {
  const a = prepare(randomTemplate(21, 50));
  const b = prepare(reimpress(randomTemplate(21, 50), 22, 1.2, 10, 10));
  const c = prepare(randomTemplate(23, 60));
  const first = matchPrepared(a, b);
  matchPrepared(c, a);
  matchPrepared(b, c);
  assert.equal(matchPrepared(a, b), first);
  assert.equal(match(randomTemplate(21, 50), reimpress(randomTemplate(21, 50), 22, 1.2, 10, 10)), first);
});

test('prepare keeps at most 255 minutiae so indices fit in bytes', () => {
  const big = randomTemplate(31, 300);
  const prepared = prepare(big);
  assert.equal(prepared.count, 255);
  assert.ok(matchPrepared(prepared, prepared) > 40);
});
