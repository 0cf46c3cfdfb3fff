/**
 * Turns a submitted capture into the template Sarhad keeps: ISO/ANSI/Sarhad templates are decoded and re-encoded
 * in the internal format; grey rasters are run through the engine's extractor and then dropped (images are never
 * stored). Engine failures become FINGERPRINT_TEMPLATE_INVALID (the bytes are wrong) or FINGERPRINT_UNUSABLE (the
 * capture holds too little of a finger: the lane asks for a new capture or another finger).
 *
 * Requests extract rasters in the engine's extraction workers (captureFingerAsync, the pool in ServiceContext), so
 * that fifty lanes sending images do not queue every other request behind the extractor on the one event loop.
 */
import {
  decodeAnyTemplate,
  encodeTemplate,
  extract,
  isEngineError,
  prepare,
  type Extraction,
  type ExtractionPool,
  type FingerprintTemplate,
  type GrayImage,
  type PreparedTemplate,
} from '@sarhad/engine';
import { ServerError } from '../errors.js';
import { MIN_TEMPLATE_MINUTIAE, type FingerCapture, type FingerprintSource, type GreyRaster } from '../domain/fingerprints.js';

/** A capture ready to store and compare. */
export interface CapturedFinger {
  readonly position: number;
  readonly template: FingerprintTemplate;
  readonly prepared: PreparedTemplate;
  /** Sarhad internal format. */
  readonly encoded: Uint8Array;
  readonly quality: number;
  readonly sourceFormat: FingerprintSource;
  readonly capturedAt: string;
}

const UNUSABLE_CODES = ['ENGINE_IMAGE_TOO_SMALL', 'ENGINE_IMAGE_BLANK', 'ENGINE_NO_FINGERPRINT'] as const;

function engineFailure(position: number, error: unknown): never {
  if (isEngineError(error)) {
    const code = (UNUSABLE_CODES as readonly string[]).includes(error.code) ? 'FINGERPRINT_UNUSABLE' : 'FINGERPRINT_TEMPLATE_INVALID';
    throw new ServerError(code, `finger ${position}: ${error.message} (${error.code})`, { cause: error });
  }
  throw error;
}

/** The view of a multi-view record that is this finger, or the only view when it names no finger. */
function pickView(views: readonly FingerprintTemplate[], position: number): FingerprintTemplate {
  const same = views.filter((v) => v.fingerPosition === position);
  if (same.length > 0) return same.reduce((best, v) => (v.quality > best.quality ? v : best));
  if (views.length === 1 && views[0]!.fingerPosition === 0) return views[0]!;
  const named = views.map((v) => v.fingerPosition).join(', ');
  throw new ServerError('FINGERPRINT_TEMPLATE_INVALID', `finger ${position}: the template holds finger position(s) ${named}, not ${position}`);
}

/** A capture's template before the checks every capture passes, with where it came from. */
interface Captured {
  readonly template: FingerprintTemplate;
  readonly sourceFormat: FingerprintSource;
  readonly quality: number;
}

/** The template of a capture that sent one: decoded, the view of this finger picked. */
function decodeCapture(position: number, templateBase64: string): Captured {
  try {
    const decoded = decodeAnyTemplate(new Uint8Array(Buffer.from(templateBase64, 'base64')));
    const template = { ...pickView(decoded.views, position), fingerPosition: position };
    return { template, sourceFormat: decoded.format, quality: template.quality };
  } catch (error) {
    if (error instanceof ServerError) throw error;
    engineFailure(position, error);
  }
}

/** The grey image of a capture that sent a raster; FINGERPRINT_TEMPLATE_INVALID when its bytes do not fill it. */
function rasterImage(position: number, raster: GreyRaster): GrayImage {
  const pixels = new Uint8Array(Buffer.from(raster.pixelsBase64, 'base64'));
  if (pixels.length !== raster.width * raster.height) {
    throw new ServerError(
      'FINGERPRINT_TEMPLATE_INVALID',
      `finger ${position}: the raster has ${pixels.length} bytes, ${raster.width}x${raster.height} needs ${raster.width * raster.height}`,
    );
  }
  return { width: raster.width, height: raster.height, dpi: raster.dpi, pixels };
}

/** Checks a captured template has enough minutiae, then encodes and prepares it. */
function finishCapture(capture: Pick<FingerCapture, 'position' | 'capturedAt'>, { template, sourceFormat, quality }: Captured): CapturedFinger {
  const position = capture.position;
  if (template.minutiae.length < MIN_TEMPLATE_MINUTIAE) {
    throw new ServerError(
      'FINGERPRINT_UNUSABLE',
      `finger ${position}: ${template.minutiae.length} minutiae, at least ${MIN_TEMPLATE_MINUTIAE} needed; capture again or use another finger`,
    );
  }
  let encoded: Uint8Array;
  try {
    encoded = encodeTemplate(template);
  } catch (error) {
    engineFailure(position, error);
  }
  return {
    position,
    template,
    prepared: prepare(template),
    encoded,
    quality: Math.max(0, Math.min(100, Math.round(quality))),
    sourceFormat,
    capturedAt: new Date(capture.capturedAt).toISOString(),
  };
}

/**
 * Decodes or extracts one capture on the calling thread. Throws FINGERPRINT_TEMPLATE_INVALID or
 * FINGERPRINT_UNUSABLE. For templates (ABIS requests carry nothing else) and callers without extraction workers;
 * the server's requests use {@link captureFingerAsync}, which extracts rasters off the event loop.
 */
export function captureFinger(capture: FingerCapture): CapturedFinger {
  const position = capture.position;
  if (capture.template !== undefined) return finishCapture(capture, decodeCapture(position, capture.template));
  const image = rasterImage(position, capture.raster!);
  let extraction: Extraction;
  try {
    extraction = extract(image, { fingerPosition: position });
  } catch (error) {
    engineFailure(position, error);
  }
  return finishCapture(capture, { template: extraction.template, sourceFormat: 'raster', quality: extraction.quality });
}

/**
 * {@link captureFinger} with a raster extracted by `extraction`'s worker threads (17-38 ms of CPU an image, which
 * on the event loop would hold up every other request); a template is decoded on the calling thread as before,
 * being cheap. Same errors and messages; a worker that fails is the server's fault, not the capture's, and
 * propagates as ENGINE_WORKER_FAILED (an internal error).
 */
export async function captureFingerAsync(capture: FingerCapture, extraction: ExtractionPool | undefined): Promise<CapturedFinger> {
  if (capture.template !== undefined || extraction === undefined) return captureFinger(capture);
  return captureImageAsync(capture, rasterImage(capture.position, capture.raster!), extraction);
}

/**
 * A finger image already decoded (an ISO/IEC 19794-4 record's, say) extracted in `extraction`'s worker threads,
 * or on the calling thread without them; the capture's own template or raster, if any, is not read. Same errors
 * as {@link captureFingerAsync}.
 */
export async function captureImageAsync(
  capture: Pick<FingerCapture, 'position' | 'capturedAt'>,
  image: GrayImage,
  extraction: ExtractionPool | undefined,
): Promise<CapturedFinger> {
  const position = capture.position;
  let extracted: Extraction;
  try {
    extracted = extraction === undefined ? extract(image, { fingerPosition: position }) : await extraction.extract(image, { fingerPosition: position });
  } catch (error) {
    if (isEngineError(error, 'ENGINE_WORKER_FAILED')) throw error;
    engineFailure(position, error);
  }
  return finishCapture(capture, { template: extracted.template, sourceFormat: 'raster', quality: extracted.quality });
}

/** Decodes a stored template (Sarhad internal format, base64) and prepares it for matching. */
export function preparedFromStored(templateBase64: string): PreparedTemplate {
  return prepare(decodeAnyTemplate(new Uint8Array(Buffer.from(templateBase64, 'base64'))).views[0]!);
}
