/**
 * Entry of an extraction worker (extraction-pool.ts starts it): answers each image it is sent with its extraction
 * or error (extraction-answer.ts), one at a time. The pool sends a worker its next image only after the last
 * answer, so nothing queues here.
 */
import { parentPort } from 'node:worker_threads';
import { answerExtraction } from './extraction-answer.js';
import type { ExtractionRequest } from './extraction-protocol.js';

const port = parentPort;
if (port === null) throw new Error('extraction-worker.ts runs only as a worker thread');

port.on('message', (request: ExtractionRequest) => port.postMessage(answerExtraction(request)));
