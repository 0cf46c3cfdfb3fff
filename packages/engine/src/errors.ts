/**
 * Engine errors. Every failure the engine reports carries a stable string code (listed in docs/errors.md and
 * kept in step by test/errors.test.ts) so that callers, the HTTP layer and the CLI can act on it without parsing
 * messages.
 */

export const ENGINE_ERROR_CODES = [
  /** The raster is smaller than a usable fingerprint area after resampling to 500 dpi. */
  'ENGINE_IMAGE_TOO_SMALL',
  /** The raster is larger than any fingerprint capture we accept (protects memory). */
  'ENGINE_IMAGE_TOO_LARGE',
  /** The raster's width, height, dpi or pixel buffer are inconsistent or out of range. */
  'ENGINE_IMAGE_INVALID',
  /** The raster has no usable contrast: a blank or saturated capture. */
  'ENGINE_IMAGE_BLANK',
  /** Bytes are not a finger image record this engine reads (ISO/IEC 19794-4), or it is truncated or inconsistent. */
  'ENGINE_IMAGE_RECORD_INVALID',
  /** Segmentation found too little ridge area to be a fingerprint. */
  'ENGINE_NO_FINGERPRINT',
  /** Template bytes are shorter than their headers or declared lengths say. */
  'ENGINE_TEMPLATE_TRUNCATED',
  /** Template bytes do not start with a known magic number or version. */
  'ENGINE_TEMPLATE_FORMAT',
  /** Template bytes are structurally invalid (bad lengths, counts, field values). */
  'ENGINE_TEMPLATE_CORRUPT',
  /** A template cannot be encoded in the requested format (too many minutiae, coordinates out of range...). */
  'ENGINE_TEMPLATE_UNENCODABLE',
  /** A false-match rate or score threshold outside its valid range. */
  'ENGINE_INVALID_THRESHOLD',
  /** Evaluation inputs that cannot produce the requested statistic (no genuine or impostor scores...). */
  'ENGINE_EVAL_INPUT',
  /** A gallery call with invalid input: subject id, finger positions, fingers per subject, search options. */
  'ENGINE_GALLERY_INPUT',
  /** A subject id inserted into the gallery is already enrolled there. */
  'ENGINE_GALLERY_DUPLICATE',
  /** A subject id to update is not in the gallery. */
  'ENGINE_GALLERY_NOT_FOUND',
  /** The gallery was closed; it accepts no more writes or searches. */
  'ENGINE_GALLERY_CLOSED',
  /** A worker thread (gallery search, image extraction) failed or stopped while answering, or its pool was closed. */
  'ENGINE_WORKER_FAILED',
  /** The bytes are not a gallery snapshot this engine reads (magic, format version or record layout differ). */
  'ENGINE_SNAPSHOT_INVALID',
  /** A gallery snapshot is truncated, fails its checksum, or has an inconsistent id table. */
  'ENGINE_SNAPSHOT_CORRUPT',
] as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** An error raised by the engine, with a stable {@link EngineErrorCode}. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `error` is an {@link EngineError}, optionally with the given code. */
export function isEngineError(error: unknown, code?: EngineErrorCode): error is EngineError {
  return error instanceof EngineError && (code === undefined || error.code === code);
}
