/**
 * ANSI/INCITS 378-2004 finger minutiae record reader and writer. Layout (big-endian), record header:
 * ```
 * offset size field
 *      0    4  "FMR\0"
 *      4    4  version " 20\0"
 *      8    2  record length in bytes, 26..65535; or 0, then a 4-byte length at offset 10 for longer records
 *              (every later offset moves by 4)
 *     10    4  CBEFF product identifier: u16 owner, u16 type
 *     14    2  capture equipment: bits 15-12 compliance, bits 11-0 equipment id
 *     16    2  image width in pixels       18  2  image height
 *     20    2  x resolution in pixels/cm   22  2  y resolution
 *     24    1  number of finger views      25  1  reserved
 *     26       finger views (see fmr-views.ts; the same layout as ISO/IEC 19794-2:2005)
 * ```
 * Minutia angles are in units of 2 degrees, 0..179, counter-clockwise from the positive x axis: unit 45 is 90
 * degrees. The writer rounds to the nearest unit modulo 180 (error at most 1 degree). Coordinates convert exactly
 * between the record's resolution and the engine's 500 dpi (fmr-views.ts). Structural strictness as for ISO
 * (iso19794-2.ts); angle units 180..255 are ENGINE_TEMPLATE_CORRUPT.
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
import { ANSI378_2004_FORMAT } from './template-format.js';
import type { FingerprintTemplate } from './template.js';

/** Minutia angle units in a full turn (each 2 degrees). */
export const ANSI378_ANGLE_UNITS = 180;

/** Header bytes with the 2-byte length field; the 6-byte form adds 4. Also the minimum record length. */
const SHORT_HEADER_BYTES = 26;
const LONG_LENGTH_EXTRA_BYTES = 4;
const MAX_SHORT_LENGTH = 0xffff;
const MAX_EQUIPMENT_ID = 0x0fff;
const MAX_COMPLIANCE = 0x0f;
const WHAT = 'ANSI/INCITS 378-2004 record';

/** A decoded ANSI/INCITS 378-2004 record: the header's fields as written, and each finger view in engine units. */
export interface AnsiRecord {
  readonly format: typeof ANSI378_2004_FORMAT;
  /** Image width in the record's own pixels. */
  readonly width: number;
  /** Image height in the record's own pixels. */
  readonly height: number;
  readonly resolutionXPpcm: number;
  readonly resolutionYPpcm: number;
  /** CBEFF product identifier owner (IBIA-registered vendor; 0 unreported). */
  readonly productOwner: number;
  /** CBEFF product identifier type, assigned by the owner. */
  readonly productType: number;
  /** Capture equipment compliance bits (bits 15-12; bit 15 is Appendix F certification). */
  readonly equipmentCompliance: number;
  /** Capture equipment id (bits 11-0; 0 unreported). */
  readonly equipmentId: number;
  /** Finger views converted to 500-dpi engine templates, in record order. */
  readonly views: FingerprintTemplate[];
}

/** Options for {@link encodeAnsi378}. */
export interface AnsiEncodeOptions {
  /** Resolution written in both header fields, in pixels per cm; coordinates are converted to it. Default 197. */
  readonly resolutionPpcm?: number;
  /** CBEFF product identifier owner, 0..65535. Default 0 (unreported). */
  readonly productOwner?: number;
  /** CBEFF product identifier type, 0..65535. Default 0. */
  readonly productType?: number;
  /** Capture equipment compliance bits, 0..15. Default 0. */
  readonly equipmentCompliance?: number;
  /** Capture equipment id, 0..4095. Default 0 (unreported). */
  readonly equipmentId?: number;
}

/**
 * Decodes an ANSI/INCITS 378-2004 finger minutiae record with any number of finger views, with either length
 * field form. Throws ENGINE_TEMPLATE_FORMAT (another format, including an ISO/IEC 19794-2:2005 record),
 * ENGINE_TEMPLATE_TRUNCATED or ENGINE_TEMPLATE_CORRUPT.
 */
export function decodeAnsiRecord(bytes: Uint8Array): AnsiRecord {
  if (!(bytes instanceof Uint8Array)) {
    throw new EngineError('ENGINE_TEMPLATE_FORMAT', `${WHAT}: expected a Uint8Array, got ${typeof bytes}`);
  }
  if (classifyFmrRecord(bytes) !== ANSI378_2004_FORMAT) {
    throw new EngineError('ENGINE_TEMPLATE_FORMAT', `${WHAT}: the length field says ISO/IEC 19794-2:2005, not ANSI`);
  }
  const reader = new ByteReader(bytes, WHAT);
  reader.skip(FMR_2005_PREFIX.length, 'magic and version');
  let length = reader.u16('record length');
  let headerBytes = SHORT_HEADER_BYTES;
  if (length === 0) {
    length = reader.u32('4-byte record length');
    headerBytes += LONG_LENGTH_EXTRA_BYTES;
  }
  checkRecordLength(length, headerBytes, bytes.length, WHAT);
  const productOwner = reader.u16('CBEFF product owner');
  const productType = reader.u16('CBEFF product type');
  const equipment = reader.u16('capture equipment');
  const { image, viewCount } = readFmrImage(reader, WHAT);
  const views = readFmrViews(reader, viewCount, image, ANSI378_ANGLE_UNITS, WHAT);
  if (reader.remaining !== 0) {
    throw new EngineError('ENGINE_TEMPLATE_CORRUPT', `${WHAT}: ${reader.remaining} bytes after the last finger view`);
  }
  return {
    format: ANSI378_2004_FORMAT,
    ...image,
    productOwner,
    productType,
    equipmentCompliance: equipment >>> 12,
    equipmentId: equipment & MAX_EQUIPMENT_ID,
    views,
  };
}

function checkOption(value: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new EngineError('ENGINE_TEMPLATE_UNENCODABLE', `${WHAT}: ${name} must be an integer 0..${max}, got ${value}`);
  }
  return value;
}

/**
 * Encodes one or more templates (one finger view each) as an ANSI/INCITS 378-2004 record at 197 px/cm unless
 * `options.resolutionPpcm` says otherwise, with the 2-byte length field when the record fits 65,535 bytes and the
 * 6-byte form otherwise. All views must share one image size. Throws ENGINE_TEMPLATE_UNENCODABLE for what the
 * format cannot hold (see fmr-views.ts) or invalid template fields and options.
 */
export function encodeAnsi378(
  templates: FingerprintTemplate | readonly FingerprintTemplate[],
  options: AnsiEncodeOptions = {},
): Uint8Array {
  const list = asViewList(templates);
  const productOwner = checkOption(options.productOwner ?? 0, 0xffff, 'CBEFF product owner');
  const productType = checkOption(options.productType ?? 0, 0xffff, 'CBEFF product type');
  const compliance = checkOption(options.equipmentCompliance ?? 0, MAX_COMPLIANCE, 'equipment compliance');
  const equipmentId = checkOption(options.equipmentId ?? 0, MAX_EQUIPMENT_ID, 'equipment id');
  const image = fmrImageFor(list, options.resolutionPpcm ?? DEFAULT_RESOLUTION_PPCM, WHAT);
  let length = SHORT_HEADER_BYTES + fmrViewsByteLength(list);
  const long = length > MAX_SHORT_LENGTH;
  if (long) length += LONG_LENGTH_EXTRA_BYTES;
  const out = new ByteWriter(length);
  out.raw(FMR_2005_PREFIX);
  if (long) {
    out.u16(0);
    out.u32(length);
  } else {
    out.u16(length);
  }
  out.u16(productOwner);
  out.u16(productType);
  out.u16((compliance << 12) | equipmentId);
  out.u16(image.width);
  out.u16(image.height);
  out.u16(image.resolutionXPpcm);
  out.u16(image.resolutionYPpcm);
  out.u8(list.length);
  out.u8(0);
  writeFmrViews(out, list, image, ANSI378_ANGLE_UNITS, WHAT);
  return out.finish();
}
