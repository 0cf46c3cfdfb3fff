import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FVC_B_LAYOUT,
  distinctComparisons,
  fvcProtocol,
  pairKey,
  sampleName,
  type FvcPair,
} from '../src/eval/fvc-protocol.js';
import { isEngineError } from '../src/errors.js';

const protocol = fvcProtocol(FVC_B_LAYOUT);
const n = protocol.samples.length;
const keys = (pairs: readonly FvcPair[]): number[] => pairs.map((p) => pairKey(p, n));

test('an FVC B set has 80 samples, 280 genuine, 45 FVC impostor and 2,880 all-pairs impostor comparisons', () => {
  assert.equal(n, 80);
  assert.equal(protocol.genuine.length, 280);
  assert.equal(protocol.impostorFvc.length, 45);
  assert.equal(protocol.impostorAll.length, 2880);
});

test('no comparison repeats within or across the genuine and all-pairs impostor lists', () => {
  const all = keys([...protocol.genuine, ...protocol.impostorAll]);
  assert.equal(new Set(all).size, all.length);
  // Together they are every unordered pair of the 80 images exactly once: C(80, 2) = 3,160.
  assert.equal(all.length, (80 * 79) / 2);
  assert.equal(new Set(keys(protocol.impostorFvc)).size, 45);
});

test('genuine pairs share a finger, impostor pairs never do, and the probe is always the earlier sample', () => {
  for (const p of protocol.genuine) {
    assert.equal(protocol.samples[p.probe]!.finger, protocol.samples[p.candidate]!.finger);
    assert.ok(p.probe < p.candidate);
  }
  for (const p of [...protocol.impostorAll, ...protocol.impostorFvc]) {
    assert.notEqual(protocol.samples[p.probe]!.finger, protocol.samples[p.candidate]!.finger);
    assert.ok(p.probe < p.candidate);
  }
});

test('the FVC impostors compare impression 1 with impression 1 and are a subset of the all-pairs impostors', () => {
  const allKeys = new Set(keys(protocol.impostorAll));
  for (const p of protocol.impostorFvc) {
    assert.equal(protocol.samples[p.probe]!.impression, 1);
    assert.equal(protocol.samples[p.candidate]!.impression, 1);
    assert.ok(allKeys.has(pairKey(p, n)));
  }
  assert.deepEqual(
    protocol.impostorFvc.slice(0, 2).map((p) => `${sampleName(protocol.samples[p.probe]!)}-${sampleName(protocol.samples[p.candidate]!)}`),
    ['101_1-102_1', '101_1-103_1'],
  );
});

test('the distinct comparison list runs each of the 3,160 pairs once, 45 of them labelled impostor_fvc', () => {
  const list = distinctComparisons(protocol);
  assert.equal(list.length, 3160);
  assert.equal(new Set(keys(list)).size, 3160);
  const count = (kind: string) => list.filter((p) => p.kind === kind).length;
  assert.equal(count('genuine'), 280);
  assert.equal(count('impostor_fvc'), 45);
  assert.equal(count('impostor'), 2835);
});

test('other layouts get the same construction: 3 fingers of 2 impressions give 3 genuine, 3 FVC and 12 impostors', () => {
  const small = fvcProtocol({ fingers: [7, 8, 9], impressions: [1, 2] });
  assert.equal(small.genuine.length, 3);
  assert.equal(small.impostorFvc.length, 3);
  assert.equal(small.impostorAll.length, 12);
  const c = (f: number, i: number) => (f - 7) * 2 + (i - 1);
  assert.deepEqual(small.impostorFvc, [
    { probe: c(7, 1), candidate: c(8, 1) },
    { probe: c(7, 1), candidate: c(9, 1) },
    { probe: c(8, 1), candidate: c(9, 1) },
  ]);
});

test('a layout that repeats a finger or lists no impressions is refused with ENGINE_EVAL_INPUT', () => {
  assert.throws(() => fvcProtocol({ fingers: [1, 1], impressions: [1, 2] }), (e) => isEngineError(e, 'ENGINE_EVAL_INPUT'));
  assert.throws(() => fvcProtocol({ fingers: [1, 2], impressions: [] }), (e) => isEngineError(e, 'ENGINE_EVAL_INPUT'));
});
