/**
 * Sarhad's own binary template: compact, exact to a stated precision, deterministic and versioned. It is what the
 * server stores and what the matcher loads, so it keeps every field of {@link FingerprintTemplate} at a precision
 * finer than any extractor delivers, where ISO/ANSI records quantise directions to 1.4 or 2 degrees.
 *
 * Layout, version 1 (big-endian, like ISO/IEC 19794-2):
 * ```
 * offset size  field
 *      0    4  magic "SRHD"
 *      4    1  format version (1)
 *      5    1  flags, reserved: 0
 *      6    2  width in pixels at 500 dpi (1..65535)
 *      8    2  height in pixels at 500 dpi (1..65535)
 *     10    1  finger position (0..10)
 *     11    1  impression type (ISO/IEC 19794-2 table 2 codes)
 *     12    1  finger quality (0..100)
 *     13    1  reserved: 0
 *     14    2  minutia count n
 *     16   8n  minutiae: x u16, y u16 (whole pixels at 500 dpi), direction u16 (1/65536 turn, counter-clockwise),
 *              type u8 (0 other, 1 ending, 2 bifurcation), quality u8 (0..100)
 * ```
 * Precision: coordinates round to the nearest pixel and directions to the nearest 1/65536 turn (see
 * angle-units.ts); every other field is exact. The same template always gives the same bytes, and bytes this
 * module decodes re-encode to themselves.
 *
 * Versioning: the version byte selects a decoder from {@link DECODERS}. A future layout gets a new version
 * number and a new decoder next to the old ones; old decoders are never changed or removed, so stored version-1
 * templates stay readable. Unknown versions are refused with ENGINE_TEMPLATE_FORMAT (a newer writer), never
 * guessed at.
 */
import { EngineError } from '../errors.js';
import { angleUnitsToRadians, radiansToAngleUnits } from './angle-units.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import {
  assertDecodedField,
  assertEncodableTemplate,
  isImpressionType,
  MAX_FINGER_POSITION,
  MAX_QUALITY,
  minutiaTypeCode,
  minutiaTypeFromCode,
} from './template-fields.js';
import type { FingerprintTemplate, Minutia } from './template.js';

/** "SRHD" in ASCII: the first four bytes of every Sarhad template. */
export const SARHAD_TEMPLATE_MAGIC: Uint8Array = Uint8Array.of(0x53, 0x52, 0x48, 0x44);

/** The version {@link encodeTemplate} writes. */
export const SARHAD_TEMPLATE_VERSION = 1;

/** Direction units in a full turn for version 1. */
const V1_ANGLE_UNITS = 65536;
const V1_HEADER_BYTES = 16;
const V1_MINUTIA_BYTES = 8;
const U16_MAX = 0xffff;
const WHAT = 'Sarhad template';

/**
 * Encodes `template` in the current version of Sarhad's binary format.
 * Throws ENGINE_TEMPLATE_UNENCODABLE when a field is out of range: size or rounded coordinates beyond 0..65535,
 * more than 65,535 minutiae, or any invalid field (see {@link assertEncodableTemplate}).
 */
export function encodeTemplate(template: FingerprintTemplate): Uint8Array {
  assertEncodableTemplate(template, WHAT);
  const { width, height, minutiae } = template;
  if (width > U16_MAX || height > U16_MAX) {
    throw new EngineError('ENGINE_TEMPLATE_UNENCODABLE', `${WHAT}: size ${width}x${height} exceeds 65535 pixels`);
  }
  if (minutiae.length > U16_MAX) {
    throw new EngineError('ENGINE_TEMPLATE_UNENCODABLE', `${WHAT}: ${minutiae.length} minutiae exceed 65535`);
  }
  const out = new ByteWriter(V1_HEADER_BYTES + V1_MINUTIA_BYTES * minutiae.length);
  out.raw(SARHAD_TEMPLATE_MAGIC);
  out.u8(SARHAD_TEMPLATE_VERSION);
  out.u8(0);
  out.u16(width);
  out.u16(height);
  out.u8(template.fingerPosition);
  out.u8(template.impressionType);
  out.u8(template.quality);
  out.u8(0);
  out.u16(minutiae.length);
  for (let i = 0; i < minutiae.length; i++) {
    const m = minutiae[i]!;
    // `+ 0` folds Math.round's negative zero (for -0.5 < x < 0) into zero.
    const x = Math.round(m.x) + 0;
    const y = Math.round(m.y) + 0;
    if (x < 0 || y < 0 || x > U16_MAX || y > U16_MAX) {
      throw new EngineError(
        'ENGINE_TEMPLATE_UNENCODABLE',
        `${WHAT}: minutia ${i} at (${m.x}, ${m.y}) is outside 0..65535 pixels`,
      );
    }
    out.u16(x);
    out.u16(y);
    out.u16(radiansToAngleUnits(m.direction, V1_ANGLE_UNITS));
    out.u8(minutiaTypeCode(m.type));
    out.u8(m.quality);
  }
  return out.finish();
}

/**
 * Decodes a Sarhad binary template of any version this engine has ever written.
 * Throws ENGINE_TEMPLATE_FORMAT (not "SRHD", or a version newer than this engine), ENGINE_TEMPLATE_TRUNCATED
 * (fewer bytes than the header declares) or ENGINE_TEMPLATE_CORRUPT (trailing bytes, reserved or out-of-range
 * field values).
 */
export function decodeTemplate(bytes: Uint8Array): FingerprintTemplate {
  if (!(bytes instanceof Uint8Array)) {
    throw new EngineError('ENGINE_TEMPLATE_FORMAT', `${WHAT}: expected a Uint8Array, got ${typeof bytes}`);
  }
  const reader = new ByteReader(bytes, WHAT);
  const magicLength = Math.min(bytes.length, SARHAD_TEMPLATE_MAGIC.length);
  for (let i = 0; i < magicLength; i++) {
    if (bytes[i] !== SARHAD_TEMPLATE_MAGIC[i]) {
      throw new EngineError('ENGINE_TEMPLATE_FORMAT', `${WHAT}: bytes do not start with "SRHD"`);
    }
  }
  reader.skip(SARHAD_TEMPLATE_MAGIC.length, 'magic');
  const version = reader.u8('format version');
  const decode = DECODERS[version];
  if (decode === undefined) {
    throw new EngineError(
      'ENGINE_TEMPLATE_FORMAT',
      `${WHAT}: format version ${version} is not known to this engine (it reads ${Object.keys(DECODERS).join(', ')})`,
    );
  }
  const template = decode(reader);
  if (reader.remaining !== 0) {
    throw new EngineError('ENGINE_TEMPLATE_CORRUPT', `${WHAT}: ${reader.remaining} bytes after the last minutia`);
  }
  return template;
}

/** Version-1 body, read after the magic and version byte. Never change this once released: add a version 2. */
function decodeVersion1(reader: ByteReader): FingerprintTemplate {
  const flags = reader.u8('flags');
  assertDecodedField(flags === 0, `${WHAT}: flags`, flags);
  const width = reader.u16('width');
  const height = reader.u16('height');
  assertDecodedField(width > 0, `${WHAT}: width`, width);
  assertDecodedField(height > 0, `${WHAT}: height`, height);
  const fingerPosition = reader.u8('finger position');
  assertDecodedField(fingerPosition <= MAX_FINGER_POSITION, `${WHAT}: finger position`, fingerPosition);
  const impressionType = reader.u8('impression type');
  assertDecodedField(isImpressionType(impressionType), `${WHAT}: impression type`, impressionType);
  const quality = reader.u8('finger quality');
  assertDecodedField(quality <= MAX_QUALITY, `${WHAT}: finger quality`, quality);
  const reserved = reader.u8('reserved');
  assertDecodedField(reserved === 0, `${WHAT}: reserved byte`, reserved);
  const count = reader.u16('minutia count');
  // Check the declared count against the bytes present before allocating or looping.
  reader.require(count * V1_MINUTIA_BYTES, `${count} minutiae`);
  const minutiae: Minutia[] = new Array<Minutia>(count);
  for (let i = 0; i < count; i++) {
    const x = reader.u16('minutia x');
    const y = reader.u16('minutia y');
    const direction = angleUnitsToRadians(reader.u16('minutia direction'), V1_ANGLE_UNITS);
    const typeCode = reader.u8('minutia type');
    const type = minutiaTypeFromCode(typeCode);
    assertDecodedField(type !== undefined, `${WHAT}: minutia ${i} type`, typeCode);
    const minutiaQuality = reader.u8('minutia quality');
    assertDecodedField(minutiaQuality <= MAX_QUALITY, `${WHAT}: minutia ${i} quality`, minutiaQuality);
    minutiae[i] = { x, y, direction, type, quality: minutiaQuality };
  }
  return { width, height, fingerPosition, impressionType, quality, minutiae };
}

/** Decoders by format version. Append only. */
const DECODERS: Readonly<Record<number, (reader: ByteReader) => FingerprintTemplate>> = {
  1: decodeVersion1,
};
