/**
 * Worker thread of `sarhad bench identify`: makes the synthetic background subjects of a range and encodes them for
 * the gallery (compact minutiae and index codes, packages/engine/src/identify/finger-batch.ts), so that building a
 * gallery of millions of fingers uses every core. The main thread only copies the encoded batches in. Requests
 * `{ from, to, positions }` are answered with `{ from, to, batch }`, the batch's buffers transferred.
 */
import { parentPort } from 'node:worker_threads';
import {
  encodeFinger,
  fingerBatchBuffers,
  newFingerBatch,
  syntheticBackgroundTemplate,
  syntheticMinutiaeImpression,
  type FingerprintTemplate,
} from '@sarhad/engine';
import type { Background } from './bench-identify-background.js';

/** Subject numbers of `uniform` backgrounds start here, far from the small numbers tests and demos use. */
const UNIFORM_FIRST_PERSON = 10_000_000;

/** A range of background subjects to encode, each with a finger at every position in `positions`. */
export interface BuildRequest {
  readonly from: number;
  readonly to: number;
  readonly positions: readonly number[];
  readonly background: Background;
}

function backgroundTemplate(background: Background, subject: number, position: number): FingerprintTemplate {
  return background === 'uniform'
    ? syntheticMinutiaeImpression(UNIFORM_FIRST_PERSON + subject, position, 0)
    : syntheticBackgroundTemplate(subject, position);
}

const port = parentPort;
if (port === null) throw new Error('bench-identify-worker.ts runs only as a worker thread');

port.on('message', ({ from, to, positions, background }: BuildRequest) => {
  const batch = newFingerBatch((to - from) * positions.length);
  let i = 0;
  for (let subject = from; subject < to; subject++) {
    for (const position of positions) encodeFinger(batch, i++, position, backgroundTemplate(background, subject, position));
  }
  port.postMessage({ from, to, batch }, fingerBatchBuffers(batch));
});
