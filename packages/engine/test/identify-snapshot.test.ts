import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { FingerprintGallery, type GalleryFingerInput } from '../src/identify/fingerprint-gallery.js';
import { encodeSubject } from '../src/identify/finger-batch.js';
import { CHUNK_RECORDS } from '../src/identify/identify-parameters.js';
import type { SnapshotSink, SnapshotSource } from '../src/identify/snapshot-format.js';
import { isEngineError } from '../src/errors.js';
import { syntheticBackgroundTemplate, syntheticMinutiaeImpression } from '../src/synthetic/index.js';

/** Collects a snapshot in memory (a file does the same through fs.writeSync). */
function memorySink(): SnapshotSink & { bytes(): Uint8Array } {
  const parts: Uint8Array[] = [];
  return {
    write: (bytes) => void parts.push(bytes.slice()),
    bytes: () => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.byteLength;
      }
      return out;
    },
  };
}

/** Reads `bytes` in pieces of at most 1 MB, as a file read loop would. */
function memorySource(bytes: Uint8Array): SnapshotSource {
  let at = 0;
  return {
    read(into) {
      const n = Math.min(into.byteLength, bytes.byteLength - at, 1 << 20);
      into.set(bytes.subarray(at, at + n));
      at += n;
      return n;
    },
  };
}

const fingers = (seed: number, capture: number): GalleryFingerInput[] =>
  [1, 2].map((position) => ({ position, template: syntheticMinutiaeImpression(seed, position, capture) }));

const source = new FingerprintGallery({ workers: 1 });
for (let s = 0; s < 50; s++) source.insert(`bg-${s}`, [1, 2].map((position) => ({ position, template: syntheticBackgroundTemplate(s, position) })));
for (let n = 0; n < 5; n++) source.insert(`person-${n}`, fingers(800_000 + n, 0));
source.delete('bg-7');
source.update('person-4', fingers(800_100, 0));
const sink = memorySink();
source.writeSnapshot(sink, { watermark: 'fingerprints.id=01JD5Z' });
const snapshot = sink.bytes();
after(() => source.close());

test('a snapshot loads into a gallery that answers searches exactly as the original', async () => {
  const { gallery, watermark } = FingerprintGallery.loadSnapshot(memorySource(snapshot), { workers: 1 });
  try {
    assert.equal(watermark, 'fingerprints.id=01JD5Z');
    assert.equal(gallery.size, source.size);
    assert.equal(gallery.has('bg-7'), false);
    // Written packed: the same subjects and fingers, without the runs the delete and the update freed.
    const { records, ...rest } = gallery.memory();
    const { records: sourceRecords, ...sourceRest } = source.memory();
    assert.deepEqual(rest, sourceRest);
    assert.equal(records, gallery.memory().fingers);
    // bg-7's run was reused by person-4's update, whose old run is the one hole left.
    assert.equal(sourceRecords, records + 2);
    for (const probe of [fingers(800_002, 3), fingers(800_100, 2), fingers(800_004, 1)]) {
      const [a, b] = await Promise.all([source.search(probe, { limit: 5, shortlist: 20 }), gallery.search(probe, { limit: 5, shortlist: 20 })]);
      assert.deepEqual(b, a);
    }
    // The loaded gallery keeps working: new subjects enrol after the packed ones.
    gallery.insert('late', fingers(800_200, 0));
    assert.equal((await gallery.search(fingers(800_200, 1), { limit: 1 })).candidates[0]?.subjectId, 'late');
    assert.equal(gallery.memory().sharedBytes, source.memory().sharedBytes);
  } finally {
    await gallery.close();
  }
});

test('a snapshot with a flipped byte, a cut end or another header is rejected with a stable code', () => {
  const flipped = snapshot.slice();
  flipped[snapshot.byteLength - 1000] = flipped[snapshot.byteLength - 1000]! ^ 0x10;
  assert.throws(() => FingerprintGallery.loadSnapshot(memorySource(flipped), { workers: 1 }), (e) => isEngineError(e, 'ENGINE_SNAPSHOT_CORRUPT'));
  const cut = snapshot.subarray(0, snapshot.byteLength - 64);
  assert.throws(() => FingerprintGallery.loadSnapshot(memorySource(cut), { workers: 1 }), (e) => isEngineError(e, 'ENGINE_SNAPSHOT_CORRUPT'));
  const foreign = snapshot.slice();
  foreign.set(new TextEncoder().encode('NOTAGLRY'));
  assert.throws(() => FingerprintGallery.loadSnapshot(memorySource(foreign), { workers: 1 }), (e) => isEngineError(e, 'ENGINE_SNAPSHOT_INVALID'));
  const future = snapshot.slice();
  new DataView(future.buffer).setUint32(8, 99, true);
  assert.throws(() => FingerprintGallery.loadSnapshot(memorySource(future), { workers: 1 }), (e) => isEngineError(e, 'ENGINE_SNAPSHOT_INVALID'));
  assert.throws(() => FingerprintGallery.loadSnapshot(memorySource(new Uint8Array(10)), { workers: 1 }), (e) => isEngineError(e, 'ENGINE_SNAPSHOT_CORRUPT'));
});

test('a gallery that churned is written packed: a restart holds no freed runs and fewer chunks, and searches the same', async () => {
  const churned = new FingerprintGallery({ workers: 1 });
  // More than a chunk of two-finger subjects (copies of one encoded subject: the layout is what is tested here).
  const filler = encodeSubject([1, 2].map((position) => ({ position, template: syntheticBackgroundTemplate(9_000, position) })));
  const fillers = CHUNK_RECORDS / 2 + 5_000;
  for (let i = 0; i < fillers; i++) churned.insertEncoded(`filler-${i}`, filler, 0, 2);
  for (let n = 0; n < 4; n++) churned.insert(`person-${n}`, fingers(810_000 + n, 0));
  // Churn: most fillers leave, and a person re-enrols with three fingers (the two-finger run is freed, not reused).
  for (let i = 0; i < fillers; i += 4) {
    for (let k = i; k < Math.min(fillers, i + 3); k++) churned.delete(`filler-${k}`);
  }
  churned.update('person-1', [...fingers(810_001, 0), { position: 3, template: syntheticMinutiaeImpression(810_001, 3, 0) }]);
  const before = churned.memory();
  assert.equal(before.sharedBytes / before.recordBytes, 2 * CHUNK_RECORDS);
  assert.ok(before.records > before.fingers + 2 * (fillers * 3) / 4 - 10);

  const out = memorySink();
  churned.writeSnapshot(out);
  const { gallery: restarted } = FingerprintGallery.loadSnapshot(memorySource(out.bytes()), { workers: 1 });
  try {
    const after = restarted.memory();
    assert.deepEqual([after.subjects, after.fingers, after.records], [before.subjects, before.fingers, before.fingers]);
    assert.equal(after.sharedBytes / after.recordBytes, CHUNK_RECORDS, 'one chunk instead of two');
    assert.deepEqual(restarted.positionsOf('person-1'), [1, 2, 3]);
    assert.equal(restarted.has('filler-0'), false);
    assert.equal(restarted.has('filler-3'), true);
    for (const probe of [fingers(810_000, 2), fingers(810_001, 1), fingers(810_003, 4), fingers(820_000, 1)]) {
      const [a, b] = await Promise.all([churned.search(probe, { limit: 5, shortlist: 30 }), restarted.search(probe, { limit: 5, shortlist: 30 })]);
      assert.deepEqual(b.candidates.map((c) => [c.subjectId, c.score]), a.candidates.map((c) => [c.subjectId, c.score]));
    }
    // Written again, a packed gallery is written as it is, byte for byte the same.
    const again = memorySink();
    restarted.writeSnapshot(again);
    const twice = memorySink();
    FingerprintGallery.loadSnapshot(memorySource(again.bytes()), { workers: 1 }).gallery.writeSnapshot(twice);
    assert.deepEqual(twice.bytes(), again.bytes());
    // And it keeps working: enrolments and deletes after the restart.
    restarted.insert('late', fingers(810_100, 0));
    assert.equal(restarted.delete('person-2'), true);
    assert.equal((await restarted.search(fingers(810_100, 1), { limit: 1 })).candidates[0]?.subjectId, 'late');
  } finally {
    await restarted.close();
    await churned.close();
  }
});
