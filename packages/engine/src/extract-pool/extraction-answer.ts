/**
 * What an extraction worker does with one request: run the engine's {@link extract} and put the outcome in an
 * {@link ExtractionResponse}. Kept apart from the worker's entry (extraction-worker.ts), which only listens, so that
 * another entry can answer the same way (the tests' crashing worker does).
 */
import { isEngineError } from '../errors.js';
import { extract } from '../minutiae/extract.js';
import type { ExtractionRequest, ExtractionResponse } from './extraction-protocol.js';

/** The extraction of `request`'s image, or its engine error (code and message), or any other failure's stack. */
export function answerExtraction(request: ExtractionRequest): ExtractionResponse {
  const { id, width, height, dpi } = request;
  try {
    const extraction = extract({ width, height, dpi, pixels: new Uint8Array(request.pixels) }, request.options);
    return { id, ok: true, extraction };
  } catch (error) {
    if (isEngineError(error)) return { id, ok: false, code: error.code, message: error.message };
    return { id, ok: false, code: undefined, message: (error as Error).stack ?? String(error) };
  }
}
