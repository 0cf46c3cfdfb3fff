/**
 * Turns a submitted capture into the template Sarhad keeps: ISO/ANSI/Sarhad templates are decoded and re-encoded
 * in the internal format; grey rasters are run through the engine's extractor and then dropped (images are never
 * stored). Engine failures become FINGERPRINT_TEMPLATE_INVALID (the bytes are wrong) or FINGERPRINT_UNUSABLE (the
 * capture holds too little of a finger: the lane asks for a new capture or another finger).
 */
import {
  decodeAnyTemplate,
  encodeTemplate,
  extract,
  isEngineError,
  prepare,
  type FingerprintTemplate,
  type PreparedTemplate,
} from '@sarhad/engine';
import { ServerError } from '../errors.js';
import { MIN_TEMPLATE_MINUTIAE, type FingerCapture, type FingerprintSource } from '../domain/fingerprints.js';

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

/** Decodes or extracts one capture. Throws FINGERPRINT_TEMPLATE_INVALID or FINGERPRINT_UNUSABLE. */
export function captureFinger(capture: FingerCapture): CapturedFinger {
  const position = capture.position;
  let template: FingerprintTemplate;
  let sourceFormat: FingerprintSource;
  let quality: number;
  try {
    if (capture.template !== undefined) {
      const decoded = decodeAnyTemplate(new Uint8Array(Buffer.from(capture.template, 'base64')));
      template = { ...pickView(decoded.views, position), fingerPosition: position };
      sourceFormat = decoded.format;
      quality = template.quality;
    } else {
      const raster = capture.raster!;
      const pixels = new Uint8Array(Buffer.from(raster.pixelsBase64, 'base64'));
      if (pixels.length !== raster.width * raster.height) {
        throw new ServerError(
          'FINGERPRINT_TEMPLATE_INVALID',
          `finger ${position}: the raster has ${pixels.length} bytes, ${raster.width}x${raster.height} needs ${raster.width * raster.height}`,
        );
      }
      const extraction = extract({ width: raster.width, height: raster.height, dpi: raster.dpi, pixels }, { fingerPosition: position });
      template = extraction.template;
      sourceFormat = 'raster';
      quality = extraction.quality;
    }
  } catch (error) {
    if (error instanceof ServerError) throw error;
    engineFailure(position, error);
  }
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

/** Decodes a stored template (Sarhad internal format, base64) and prepares it for matching. */
export function preparedFromStored(templateBase64: string): PreparedTemplate {
  return prepare(decodeAnyTemplate(new Uint8Array(Buffer.from(templateBase64, 'base64'))).views[0]!);
}
