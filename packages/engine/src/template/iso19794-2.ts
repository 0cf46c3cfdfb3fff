/**
 * ISO/IEC 19794-2:2005 finger minutiae record reader and writer. Layout (big-endian), record header:
 * ```
 * offset size field
 *      0    4  "FMR\0"
 *      4    4  version " 20\0"
 *      8    4  record length in bytes (header included)
 *     12    2  capture device: bit 15 certification flag, bits 11-0 device type
 *     14    2  image width in pixels       16  2  image height
 *     18    2  x resolution in pixels/cm   20  2  y resolution
 *     22    1  number of finger views      23  1  reserved
 *     24       finger views (see fmr-views.ts)
 * ```
 * Minutia angles are in units of 360/256 degrees (1.40625), counter-clockwise from the positive x axis with y
 * pointing down, the engine's own convention, so conversion is a change of units: unit 64 is 90 degrees. The
 * writer rounds to the nearest unit modulo 256, so the direction error is at most 0.703 degrees. Coordinates
 * convert exactly between the record's resolution and the engine's 500 dpi (fmr-views.ts).
 *
 * The reader is strict about structure: the declared length must equal the bytes given (shorter input is
 * ENGINE_TEMPLATE_TRUNCATED, trailing bytes ENGINE_TEMPLATE_CORRUPT), declared counts are checked against the
 * bytes present, and reserved codes (minutia type 11, unknown impression types, qualities above 100) are
 * ENGINE_TEMPLATE_CORRUPT.
 */
import { EngineError } from '../errors.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { checkRecordLength, classifyFmrRecord, FMR_2005_PREFIX } from './fmr-header.js';
import {
  asViewList,
  DEFAULT_RESOLUTION_PPCM,
  fmrImageFor,
  fmrViewsByteLength,
  readFmrImage,
  readFmrViews,
  writeFmrViews,
} from './fmr-views.js';
import { ISO19794_2_2005_FORMAT } from './template-format.js';
import type { FingerprintTemplate } from './template.js';

/** Minutia angle units in a full turn (each 360/256 degrees). */
export const ISO19794_2_ANGLE_UNITS = 256;

const HEADER_BYTES = 24;
const MAX_DEVICE_TYPE = 0x0fff;
const WHAT = 'ISO/IEC 19794-2:2005 record';

/** A decoded ISO/IEC 19794-2:2005 record: the header's fields as written, and each finger view in engine units. */
export interface IsoRecord {
  readonly format: typeof ISO19794_2_2005_FORMAT;
  /** Image width in the record's own pixels. */
  readonly width: number;
  /** Image height in the record's own pixels. */
  readonly height: number;
  readonly resolutionXPpcm: number;
  readonly resolutionYPpcm: number;
  /** Capture device certification flag (bit 15 of the capture device field). */
  readonly deviceCertified: boolean;
  /** Vendor-assigned capture device type (bits 11-0; 0 unreported). */
  readonly deviceType: number;
  /** Finger views converted to 500-dpi engine templates, in record order. */
  readonly views: FingerprintTemplate[];
}

/** Options for {@link encodeIso19794}. */
export interface IsoEncodeOptions {
  /** Resolution written in both header fields, in pixels per cm; coordinates are converted to it. Default 197. */
  readonly resolutionPpcm?: number;
  /** Capture device type, 0..4095. Default 0 (unreported). */
  readonly deviceType?: number;
  /** Capture device certification flag. Default false. */
  readonly deviceCertified?: boolean;
}

/**
 * Decodes an ISO/IEC 19794-2:2005 finger minutiae record with any number of finger views.
 * Throws ENGINE_TEMPLATE_FORMAT (another format, including an ANSI/INCITS 378-2004 record),
 * ENGINE_TEMPLATE_TRUNCATED or ENGINE_TEMPLATE_CORRUPT.
 */
export function decodeIsoRecord(bytes: Uint8Array): IsoRecord {
  if (!(bytes instanceof Uint8Array)) {
    throw new EngineError('ENGINE_TEMPLATE_FORMAT', `${WHAT}: expected a Uint8Array, got ${typeof bytes}`);
  }
  if (classifyFmrRecord(bytes) !== ISO19794_2_2005_FORMAT) {
    throw new EngineError('ENGINE_TEMPLATE_FORMAT', `${WHAT}: the length field says ANSI/INCITS 378-2004, not ISO`);
  }
  const reader = new ByteReader(bytes, WHAT);
  reader.skip(FMR_2005_PREFIX.length, 'magic and version');
  const length = reader.u32('record length');
  checkRecordLength(length, HEADER_BYTES, bytes.length, WHAT);
  const device = reader.u16('capture device');
  const { image, viewCount } = readFmrImage(reader, WHAT);
  const views = readFmrViews(reader, viewCount, image, ISO19794_2_ANGLE_UNITS, WHAT);
  if (reader.remaining !== 0) {
    throw new EngineError('ENGINE_TEMPLATE_CORRUPT', `${WHAT}: ${reader.remaining} bytes after the last finger view`);
  }
  return {
    format: ISO19794_2_2005_FORMAT,
    ...image,
    deviceCertified: (device & 0x8000) !== 0,
    deviceType: device & MAX_DEVICE_TYPE,
    views,
  };
}

/**
 * Encodes one or more templates (one finger view each) as an ISO/IEC 19794-2:2005 record at 197 px/cm unless
 * `options.resolutionPpcm` says otherwise. All views must share one image size. Throws
 * ENGINE_TEMPLATE_UNENCODABLE for what the format cannot hold (see fmr-views.ts: over 255 views or 255 minutiae a
 * view, coordinates beyond 14 bits, more than 16 views of a finger) or invalid template fields.
 */
export function encodeIso19794(
  templates: FingerprintTemplate | readonly FingerprintTemplate[],
  options: IsoEncodeOptions = {},
): Uint8Array {
  const list = asViewList(templates);
  const deviceType = options.deviceType ?? 0;
  if (!Number.isInteger(deviceType) || deviceType < 0 || deviceType > MAX_DEVICE_TYPE) {
    throw new EngineError(
      'ENGINE_TEMPLATE_UNENCODABLE',
      `${WHAT}: capture device type must be an integer 0..4095, got ${deviceType}`,
    );
  }
  const image = fmrImageFor(list, options.resolutionPpcm ?? DEFAULT_RESOLUTION_PPCM, WHAT);
  const length = HEADER_BYTES + fmrViewsByteLength(list);
  const out = new ByteWriter(length);
  out.raw(FMR_2005_PREFIX);
  out.u32(length);
  out.u16((options.deviceCertified === true ? 0x8000 : 0) | deviceType);
  out.u16(image.width);
  out.u16(image.height);
  out.u16(image.resolutionXPpcm);
  out.u16(image.resolutionYPpcm);
  out.u8(list.length);
  out.u8(0);
  writeFmrViews(out, list, image, ISO19794_2_ANGLE_UNITS, WHAT);
  return out.finish();
}
