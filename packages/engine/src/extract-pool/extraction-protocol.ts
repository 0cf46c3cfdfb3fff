/**
 * Messages between an {@link ExtractionPool} (main thread) and its extraction workers. The pixels cross as a
 * transferred ArrayBuffer (moved, not copied: the caller's buffer is detached); the extraction comes back as plain
 * data (structured clone of a template of at most a few hundred minutiae, a few kilobytes). An engine error in the
 * worker travels as its code and message so the pool can raise the same EngineError on the caller's side.
 */
import type { EngineErrorCode } from '../errors.js';
import type { Extraction, ExtractOptions } from '../minutiae/extract.js';

/** One image to extract: the raster's fields, its pixels (transferred) and the extraction options. */
export interface ExtractionRequest {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  /** Transferred: exactly width * height bytes, row-major. */
  readonly pixels: ArrayBuffer;
  readonly options: ExtractOptions;
}

/** A worker's answer: the extraction, an engine error (code and message), or any other failure's stack. */
export type ExtractionResponse =
  | { readonly id: number; readonly ok: true; readonly extraction: Extraction }
  | { readonly id: number; readonly ok: false; readonly code: EngineErrorCode; readonly message: string }
  | { readonly id: number; readonly ok: false; readonly code: undefined; readonly message: string };
