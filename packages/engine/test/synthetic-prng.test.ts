import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveSeed, Prng, seedWord } from '../src/synthetic/prng.js';
import { smoothNoise } from '../src/synthetic/smooth-noise.js';

function draw(seed: number, n: number): number[] {
  const prng = new Prng(seed);
  return Array.from({ length: n }, () => prng.nextUint32());
}

test('the same seed gives the same stream', () => {
  assert.deepEqual(draw(20261126, 1000), draw(20261126, 1000));
});

test('neighbouring seeds give unrelated streams', () => {
  const a = draw(1, 1000);
  const b = draw(2, 1000);
  const same = a.filter((v, i) => v === b[i]).length;
  assert.equal(same, 0);
});

test('seeds that differ only above 32 bits or in their fraction stay distinct', () => {
  assert.notEqual(seedWord(1), seedWord(2 ** 32 + 1));
  assert.notEqual(seedWord(0.5), seedWord(0));
  assert.notEqual(deriveSeed(7, 1), deriveSeed(7, 2));
});

test('uniform draws stay in [0, 1) with mean 1/2 and integers cover their range evenly', () => {
  const prng = new Prng(99);
  let sum = 0;
  const counts = new Array<number>(10).fill(0);
  const n = 100_000;
  for (let i = 0; i < n; i++) {
    const u = prng.uniform();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    counts[prng.int(10)]!++;
  }
  assert.ok(Math.abs(sum / n - 0.5) < 0.005, `mean ${sum / n}`);
  // Each bucket expects 10,000 with a standard deviation of 95; 5 sd is a safe bound for a fixed seed.
  for (const c of counts) assert.ok(Math.abs(c - n / 10) < 500, `bucket ${c}`);
});

test('normal draws have the requested mean and standard deviation', () => {
  const prng = new Prng(5);
  const n = 50_000;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    const z = prng.normal(10, 3);
    sum += z;
    sum2 += z * z;
  }
  const mean = sum / n;
  const sd = Math.sqrt(sum2 / n - mean * mean);
  assert.ok(Math.abs(mean - 10) < 0.05, `mean ${mean}`);
  assert.ok(Math.abs(sd - 3) < 0.05, `sd ${sd}`);
});

test('weighted draws follow their weights and never pick a zero weight', () => {
  const prng = new Prng(3);
  const counts = [0, 0, 0];
  for (let i = 0; i < 30_000; i++) counts[prng.weighted([1, 0, 2])]!++;
  assert.equal(counts[1], 0);
  assert.ok(Math.abs(counts[2]! / counts[0]! - 2) < 0.1, `ratio ${counts[2]! / counts[0]!}`);
});

test('smooth noise stays within [-1, 1] and changes little between neighbouring pixels', () => {
  const field = smoothNoise(200, 150, 40, new Prng(8));
  let maxStep = 0;
  for (let y = 0; y < 150; y++) {
    for (let x = 0; x < 200; x++) {
      const v = field[y * 200 + x]!;
      assert.ok(v >= -1 && v <= 1);
      if (x > 0) maxStep = Math.max(maxStep, Math.abs(v - field[y * 200 + x - 1]!));
    }
  }
  // A 40-px cell moves at most 2 (the lattice range) over 40 px, times the fade's peak slope 15/8.
  assert.ok(maxStep < (2 / 40) * (15 / 8) + 1e-6, `step ${maxStep}`);
});
