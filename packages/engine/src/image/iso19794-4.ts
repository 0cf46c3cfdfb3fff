/**
 * ISO/IEC 19794-4 finger image records, the image format MOSIP carries in CBEFF biometric data blocks: a reader,
 * a writer, and the conversion of an uncompressed image to the engine's {@link GrayImage}. Both editions are read
 * and written; everything is big-endian.
 *
 * ISO/IEC 19794-4:2005, version "010\0". Resolution, pixel depth and compression sit in the 32-byte general header
 * and apply to every image of the record:
 * ```
 * offset size field                                 offset size field
 *      0    4  "FIR\0"                                   20    2  scan resolution horizontal
 *      4    4  version "010\0"                           22    2  scan resolution vertical
 *      8    6  record length in bytes (header incl.)     24    2  image resolution horizontal
 *     14    2  capture device id                         26    2  image resolution vertical
 *     16    2  image acquisition level                   28    1  pixel depth in bits
 *     18    1  number of finger/palm images              29    1  compression (0 none, 1 bit-packed, 2 WSQ,
 *     19    1  scale units (1 ppi, 2 ppcm)                        3 JPEG, 4 JPEG 2000, 5 PNG)
 *                                                        30    2  reserved
 * per image: block length incl. this 14-byte header (4), position (1), count of views (1), view number (1),
 *            quality (1), impression type (1), horizontal line length (2), vertical line length (2), reserved (1),
 *            then block length - 14 bytes of image data.
 * ```
 *
 * ISO/IEC 19794-4:2011, version "020\0". A 16-byte general header ("FIR\0", "020\0", record length (4), number of
 * representations (2), certification flag (1), number of distinct positions (1)), then per representation:
 * ```
 * representation length incl. this field (4), capture date and time (9: year 2, month, day, hour, minute,
 * second 1 each, millisecond 2), capture device technology (1), vendor (2), device type (2),
 * quality blocks: count (1) then count x (score 1, algorithm vendor 2, algorithm id 2),
 * certification blocks, present only when the general header's certification flag is set: count (1), count x 3,
 * position (1), representation number (1), scale units (1), scan sampling rate h, v (2+2), image sampling rate
 * h, v (2+2), bit depth (1), compression (1: 0 none, 1 bit-packed, 2 WSQ, 3 JPEG, 4 JPEG 2000 lossy,
 * 5 JPEG 2000 lossless, 6 PNG), impression type (1), horizontal line length (2), vertical line length (2),
 * image data length (4), image data.
 * ```
 *
 * The reader is strict about structure, like the minutiae record readers: the declared record length must equal
 * the bytes given, every block or representation must lie inside the record and be exactly filled by its fields
 * and image data, no bytes may follow the last one, counts must be positive, sizes 1..{@link MAX_IMAGE_SIDE},
 * resolutions positive, scale units 1 or 2, bit depth 1..16, compression a known code, qualities 0..100 (or
 * 254/255, no score), and uncompressed or bit-packed data exactly as long as the image needs. Every failure,
 * including a truncated record, is ENGINE_IMAGE_RECORD_INVALID naming the field and values; reads are bounds
 * checked first, so no input ends in a RangeError. Fields the engine does not use (capture device, acquisition
 * level, scan resolution, capture time, certifications) are skipped and not checked. Finger positions are kept as
 * written, palm codes above 10 included.
 *
 * Compressed images (WSQ, JPEG, JPEG 2000, PNG) are returned as their bytes and {@link fingerImageToGray} refuses
 * them: the engine has no runtime dependencies, so decoding them is the caller's job (the server decodes PNG and
 * JPEG with sharp).
 */
import { EngineError } from '../errors.js';
import { ByteReader } from '../template/byte-reader.js';
import { ByteWriter } from '../template/byte-writer.js';
import { assertGrayImage, MAX_IMAGE_SIDE } from './gray-image.js';
import type { GrayImage } from './gray-image.js';

/** Image compressions a finger image record can declare (both JPEG 2000 codes of the 2011 edition are 'jpeg2000'). */
export const FINGER_IMAGE_COMPRESSIONS = ['none', 'bit-packed', 'wsq', 'jpeg', 'jpeg2000', 'png'] as const;

/** How a finger image's data bytes are encoded. */
export type FingerImageCompression = (typeof FINGER_IMAGE_COMPRESSIONS)[number];

/** Record versions: "010" is ISO/IEC 19794-4:2005, "020" is ISO/IEC 19794-4:2011. */
export type FingerImageRecordVersion = '010' | '020';

/** One finger (or palm) image of a record, its fields as written except the resolution, converted to ppi. */
export interface FingerImageView {
  /** Finger or palm position code (0 unknown, 1..10 fingers, higher codes palms and multi-finger slaps). */
  readonly position: number;
  /** 2005: view number; 2011: representation number. */
  readonly viewNumber: number;
  /** 0..100; undefined when the record gives no score (2011: no quality block; 254 or 255 in either edition). */
  readonly quality: number | undefined;
  readonly impressionType: number;
  /** Horizontal line length in pixels. */
  readonly width: number;
  /** Vertical line length in pixels. */
  readonly height: number;
  /** Horizontal image sampling rate in pixels per inch (a rate in pixels per cm is multiplied by 2.54, rounded). */
  readonly dpi: number;
  /** Bits per pixel, 1..16. */
  readonly bitDepth: number;
  readonly compression: FingerImageCompression;
  /** The image data bytes (a view into the record's buffer). */
  readonly data: Uint8Array;
}

/** A decoded finger image record. */
export interface FingerImageRecord {
  readonly version: FingerImageRecordVersion;
  readonly views: readonly FingerImageView[];
}

/** One image to encode; {@link encodeFingerImageRecord} numbers the views of each position 1, 2, ... in order. */
export interface FingerImageViewInput {
  /** Finger or palm position code, 0..255. */
  readonly position: number;
  /** 0..100; undefined writes "no score" (2005: 255; 2011: no quality block). */
  readonly quality?: number;
  /** Impression type code, 0..255. Default 0 (live-scan plain). */
  readonly impressionType?: number;
  readonly width: number;
  readonly height: number;
  /** Sampling rate in pixels per inch, written with scale units 1 (ppi). */
  readonly dpi: number;
  /** Bits per pixel, 1..16. Default 8. */
  readonly bitDepth?: number;
  readonly compression: FingerImageCompression;
  readonly data: Uint8Array;
}

/** The format identifier every finger image record starts with. */
export const FINGER_IMAGE_MAGIC = 'FIR\0';

const MAGIC_BYTES = Uint8Array.of(0x46, 0x49, 0x52, 0x00);
const VERSION_BYTES: Readonly<Record<FingerImageRecordVersion, Uint8Array>> = {
  '010': Uint8Array.of(0x30, 0x31, 0x30, 0x00),
  '020': Uint8Array.of(0x30, 0x32, 0x30, 0x00),
};

/** Compression codes by position in each edition; 2011 splits JPEG 2000 into lossy (4) and lossless (5). */
const COMPRESSION_CODES_2005: readonly FingerImageCompression[] = FINGER_IMAGE_COMPRESSIONS;
const COMPRESSION_CODES_2011: readonly FingerImageCompression[] = [
  'none',
  'bit-packed',
  'wsq',
  'jpeg',
  'jpeg2000',
  'jpeg2000',
  'png',
];

const HEADER_2005 = 32;
const FINGER_HEADER_2005 = 14;
const HEADER_2011 = 16;
/** Capture date-time (9), technology (1), vendor (2), device type (2) at the start of a 2011 representation. */
const CAPTURE_FIELDS_2011 = 14;
/** From the position to the image data length, inclusive, in a 2011 representation. */
const IMAGE_FIELDS_2011 = 22;
const QUALITY_BLOCK_BYTES = 5;
const CERTIFICATION_BLOCK_BYTES = 3;
const SCALE_PPI = 1;
const SCALE_PPCM = 2;
const CM_PER_INCH = 2.54;
const MAX_BIT_DEPTH = 16;
const MAX_QUALITY = 100;
/** Quality bytes meaning "no score": 255 a failed attempt, 254 used by writers for "not computed". */
const NO_QUALITY = [254, 255];
const NO_QUALITY_WRITTEN = 255;
const MAX_U8 = 0xff;
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;
const TWO_POW_32 = 2 ** 32;

const WHAT = 'ISO/IEC 19794-4 record';
const WHAT_2005 = 'ISO/IEC 19794-4:2005 record';
const WHAT_2011 = 'ISO/IEC 19794-4:2011 record';

function invalid(what: string, message: string): EngineError {
  return new EngineError('ENGINE_IMAGE_RECORD_INVALID', `${what}: ${message}`);
}

/** A reader over a whole record: a short one is ENGINE_IMAGE_RECORD_INVALID, like every other fault. */
function recordReader(bytes: Uint8Array, what: string): ByteReader {
  return new ByteReader(bytes, what, { truncated: 'ENGINE_IMAGE_RECORD_INVALID' });
}

/** True when `bytes` starts with the finger image record identifier "FIR\0" (any version). */
export function isFingerImageRecord(bytes: Uint8Array): boolean {
  return (
    bytes instanceof Uint8Array && bytes.length >= MAGIC_BYTES.length && MAGIC_BYTES.every((b, i) => bytes[i] === b)
  );
}

/**
 * Decodes an ISO/IEC 19794-4:2005 or 2011 finger image record. Image data is not decoded: each view's `data` is a
 * view into `bytes`. Throws ENGINE_IMAGE_RECORD_INVALID for anything else, or a truncated or inconsistent record.
 */
export function decodeFingerImageRecord(bytes: Uint8Array): FingerImageRecord {
  if (!(bytes instanceof Uint8Array)) throw invalid(WHAT, `expected a Uint8Array, got ${typeof bytes}`);
  if (!isFingerImageRecord(bytes)) {
    throw invalid(WHAT, `expected the format identifier 46 49 52 00 ("FIR\\0"), got ${hexOf(bytes.subarray(0, 4))}`);
  }
  if (bytes.length < 8) {
    throw invalid(WHAT, `truncated: the version needs 4 bytes at offset 4, only ${bytes.length - 4} remain`);
  }
  const version = bytes.subarray(4, 8);
  if (startsWith(version, VERSION_BYTES['010'])) return decode2005(bytes);
  if (startsWith(version, VERSION_BYTES['020'])) return decode2011(bytes);
  throw invalid(
    WHAT,
    `expected version 30 31 30 00 ("010", 2005) or 30 32 30 00 ("020", 2011), got ${hexOf(version)}`,
  );
}

function decode2005(bytes: Uint8Array): FingerImageRecord {
  const reader = recordReader(bytes, WHAT_2005);
  reader.require(HEADER_2005, 'the general header');
  reader.skip(8, 'format identifier and version');
  checkRecordLength(reader.u48('record length'), bytes.length, WHAT_2005);
  reader.skip(2, 'capture device id');
  reader.skip(2, 'image acquisition level');
  const count = reader.u8('number of finger images');
  if (count === 0) throw invalid(WHAT_2005, 'number of finger images is 0');
  const scaleUnits = reader.u8('scale units');
  reader.skip(4, 'scan resolution');
  const resolutionX = reader.u16('image resolution horizontal');
  const resolutionY = reader.u16('image resolution vertical');
  const dpi = dpiOf(scaleUnits, resolutionX, resolutionY, WHAT_2005);
  const bitDepth = checkBitDepth(reader.u8('pixel depth'), WHAT_2005);
  const compression = compressionOf(reader.u8('image compression algorithm'), COMPRESSION_CODES_2005, WHAT_2005);
  reader.skip(2, 'reserved');

  const views: FingerImageView[] = [];
  for (let i = 0; i < count; i++) {
    const where = `${WHAT_2005}, finger image ${i + 1} of ${count}`;
    const block = lengthPrefixed(reader, `finger image ${i + 1} block length`, 'finger image block', FINGER_HEADER_2005, where);
    const position = block.u8('finger position');
    block.skip(1, 'count of views');
    const viewNumber = block.u8('view number');
    const quality = qualityOf(block.u8('finger image quality'), where);
    const impressionType = block.u8('impression type');
    const width = block.u16('horizontal line length');
    const height = block.u16('vertical line length');
    block.skip(1, 'reserved');
    const data = block.take(block.remaining, 'image data');
    checkImage(width, height, bitDepth, compression, data.length, where);
    views.push({ position, viewNumber, quality, impressionType, width, height, dpi, bitDepth, compression, data });
  }
  checkNothingAfter(reader, 'finger image', WHAT_2005);
  return { version: '010', views };
}

function decode2011(bytes: Uint8Array): FingerImageRecord {
  const reader = recordReader(bytes, WHAT_2011);
  reader.require(HEADER_2011, 'the general header');
  reader.skip(8, 'format identifier and version');
  checkRecordLength(reader.u32('record length'), bytes.length, WHAT_2011);
  const count = reader.u16('number of representations');
  if (count === 0) throw invalid(WHAT_2011, 'number of representations is 0');
  const certified = reader.u8('certification flag') !== 0;
  reader.skip(1, 'number of distinct positions');

  const views: FingerImageView[] = [];
  for (let i = 0; i < count; i++) {
    const where = `${WHAT_2011}, representation ${i + 1} of ${count}`;
    const least = 4 + CAPTURE_FIELDS_2011 + 1 + (certified ? 1 : 0) + IMAGE_FIELDS_2011;
    const block = lengthPrefixed(reader, `representation ${i + 1} length`, 'representation', least, where);
    block.skip(CAPTURE_FIELDS_2011, 'capture date-time and device');
    const qualityBlocks = block.u8('number of quality blocks');
    block.require(qualityBlocks * QUALITY_BLOCK_BYTES, `${qualityBlocks} quality blocks`);
    let quality: number | undefined;
    for (let q = 0; q < qualityBlocks; q++) {
      const score = qualityOf(block.u8('quality score'), `${where}, quality block ${q + 1}`);
      if (q === 0) quality = score;
      block.skip(4, 'quality algorithm vendor and id');
    }
    if (certified) {
      const certifications = block.u8('number of certification blocks');
      block.skip(certifications * CERTIFICATION_BLOCK_BYTES, `${certifications} certification blocks`);
    }
    const position = block.u8('finger position');
    const viewNumber = block.u8('representation number');
    const scaleUnits = block.u8('scale units');
    block.skip(4, 'scan sampling rate');
    const resolutionX = block.u16('image sampling rate horizontal');
    const resolutionY = block.u16('image sampling rate vertical');
    const dpi = dpiOf(scaleUnits, resolutionX, resolutionY, where);
    const bitDepth = checkBitDepth(block.u8('bit depth'), where);
    const compression = compressionOf(block.u8('compression algorithm'), COMPRESSION_CODES_2011, where);
    const impressionType = block.u8('impression type');
    const width = block.u16('horizontal line length');
    const height = block.u16('vertical line length');
    const dataLength = block.u32('image data length');
    if (dataLength !== block.remaining) {
      throw invalid(
        where,
        `image data length ${dataLength} does not match the ${block.remaining} bytes left in the representation`,
      );
    }
    const data = block.take(dataLength, 'image data');
    checkImage(width, height, bitDepth, compression, data.length, where);
    views.push({ position, viewNumber, quality, impressionType, width, height, dpi, bitDepth, compression, data });
  }
  checkNothingAfter(reader, 'representation', WHAT_2011);
  return { version: '020', views };
}

function checkRecordLength(declared: number, actual: number, what: string): void {
  if (declared !== actual) {
    throw invalid(what, `record length field says ${declared} bytes, but the record has ${actual} bytes`);
  }
}

/**
 * A block that starts with its own 4-byte length (the length included): checked to hold at least `least` bytes and
 * to end inside the record, then returned as a reader over the rest of it.
 */
function lengthPrefixed(reader: ByteReader, lengthField: string, unit: string, least: number, where: string): ByteReader {
  const start = reader.offset;
  const length = reader.u32(lengthField);
  if (length < least) {
    throw invalid(where, `${lengthField} ${length} at offset ${start} is shorter than the ${least} bytes its fields need`);
  }
  if (length - 4 > reader.remaining) {
    throw invalid(
      where,
      `${lengthField} ${length} at offset ${start} runs past the end of the record (${reader.remaining + 4} bytes left)`,
    );
  }
  return reader.block(length - 4, unit, where);
}

function checkNothingAfter(reader: ByteReader, unit: string, what: string): void {
  if (reader.remaining !== 0) {
    throw invalid(what, `${reader.remaining} bytes at offset ${reader.offset} follow the last ${unit}`);
  }
}

function dpiOf(scaleUnits: number, resolutionX: number, resolutionY: number, what: string): number {
  if (scaleUnits !== SCALE_PPI && scaleUnits !== SCALE_PPCM) {
    throw invalid(what, `scale units must be 1 (pixels per inch) or 2 (pixels per cm), got ${scaleUnits}`);
  }
  if (resolutionX === 0 || resolutionY === 0) {
    throw invalid(what, `image resolution must be positive, got ${resolutionX} x ${resolutionY}`);
  }
  return scaleUnits === SCALE_PPI ? resolutionX : Math.round(resolutionX * CM_PER_INCH);
}

function checkBitDepth(bitDepth: number, what: string): number {
  if (!Number.isInteger(bitDepth) || bitDepth < 1 || bitDepth > MAX_BIT_DEPTH) {
    throw invalid(what, `bit depth must be 1..${MAX_BIT_DEPTH}, got ${bitDepth}`);
  }
  return bitDepth;
}

function compressionOf(code: number, codes: readonly FingerImageCompression[], what: string): FingerImageCompression {
  const compression = codes[code];
  if (compression === undefined) {
    throw invalid(what, `unknown compression algorithm code ${code} (known: 0..${codes.length - 1})`);
  }
  return compression;
}

function qualityOf(score: number, what: string): number | undefined {
  if (NO_QUALITY.includes(score)) return undefined;
  if (score > MAX_QUALITY) {
    throw invalid(what, `quality must be 0..${MAX_QUALITY} (or 254/255, no score), got ${score}`);
  }
  return score;
}

/**
 * Bytes the image data must have, or undefined for compressed data. Uncompressed samples take whole bytes
 * (ceil(depth/8) each, big-endian). Bit-packed rows are assumed to start on a byte boundary, that is each row is
 * ceil(width*depth/8) bytes with its last byte padded: the standard does not spell row padding out, and this is
 * the layout of the records we have seen and the one a row-by-row scanner produces.
 */
function expectedDataLength(
  width: number,
  height: number,
  bitDepth: number,
  compression: FingerImageCompression,
): number | undefined {
  if (compression === 'none') return width * height * Math.ceil(bitDepth / 8);
  if (compression === 'bit-packed') return Math.ceil((width * bitDepth) / 8) * height;
  return undefined;
}

function checkImage(
  width: number,
  height: number,
  bitDepth: number,
  compression: FingerImageCompression,
  dataLength: number,
  what: string,
): void {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width <= 0 ||
    height <= 0 ||
    width > MAX_IMAGE_SIDE ||
    height > MAX_IMAGE_SIDE
  ) {
    throw invalid(what, `image size must be 1..${MAX_IMAGE_SIDE} pixels per side, got ${width} x ${height}`);
  }
  const expected = expectedDataLength(width, height, bitDepth, compression);
  if (expected !== undefined && dataLength !== expected) {
    throw invalid(
      what,
      `${compression} ${width} x ${height} image at ${bitDepth} bits needs ${expected} bytes of data, ` +
        `got ${dataLength}`,
    );
  }
  if (expected === undefined && dataLength === 0) throw invalid(what, `${compression} image has no data`);
}

/**
 * Encodes finger images as an ISO/IEC 19794-4 record, version "020" (2011) unless `version` is "010" (2005). Views
 * of one position are numbered 1, 2, ... in order. Resolution is written in pixels per inch; unused fields are
 * written as "not given": capture device and acquisition level 0 (2005); capture date-time all 0xFF, device
 * technology, vendor and type 0, no certification blocks (2011). A 2011 'jpeg2000' view is written as code 4
 * (lossy), since the view does not say which. A 2005 record holds one resolution, depth and compression for all
 * views, so they must agree. Throws ENGINE_IMAGE_RECORD_INVALID for views the format cannot hold.
 */
export function encodeFingerImageRecord(
  views: readonly FingerImageViewInput[],
  version: FingerImageRecordVersion = '020',
): Uint8Array {
  const what = version === '010' ? WHAT_2005 : version === '020' ? WHAT_2011 : undefined;
  if (what === undefined) throw invalid(WHAT, `version must be "010" or "020", got ${String(version)}`);
  if (!Array.isArray(views) || views.length === 0) throw invalid(what, 'at least one view is needed');
  const maxViews = version === '010' ? MAX_U8 : MAX_U16;
  if (views.length > maxViews) throw invalid(what, `at most ${maxViews} views fit, got ${views.length}`);
  const checked = views.map((view, i) => checkInput(view, `${what}, view ${i + 1}`));

  const viewNumbers: number[] = [];
  const perPosition = new Map<number, number>();
  checked.forEach((view, i) => {
    const n = (perPosition.get(view.position) ?? 0) + 1;
    if (n > MAX_U8) throw invalid(`${what}, view ${i + 1}`, `more than ${MAX_U8} views of position ${view.position}`);
    perPosition.set(view.position, n);
    viewNumbers.push(n);
  });

  return version === '010'
    ? encode2005(checked, viewNumbers, perPosition)
    : encode2011(checked, viewNumbers, perPosition);
}

/** A view input with its defaults filled in, checked against what the format can hold. */
type CheckedInput = Required<Omit<FingerImageViewInput, 'quality'>> & { readonly quality: number | undefined };

function checkInput(view: FingerImageViewInput, what: string): CheckedInput {
  const { position, quality, width, height, dpi, compression, data } = view;
  const impressionType = view.impressionType ?? 0;
  const bitDepth = view.bitDepth ?? 8;
  if (!isByte(position)) throw invalid(what, `position must be an integer 0..255, got ${position}`);
  if (quality !== undefined && (!Number.isInteger(quality) || quality < 0 || quality > MAX_QUALITY)) {
    throw invalid(what, `quality must be an integer 0..${MAX_QUALITY} or undefined, got ${quality}`);
  }
  if (!isByte(impressionType)) throw invalid(what, `impression type must be an integer 0..255, got ${impressionType}`);
  if (!Number.isInteger(dpi) || dpi < 1 || dpi > MAX_U16) {
    throw invalid(what, `dpi must be an integer 1..${MAX_U16}, got ${dpi}`);
  }
  checkBitDepth(bitDepth, what);
  if (!FINGER_IMAGE_COMPRESSIONS.includes(compression)) {
    const known = FINGER_IMAGE_COMPRESSIONS.join(', ');
    throw invalid(what, `compression must be one of ${known}, got ${String(compression)}`);
  }
  if (!(data instanceof Uint8Array)) throw invalid(what, 'image data must be a Uint8Array');
  checkImage(width, height, bitDepth, compression, data.length, what);
  return { position, quality, impressionType, width, height, dpi, bitDepth, compression, data };
}

function isByte(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_U8;
}

function encode2005(
  views: readonly CheckedInput[],
  viewNumbers: readonly number[],
  perPosition: ReadonlyMap<number, number>,
): Uint8Array {
  const first = views[0]!;
  views.forEach((view, i) => {
    if (view.dpi !== first.dpi || view.bitDepth !== first.bitDepth || view.compression !== first.compression) {
      throw invalid(
        `${WHAT_2005}, view ${i + 1}`,
        `a 2005 record holds one resolution, depth and compression for all images: view 1 is ${first.dpi} ppi, ` +
          `${first.bitDepth} bits, ${first.compression}; this one ${view.dpi} ppi, ${view.bitDepth} bits, ` +
          view.compression,
      );
    }
  });
  const blockLengths = views.map((view) => FINGER_HEADER_2005 + view.data.length);
  blockLengths.forEach((length, i) => {
    if (length > MAX_U32) {
      throw invalid(`${WHAT_2005}, view ${i + 1}`, `a finger image block of ${length} bytes does not fit 4 bytes`);
    }
  });
  const length = HEADER_2005 + blockLengths.reduce((sum, n) => sum + n, 0);
  const out = new ByteWriter(length);
  out.raw(MAGIC_BYTES);
  out.raw(VERSION_BYTES['010']);
  out.u16(Math.floor(length / TWO_POW_32));
  out.u32(length % TWO_POW_32);
  out.u16(0); // capture device id: not given
  out.u16(0); // image acquisition level: not given
  out.u8(views.length);
  out.u8(SCALE_PPI);
  out.u16(first.dpi); // scan resolution horizontal
  out.u16(first.dpi); // scan resolution vertical
  out.u16(first.dpi); // image resolution horizontal
  out.u16(first.dpi); // image resolution vertical
  out.u8(first.bitDepth);
  out.u8(COMPRESSION_CODES_2005.indexOf(first.compression));
  out.u16(0); // reserved
  views.forEach((view, i) => {
    out.u32(blockLengths[i]!);
    out.u8(view.position);
    out.u8(perPosition.get(view.position)!);
    out.u8(viewNumbers[i]!);
    out.u8(view.quality ?? NO_QUALITY_WRITTEN);
    out.u8(view.impressionType);
    out.u16(view.width);
    out.u16(view.height);
    out.u8(0); // reserved
    out.raw(view.data);
  });
  return out.finish();
}

function encode2011(
  views: readonly CheckedInput[],
  viewNumbers: readonly number[],
  perPosition: ReadonlyMap<number, number>,
): Uint8Array {
  const repLengths = views.map(
    (view) =>
      4 +
      CAPTURE_FIELDS_2011 +
      1 +
      (view.quality === undefined ? 0 : QUALITY_BLOCK_BYTES) +
      IMAGE_FIELDS_2011 +
      view.data.length,
  );
  const length = HEADER_2011 + repLengths.reduce((sum, n) => sum + n, 0);
  if (length > MAX_U32) throw invalid(WHAT_2011, `a record of ${length} bytes does not fit its 4-byte length field`);
  const out = new ByteWriter(length);
  out.raw(MAGIC_BYTES);
  out.raw(VERSION_BYTES['020']);
  out.u32(length);
  out.u16(views.length);
  out.u8(0); // certification flag: no certification blocks
  out.u8(perPosition.size);
  views.forEach((view, i) => {
    out.u32(repLengths[i]!);
    out.u16(MAX_U16); // capture year: unknown
    for (let k = 0; k < 5; k++) out.u8(MAX_U8); // month, day, hour, minute, second: unknown
    out.u16(MAX_U16); // millisecond: unknown
    out.u8(0); // capture device technology: unknown
    out.u16(0); // capture device vendor: unknown
    out.u16(0); // capture device type: unknown
    if (view.quality === undefined) {
      out.u8(0);
    } else {
      out.u8(1);
      out.u8(view.quality);
      out.u16(0); // quality algorithm vendor
      out.u16(0); // quality algorithm id
    }
    out.u8(view.position);
    out.u8(viewNumbers[i]!);
    out.u8(SCALE_PPI);
    out.u16(view.dpi); // scan sampling rate horizontal
    out.u16(view.dpi); // scan sampling rate vertical
    out.u16(view.dpi); // image sampling rate horizontal
    out.u16(view.dpi); // image sampling rate vertical
    out.u8(view.bitDepth);
    out.u8(COMPRESSION_CODES_2011.indexOf(view.compression));
    out.u8(view.impressionType);
    out.u16(view.width);
    out.u16(view.height);
    out.u32(view.data.length);
    out.raw(view.data);
  });
  return out.finish();
}

/**
 * Converts an uncompressed or bit-packed finger image to the engine's 8-bit raster. Sample values are taken as
 * intensities, 0 darkest, without inversion. 'none' at 8 bits is copied; 'none' at 16 bits keeps each big-endian
 * sample's high byte; 'none' at other depths is refused, as the standard does not settle where such samples sit in
 * their bytes. 'bit-packed' rows are unpacked most significant bit first, each row starting on a byte boundary,
 * and a sample v of depth d becomes round(v * 255 / (2^d - 1)): at 1 bit, 0 is black (0) and 1 white (255).
 * Compressed images (WSQ, JPEG, JPEG 2000, PNG) throw ENGINE_IMAGE_RECORD_INVALID: the caller decodes them. The
 * result is checked with {@link assertGrayImage} (ENGINE_IMAGE_INVALID for a dpi outside 250..1500).
 */
export function fingerImageToGray(view: FingerImageView): GrayImage {
  const { width, height, dpi, bitDepth, compression, data } = view;
  const what = 'finger image';
  if (compression !== 'none' && compression !== 'bit-packed') {
    throw invalid(
      what,
      `${compression} image data must be decoded by the caller; ` +
        'the engine converts only uncompressed and bit-packed images',
    );
  }
  checkBitDepth(bitDepth, what);
  if (!(data instanceof Uint8Array)) throw invalid(what, 'image data must be a Uint8Array');
  checkImage(width, height, bitDepth, compression, data.length, what);
  let pixels: Uint8Array;
  if (compression === 'bit-packed') {
    pixels = unpackBits(data, width, height, bitDepth);
  } else if (bitDepth === 8) {
    pixels = data.slice();
  } else if (bitDepth === 16) {
    pixels = new Uint8Array(width * height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = data[2 * i]!;
  } else {
    throw invalid(what, `uncompressed images are converted at 8 or 16 bits per pixel, got ${bitDepth}`);
  }
  const image: GrayImage = { width, height, dpi, pixels };
  assertGrayImage(image);
  return image;
}

/** Unpacks MSB-first samples of `depth` bits, rows padded to whole bytes, scaled to 0..255. */
function unpackBits(data: Uint8Array, width: number, height: number, depth: number): Uint8Array {
  const max = 2 ** depth - 1;
  const scale = new Uint8Array(max + 1);
  for (let v = 0; v <= max; v++) scale[v] = Math.round((v * 255) / max);
  const rowBits = Math.ceil((width * depth) / 8) * 8;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    let bit = y * rowBits;
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let k = 0; k < depth; k++, bit++) v = (v << 1) | ((data[bit >>> 3]! >>> (7 - (bit & 7))) & 1);
      pixels[y * width + x] = scale[v]!;
    }
  }
  return pixels;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function hexOf(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'no bytes';
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}
