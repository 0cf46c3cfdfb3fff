/**
 * Entry of a gallery search worker (worker-pool.ts starts it). It keeps views of the gallery's shared chunks,
 * attached as the main thread sends them, and answers two requests, each with an id:
 * - `scan`: the index scan (or exhaustive matching) of a slice of subjects;
 * - `match`: full matching of shortlisted subjects.
 * Probes arrive as transferred ArrayBuffers and results leave as transferred Float64Array buffers (gallery-scan.ts
 * describes the layout), so neither side copies them.
 */
import { parentPort } from 'node:worker_threads';
import { viewChunk, type GalleryChunk } from './gallery-chunk.js';
import { matchRecords, ProbeContext, scanSubjects } from './gallery-scan.js';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';

const chunks: GalleryChunk[] = [];
const port = parentPort;
if (port === null) throw new Error('search-worker.ts runs only as a worker thread');

function attach(base: number, buffers: readonly SharedArrayBuffer[] | undefined): void {
  if (buffers === undefined) return;
  buffers.forEach((buffer, i) => (chunks[base + i] = viewChunk(buffer)));
}

function answer(request: WorkerRequest): WorkerResponse {
  attach(request.chunkBase, request.chunks);
  const probe = new ProbeContext(request.probe);
  const result =
    request.type === 'scan'
      ? scanSubjects(chunks, request, probe)
      : matchRecords(chunks, request.seq, new Int32Array(request.records), new Float64Array(request.indexScores), probe);
  return { id: request.id, ok: true, result: result.buffer as ArrayBuffer, probeBytes: request.probe.byteLength };
}

port.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = answer(request);
  } catch (error) {
    response = { id: request.id, ok: false, message: (error as Error).stack ?? String(error) };
  }
  port.postMessage(response, response.ok ? [response.result] : []);
});
