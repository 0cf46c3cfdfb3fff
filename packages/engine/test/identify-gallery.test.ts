import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { FingerprintGallery, type GalleryFingerInput } from '../src/identify/fingerprint-gallery.js';
import { isEngineError } from '../src/errors.js';
import { syntheticBackgroundTemplate, syntheticMinutiaeImpression } from '../src/synthetic/index.js';

// Background subjects are synthetic fingers (subject s, positions 1 and 2); mated probes are other impressions of
// template-level synthetic fingers enrolled under ids "mate-<n>" (generator seeds 900,000 + n, apart from every
// background subject). Two search workers, as on the target machine.
const BACKGROUND = 120;
const gallery = new FingerprintGallery({ workers: 2 });
after(() => gallery.close());

function background(s: number): GalleryFingerInput[] {
  return [1, 2].map((position) => ({ position, template: syntheticBackgroundTemplate(s, position) }));
}
function mate(n: number, capture: number, positions: readonly number[] = [1, 2]): GalleryFingerInput[] {
  return positions.map((position) => ({ position, template: syntheticMinutiaeImpression(900_000 + n, position, capture) }));
}

for (let s = 0; s < BACKGROUND; s++) gallery.insert(`bg-${s}`, background(s));
for (let n = 0; n < 6; n++) gallery.insert(`mate-${n}`, mate(n, 0));

test('a search finds the mate of a probe first, through the index and exhaustively', async () => {
  for (let n = 0; n < 6; n++) {
    const probe = mate(n, 1 + n);
    const indexed = await gallery.search(probe, { limit: 5, shortlist: 20 });
    const exhaustive = await gallery.search(probe, { limit: 5, exhaustive: true });
    assert.equal(indexed.candidates[0]?.subjectId, `mate-${n}`);
    assert.equal(exhaustive.candidates[0]?.subjectId, `mate-${n}`);
    // The shortlisted mate is scored by the same full matching as the exhaustive search.
    assert.ok(Math.abs(indexed.candidates[0]!.score - exhaustive.candidates[0]!.score) < 1e-9);
    assert.equal(indexed.searched, BACKGROUND + 6);
    assert.equal(indexed.matched, 20);
    assert.ok(Math.abs(indexed.penetration - 20 / (BACKGROUND + 6)) < 1e-12);
    assert.equal(exhaustive.matched, BACKGROUND + 6);
    assert.deepEqual(indexed.candidates[0]!.fingers.map((f) => f.position), [1, 2]);
    assert.ok(indexed.candidates[0]!.indexScore !== undefined && exhaustive.candidates[0]!.indexScore === undefined);
  }
});

test('a one-finger probe compares only that finger position', async () => {
  const result = await gallery.search(mate(2, 4, [2]), { limit: 1, shortlist: 10 });
  assert.equal(result.candidates[0]?.subjectId, 'mate-2');
  assert.deepEqual(result.candidates[0]!.fingers.map((f) => f.position), [2]);
});

test('thresholds, limits and the excluded subject shape the candidate list', async () => {
  const probe = mate(3, 2);
  const all = await gallery.search(probe, { limit: 50, shortlist: 50 });
  assert.ok(all.candidates.length === 50 && all.candidates.every((c, i) => i === 0 || c.score <= all.candidates[i - 1]!.score));
  const high = await gallery.search(probe, { threshold: all.candidates[0]!.score - 1e-9, shortlist: 50 });
  assert.deepEqual(high.candidates.map((c) => c.subjectId), ['mate-3']);
  const without = await gallery.search(probe, { exclude: 'mate-3', limit: 3, shortlist: 50 });
  assert.ok(!without.candidates.some((c) => c.subjectId === 'mate-3'));
  // targetFPIR 30 over the gallery's subjects: a per-subject FMR of 0.001 / N.
  const byTarget = await gallery.search(probe, { targetFpir: 30, shortlist: 50 });
  assert.ok(Math.abs(byTarget.threshold - (30 + 10 * Math.log10(gallery.size))) < 1e-9);
  assert.ok(byTarget.candidates.every((c) => c.score >= byTarget.threshold));
});

test('verify compares a probe with one enrolled subject at the positions both have', () => {
  const hit = gallery.verify('mate-1', mate(1, 3));
  assert.ok(hit !== undefined && hit.score > 40, `score ${hit?.score}`);
  assert.equal(gallery.verify('nobody', mate(1, 3)), undefined);
  assert.equal(gallery.verify('mate-1', mate(1, 3, [7])), undefined);
});

test('insert, update and delete keep ids, positions and size in step', async () => {
  const local = new FingerprintGallery({ workers: 1 });
  try {
    local.insert('a', mate(10, 0));
    local.insert('b', mate(11, 0, [3]));
    assert.equal(local.size, 2);
    assert.deepEqual(local.positionsOf('a'), [1, 2]);
    assert.deepEqual(local.positionsOf('b'), [3]);
    assert.throws(() => local.insert('a', mate(12, 0)), (e) => isEngineError(e, 'ENGINE_GALLERY_DUPLICATE'));
    assert.throws(() => local.update('zz', mate(12, 0)), (e) => isEngineError(e, 'ENGINE_GALLERY_NOT_FOUND'));
    assert.throws(() => local.insert('c', [...mate(12, 0), ...mate(13, 0)]), (e) => isEngineError(e, 'ENGINE_GALLERY_INPUT'));
    assert.throws(() => local.insert('c', mate(12, 0, [11])), (e) => isEngineError(e, 'ENGINE_GALLERY_INPUT'));
    assert.throws(() => local.insert('', mate(12, 0)), (e) => isEngineError(e, 'ENGINE_GALLERY_INPUT'));
    // Update replaces every finger: subject a now holds finger 14 at positions 4 and 5.
    local.update('a', mate(14, 0, [4, 5]));
    assert.deepEqual(local.positionsOf('a'), [4, 5]);
    assert.equal((await local.search(mate(10, 1), { limit: 5 })).candidates.length, 0, 'no subject has positions 1 or 2 now');
    assert.equal((await local.search(mate(14, 1, [4, 5]), { limit: 1 })).candidates[0]?.subjectId, 'a');
    assert.equal(local.delete('b'), true);
    assert.equal(local.delete('b'), false);
    assert.equal(local.size, 1);
    assert.deepEqual(local.positionsOf('b'), []);
    assert.equal((await local.search(mate(11, 1, [3]))).searched, 0);
    assert.equal(local.memory().fingers, 2);
  } finally {
    await local.close();
  }
  await assert.rejects(local.search(mate(1, 1)), (e) => isEngineError(e, 'ENGINE_GALLERY_CLOSED'));
  assert.throws(() => local.insert('x', mate(1, 0)), (e) => isEngineError(e, 'ENGINE_GALLERY_CLOSED'));
});

test('a search sees the gallery as it was when it started, while writes go on', async () => {
  const local = new FingerprintGallery({ workers: 2 });
  try {
    for (let s = 0; s < 60; s++) local.insert(`bg-${s}`, background(s));
    local.insert('target', mate(20, 0));
    local.insert('doomed', mate(21, 0));
    const before = local.search(mate(20, 2), { limit: 3, shortlist: 10 });
    const beforeDoomed = local.search(mate(21, 2), { limit: 3, shortlist: 10 });
    // While those run: the target's fingers are replaced by another finger's, doomed is deleted and its records
    // freed, and new subjects arrive (they may not take doomed's records while a search could still see them).
    local.update('target', mate(22, 0));
    local.delete('doomed');
    local.insert('newcomer', mate(21, 0));
    for (let s = 60; s < 80; s++) local.insert(`bg-${s}`, background(s));
    const after = local.search(mate(20, 2), { limit: 3, shortlist: 10 });
    const afterNew = local.search(mate(22, 2), { limit: 3, shortlist: 10 });
    const afterDoomed = local.search(mate(21, 2), { limit: 3, shortlist: 10 });

    const [b, bd, a, an, ad] = await Promise.all([before, beforeDoomed, after, afterNew, afterDoomed]);
    // Before: the old target, both fingers matched (never one old and one new finger); the doomed subject, not the
    // newcomer who enrolled the same finger later.
    assert.equal(b.candidates[0]?.subjectId, 'target');
    assert.ok(b.candidates[0]!.fingers.every((f) => f.score > 30), JSON.stringify(b.candidates[0]));
    assert.equal(b.searched, 62);
    assert.equal(bd.candidates[0]?.subjectId, 'doomed');
    assert.ok(!bd.candidates.some((c) => c.subjectId === 'newcomer'));
    // After: the old fingers no longer match the target; its new ones do; the newcomer replaces doomed.
    assert.ok(a.candidates.every((c) => c.subjectId !== 'target' || c.score < 20), JSON.stringify(a.candidates));
    assert.equal(an.candidates[0]?.subjectId, 'target');
    assert.equal(ad.candidates[0]?.subjectId, 'newcomer');
    assert.ok(!ad.candidates.some((c) => c.subjectId === 'doomed'));
    assert.equal(a.searched, 82);
  } finally {
    await local.close();
  }
});

test('many searches interleaved with inserts and deletes each see one consistent state', async () => {
  const local = new FingerprintGallery({ workers: 2 });
  try {
    const live = new Set<string>();
    for (let s = 0; s < 40; s++) {
      local.insert(`bg-${s}`, background(s));
      live.add(`bg-${s}`);
    }
    const checks: Promise<void>[] = [];
    for (let round = 0; round < 12; round++) {
      const id = `m-${round}`;
      local.insert(id, mate(30 + round, 0));
      live.add(id);
      const visible = new Set(live);
      checks.push(
        local.search(mate(30 + round, 1), { limit: 100, shortlist: 100 }).then((result) => {
          assert.equal(result.candidates[0]?.subjectId, id);
          assert.equal(result.searched, visible.size);
          for (const c of result.candidates) assert.ok(visible.has(c.subjectId), `${c.subjectId} was not live when the search began`);
        }),
      );
      // Delete a background subject and an earlier mate, and enrol another background: records get freed and reused.
      local.delete(`bg-${round}`);
      live.delete(`bg-${round}`);
      if (round > 0) {
        local.delete(`m-${round - 1}`);
        live.delete(`m-${round - 1}`);
      }
      local.insert(`bg-${100 + round}`, background(100 + round));
      live.add(`bg-${100 + round}`);
    }
    await Promise.all(checks);
    assert.equal(local.size, live.size);
    const final = await local.search(mate(41, 1), { limit: 100, shortlist: 100 });
    assert.equal(final.searched, live.size);
    assert.equal(final.candidates[0]?.subjectId, 'm-11');
  } finally {
    await local.close();
  }
});
