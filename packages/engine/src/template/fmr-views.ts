/**
 * The parts ISO/IEC 19794-2:2005 and ANSI/INCITS 378-2004 share after their different record headers: the image
 * fields (size, resolution in pixels per centimetre, view count) and the finger view records. A finger view has
 * the same layout in both standards:
 * ```
 * u8  finger position (0 unknown, 1..10)
 * u8  view number << 4 | impression type
 * u8  finger quality 0..100
 * u8  minutia count n
 * n x 6 bytes: u16 type (bits 15-14) | x (bits 13-0); u16 reserved (bits 15-14) | y (bits 13-0);
 *              u8 angle; u8 quality 0..100
 * u16 extended data length L, then L bytes of blocks: u16 type, u16 length (including these 4 bytes), data
 * ```
 * The two formats differ only in the angle unit (256 or 180 a turn), passed in by the caller.
 *
 * Coordinates change frame exactly: a record at r pixels per centimetre is at r × 2.54 dpi, so a coordinate c
 * becomes c × 500 / (r × 2.54) engine pixels (197 px/cm is 500.38 dpi, a factor of 0.99924). Decoded coordinates
 * are therefore not whole numbers in general; encoding divides back and rounds to the nearest record pixel.
 * Image width and height round to whole engine pixels. Extended data (ridge counts, cores and deltas, zonal
 * quality) is skipped after checking that its blocks exactly fill its declared length; encoders write none.
 */
import { EngineError } from '../errors.js';
import { ENGINE_DPI } from '../image/gray-image.js';
import { angleUnitsToRadians, radiansToAngleUnits } from './angle-units.js';
import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
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

/** Pixels per centimetre written by default: 197 px/cm is the standards' stand-in for 500 dpi. */
export const DEFAULT_RESOLUTION_PPCM = 197;

const CM_PER_INCH = 2.54;
const MAX_COORDINATE = 0x3fff;
const VIEW_HEADER_BYTES = 4;
const MINUTIA_BYTES = 6;
const EXTENDED_LENGTH_BYTES = 2;
const EXTENDED_BLOCK_HEADER_BYTES = 4;
const MAX_VIEWS = 255;
const MAX_MINUTIAE_PER_VIEW = 255;
const MAX_VIEW_NUMBER = 15;

/** The image a record's coordinates refer to, in the record's own pixels. */
export interface FmrImage {
  readonly width: number;
  readonly height: number;
  readonly resolutionXPpcm: number;
  readonly resolutionYPpcm: number;
}

/** Engine pixels per record pixel at `ppcm` pixels per centimetre. */
function engineScale(ppcm: number): number {
  return ENGINE_DPI / (ppcm * CM_PER_INCH);
}

/**
 * Reads image width, height, x and y resolution, the view count and the reserved byte that follows it (ignored,
 * as readers should treat reserved fields). Throws ENGINE_TEMPLATE_CORRUPT for a zero size or resolution.
 */
export function readFmrImage(reader: ByteReader, what: string): { image: FmrImage; viewCount: number } {
  const width = reader.u16('image width');
  const height = reader.u16('image height');
  const resolutionXPpcm = reader.u16('x resolution');
  const resolutionYPpcm = reader.u16('y resolution');
  const viewCount = reader.u8('number of finger views');
  reader.skip(1, 'reserved byte');
  assertDecodedField(width > 0, `${what}: image width`, width);
  assertDecodedField(height > 0, `${what}: image height`, height);
  assertDecodedField(resolutionXPpcm > 0, `${what}: x resolution`, resolutionXPpcm);
  assertDecodedField(resolutionYPpcm > 0, `${what}: y resolution`, resolutionYPpcm);
  return { image: { width, height, resolutionXPpcm, resolutionYPpcm }, viewCount };
}

/**
 * Reads `count` finger views into engine templates. The count is checked against the bytes that remain before
 * looping (every view takes at least 6 bytes), as is each view's minutia count and extended data length.
 */
export function readFmrViews(
  reader: ByteReader,
  count: number,
  image: FmrImage,
  unitsPerTurn: number,
  what: string,
): FingerprintTemplate[] {
  reader.require(count * (VIEW_HEADER_BYTES + EXTENDED_LENGTH_BYTES), `${count} finger views`);
  const scaleX = engineScale(image.resolutionXPpcm);
  const scaleY = engineScale(image.resolutionYPpcm);
  const width = Math.max(1, Math.round(image.width * scaleX));
  const height = Math.max(1, Math.round(image.height * scaleY));
  const views: FingerprintTemplate[] = [];
  for (let v = 0; v < count; v++) {
    const at = `${what}, view ${v}`;
    const fingerPosition = reader.u8('finger position');
    assertDecodedField(fingerPosition <= MAX_FINGER_POSITION, `${at}: finger position`, fingerPosition);
    // The high nibble is the view number; the engine's template has no place for it and encoders renumber.
    const impressionType = reader.u8('view number and impression type') & 0x0f;
    assertDecodedField(isImpressionType(impressionType), `${at}: impression type`, impressionType);
    const quality = reader.u8('finger quality');
    assertDecodedField(quality <= MAX_QUALITY, `${at}: finger quality`, quality);
    const minutiaCount = reader.u8('number of minutiae');
    reader.require(minutiaCount * MINUTIA_BYTES + EXTENDED_LENGTH_BYTES, `${at}: ${minutiaCount} minutiae`);
    const minutiae: Minutia[] = new Array<Minutia>(minutiaCount);
    for (let i = 0; i < minutiaCount; i++) {
      const typeAndX = reader.u16('minutia type and x');
      const type = minutiaTypeFromCode(typeAndX >>> 14);
      assertDecodedField(type !== undefined, `${at}, minutia ${i}: type code`, typeAndX >>> 14);
      // Bits 15-14 of the y field are reserved; readers ignore them.
      const y = reader.u16('minutia y') & MAX_COORDINATE;
      const angle = reader.u8('minutia angle');
      assertDecodedField(angle < unitsPerTurn, `${at}, minutia ${i}: angle`, angle);
      const minutiaQuality = reader.u8('minutia quality');
      assertDecodedField(minutiaQuality <= MAX_QUALITY, `${at}, minutia ${i}: quality`, minutiaQuality);
      minutiae[i] = {
        x: (typeAndX & MAX_COORDINATE) * scaleX,
        y: y * scaleY,
        direction: angleUnitsToRadians(angle, unitsPerTurn),
        type,
        quality: minutiaQuality,
      };
    }
    skipExtendedData(reader, at);
    views.push({ width, height, fingerPosition, impressionType, quality, minutiae });
  }
  return views;
}

/** Skips a view's extended data after checking that its blocks exactly fill the declared length. */
function skipExtendedData(reader: ByteReader, at: string): void {
  const length = reader.u16('extended data length');
  reader.require(length, `${at}: extended data`);
  let left = length;
  // Each pass consumes at least 4 bytes, so this ends within length / 4 passes.
  while (left > 0) {
    if (left < EXTENDED_BLOCK_HEADER_BYTES) {
      throw new EngineError('ENGINE_TEMPLATE_CORRUPT', `${at}: ${left} stray bytes at the end of the extended data`);
    }
    reader.u16('extended data type');
    const blockLength = reader.u16('extended data block length');
    if (blockLength < EXTENDED_BLOCK_HEADER_BYTES || blockLength > left) {
      throw new EngineError(
        'ENGINE_TEMPLATE_CORRUPT',
        `${at}: extended data block of ${blockLength} bytes does not fit the ${left} bytes left of the extended data`,
      );
    }
    reader.skip(blockLength - EXTENDED_BLOCK_HEADER_BYTES, 'extended data block');
    left -= blockLength;
  }
}

function unencodable(what: string, message: string): EngineError {
  return new EngineError('ENGINE_TEMPLATE_UNENCODABLE', `cannot encode as ${what}: ${message}`);
}

/**
 * Validates `templates` for one record and returns the record's image at `resolutionPpcm`. A record has a single
 * image size (in its record header), so every view must have the same width and height. Throws
 * ENGINE_TEMPLATE_UNENCODABLE for no views, more than 255, differing sizes, a resolution outside 1..65535, a size
 * beyond 65535 record pixels, or any invalid template field.
 */
export function fmrImageFor(
  templates: readonly FingerprintTemplate[],
  resolutionPpcm: number,
  what: string,
): FmrImage {
  if (!Number.isInteger(resolutionPpcm) || resolutionPpcm < 1 || resolutionPpcm > 0xffff) {
    throw unencodable(what, `resolution must be an integer 1..65535 pixels per cm, got ${resolutionPpcm}`);
  }
  if (templates.length === 0) throw unencodable(what, 'a record needs at least one finger view');
  if (templates.length > MAX_VIEWS) throw unencodable(what, `${templates.length} finger views exceed ${MAX_VIEWS}`);
  for (const template of templates) assertEncodableTemplate(template, what);
  const { width, height } = templates[0]!;
  for (const template of templates) {
    if (template.width !== width || template.height !== height) {
      throw unencodable(
        what,
        `all views of a record share one image size, got ${width}x${height} and ${template.width}x${template.height}`,
      );
    }
    if (template.minutiae.length > MAX_MINUTIAE_PER_VIEW) {
      throw unencodable(what, `${template.minutiae.length} minutiae in one view exceed ${MAX_MINUTIAE_PER_VIEW}`);
    }
  }
  const scale = engineScale(resolutionPpcm);
  const image: FmrImage = {
    width: Math.round(width / scale),
    height: Math.round(height / scale),
    resolutionXPpcm: resolutionPpcm,
    resolutionYPpcm: resolutionPpcm,
  };
  if (image.width < 1 || image.height < 1 || image.width > 0xffff || image.height > 0xffff) {
    throw unencodable(what, `image ${image.width}x${image.height} at ${resolutionPpcm} px/cm is outside 1..65535`);
  }
  return image;
}

/** One template or a list of them, as a list: the encoders accept either. */
export function asViewList(
  templates: FingerprintTemplate | readonly FingerprintTemplate[],
): readonly FingerprintTemplate[] {
  // Array.isArray does not narrow a readonly array type, hence the cast.
  return Array.isArray(templates) ? (templates as readonly FingerprintTemplate[]) : [templates as FingerprintTemplate];
}

/** Bytes the views of `templates` take, extended data lengths included. */
export function fmrViewsByteLength(templates: readonly FingerprintTemplate[]): number {
  let length = 0;
  for (const template of templates) {
    length += VIEW_HEADER_BYTES + MINUTIA_BYTES * template.minutiae.length + EXTENDED_LENGTH_BYTES;
  }
  return length;
}

/**
 * Writes the views of `templates` (already checked by {@link fmrImageFor}). View numbers count up from 0 per
 * finger position in the order given, as both standards' finger view header requires; more than 16 views of one
 * finger are unencodable. Angles round to the nearest unit modulo `unitsPerTurn`; coordinates to the nearest
 * record pixel, which must fit 14 bits.
 */
export function writeFmrViews(
  out: ByteWriter,
  templates: readonly FingerprintTemplate[],
  image: FmrImage,
  unitsPerTurn: number,
  what: string,
): void {
  const scaleX = engineScale(image.resolutionXPpcm);
  const scaleY = engineScale(image.resolutionYPpcm);
  const nextViewNumber = new Map<number, number>();
  for (const template of templates) {
    const viewNumber = nextViewNumber.get(template.fingerPosition) ?? 0;
    if (viewNumber > MAX_VIEW_NUMBER) {
      throw unencodable(what, `more than ${MAX_VIEW_NUMBER + 1} views of finger position ${template.fingerPosition}`);
    }
    nextViewNumber.set(template.fingerPosition, viewNumber + 1);
    out.u8(template.fingerPosition);
    out.u8((viewNumber << 4) | template.impressionType);
    out.u8(template.quality);
    out.u8(template.minutiae.length);
    template.minutiae.forEach((m, i) => {
      const x = Math.round(m.x / scaleX) + 0;
      const y = Math.round(m.y / scaleY) + 0;
      if (x < 0 || y < 0 || x > MAX_COORDINATE || y > MAX_COORDINATE) {
        throw unencodable(what, `minutia ${i} at (${m.x}, ${m.y}) is outside the 14-bit coordinate range`);
      }
      out.u16((minutiaTypeCode(m.type) << 14) | x);
      out.u16(y);
      out.u8(radiansToAngleUnits(m.direction, unitsPerTurn));
      out.u8(m.quality);
    });
    out.u16(0);
  }
}
