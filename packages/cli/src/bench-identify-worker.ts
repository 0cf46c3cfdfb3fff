/**
 * Worker thread of `sarhad bench identify`: makes the synthetic background subjects of a range and encodes them for
 * the gallery (compact minutiae and index codes, packages/engine/src/identify/finger-batch.ts), so that building a
 * gallery of millions of fingers uses every core. The main thread only copies the encoded batches in. Requests
 * `{ from, to, positions }` are answered with `{ from, to, batch }`, the batch's buffers transferred.
 */
import { parentPort } from 'node:worker_threads';
import { encodeFinger, fingerBatchBuffers, newFingerBatch, syntheticBackgroundTemplate } from '@sarhad/engine';

/** A range of background subjects to encode, each with a finger at every position in `positions`. */
export interface BuildRequest {
  readonly from: number;
  readonly to: number;
  readonly positions: readonly number[];
}

const port = parentPort;
if (port === null) throw new Error('bench-identify-worker.ts runs only as a worker thread');

port.on('message', ({ from, to, positions }: BuildRequest) => {
  const batch = newFingerBatch((to - from) * positions.length);
  let i = 0;
  for (let subject = from; subject < to; subject++) {
    for (const position of positions) encodeFinger(batch, i++, position, syntheticBackgroundTemplate(subject, position));
  }
  port.postMessage({ from, to, batch }, fingerBatchBuffers(batch));
});
