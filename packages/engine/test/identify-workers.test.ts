import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeProbe } from '../src/identify/finger-batch.js';
import { FingerprintGallery } from '../src/identify/fingerprint-gallery.js';
import { ENTRY_STRIDE, RESULT_HEADER } from '../src/identify/gallery-scan.js';
import { WorkerPool } from '../src/identify/worker-pool.js';
import { syntheticMinutiaeImpression } from '../src/synthetic/index.js';

const probeFingers = [1, 2].map((position) => ({ position, template: syntheticMinutiaeImpression(700_000, position, 1) }));

test('a probe is transferred to a search worker, not copied: the sender\'s buffer is detached', async () => {
  const pool = new WorkerPool(1);
  try {
    const probe = encodeProbe(probeFingers);
    const bytes = probe.byteLength;
    assert.ok(bytes > 0);
    const answer = pool.request(0, { type: 'scan', seq: 0, probe, from: 0, to: 0, keep: 5, exhaustive: false, exclude: -1 }, [], [probe]);
    // postMessage with a transfer list moves the memory: the sender's buffer is empty at once.
    assert.equal(probe.byteLength, 0);
    const response = await answer;
    // The worker received every byte, and its result came back as a transferred ArrayBuffer.
    assert.equal(response.probeBytes, bytes);
    assert.ok(response.result instanceof ArrayBuffer);
    const result = new Float64Array(response.result);
    assert.equal(result[0], 0, 'an empty slice has no entries');
    assert.equal(result.length, RESULT_HEADER);
  } finally {
    await pool.close();
  }
});

test('shortlists and results cross as transferred buffers; the caller\'s probe stays usable', async () => {
  const pool = new WorkerPool(1);
  try {
    const probe = encodeProbe(probeFingers);
    const records = new Int32Array([]).buffer;
    const indexScores = new Float64Array([]).buffer;
    const answer = pool.request(0, { type: 'match', seq: 0, probe, records, indexScores }, [], [probe, records, indexScores]);
    assert.equal(records.byteLength, 0);
    assert.equal(indexScores.byteLength, 0);
    const result = new Float64Array((await answer).result);
    assert.equal(result.length, RESULT_HEADER + 0 * ENTRY_STRIDE);
  } finally {
    await pool.close();
  }
  // The gallery transfers copies of the probe it encodes, so the caller's templates are untouched by a search.
  const gallery = new FingerprintGallery({ workers: 2 });
  try {
    gallery.insert('p', probeFingers);
    const before = JSON.stringify(probeFingers);
    const result = await gallery.search(probeFingers, { limit: 1 });
    assert.equal(result.candidates[0]?.subjectId, 'p');
    assert.equal(JSON.stringify(probeFingers), before);
  } finally {
    await gallery.close();
  }
});

test('a failing worker request rejects with ENGINE_WORKER_FAILED', async () => {
  const pool = new WorkerPool(1);
  try {
    const bad = new ArrayBuffer(3); // not a whole number of uint16 words
    await assert.rejects(
      pool.request(0, { type: 'scan', seq: 0, probe: bad, from: 0, to: 0, keep: 1, exhaustive: false, exclude: -1 }, [], [bad]),
      (e: unknown) => (e as { code?: string }).code === 'ENGINE_WORKER_FAILED',
    );
  } finally {
    await pool.close();
  }
});
