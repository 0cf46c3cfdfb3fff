import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { FingerprintGallery, type GalleryFingerInput } from '../src/identify/fingerprint-gallery.js';
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
    assert.deepEqual(gallery.memory(), source.memory());
    for (const probe of [fingers(800_002, 3), fingers(800_100, 2), fingers(800_004, 1)]) {
      const [a, b] = await Promise.all([source.search(probe, { limit: 5, shortlist: 20 }), gallery.search(probe, { limit: 5, shortlist: 20 })]);
      assert.deepEqual(b, a);
    }
    // The loaded gallery keeps working: the deleted subject's records are free and new subjects can enrol.
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
