/**
 * Range checks for the fields every template format carries (finger position, impression type, qualities,
 * minutia type), shared by the encoders (which refuse what they cannot write: ENGINE_TEMPLATE_UNENCODABLE) and
 * the decoders (which refuse values the standards reserve: ENGINE_TEMPLATE_CORRUPT). Keeping them in one place
 * keeps the formats agreeing on what a valid template is, so a template that decodes from one format always
 * encodes to the others (up to their sizes and precision).
 */
import { EngineError } from '../errors.js';
import { IMPRESSION_TYPES, MINUTIA_TYPES } from './template.js';
import type { FingerprintTemplate, MinutiaType } from './template.js';

/** Highest finger position code: 10 = left little finger (ISO/IEC 19794-2:2005 table 4, ANSI/INCITS 378 table 5). */
export const MAX_FINGER_POSITION = 10;

/**
 * Highest finger and minutia quality in the quality fields of ISO/IEC 19794-2:2005 and ANSI/INCITS 378-2004
 * (0 means unknown or not computed).
 */
export const MAX_QUALITY = 100;

const IMPRESSION_CODES: ReadonlySet<number> = new Set(Object.values(IMPRESSION_TYPES));

/** True for an impression type code of {@link IMPRESSION_TYPES}. */
export function isImpressionType(code: number): boolean {
  return IMPRESSION_CODES.has(code);
}

/**
 * The 2-bit minutia type code of ISO/IEC 19794-2:2005 and ANSI/INCITS 378-2004 (00 other,
 * 01 ridge ending, 10 bifurcation), which is also the index into {@link MINUTIA_TYPES}; undefined for code 11
 * (reserved) or any other number.
 */
export function minutiaTypeFromCode(code: number): MinutiaType | undefined {
  return MINUTIA_TYPES[code];
}

/** The code of {@link minutiaTypeFromCode} for a minutia type. */
export function minutiaTypeCode(type: MinutiaType): number {
  return MINUTIA_TYPES.indexOf(type);
}

/**
 * Throws ENGINE_TEMPLATE_CORRUPT when a decoded header or minutia field holds a value the standards reserve.
 * @param what names the record and the field ("ISO/IEC 19794-2 record, view 2, finger quality").
 */
export function assertDecodedField(ok: boolean, what: string, value: number): asserts ok {
  if (!ok) throw new EngineError('ENGINE_TEMPLATE_CORRUPT', `${what}: invalid value ${value}`);
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function unencodable(format: string, message: string): EngineError {
  return new EngineError('ENGINE_TEMPLATE_UNENCODABLE', `cannot encode as ${format}: ${message}`);
}

/**
 * Throws ENGINE_TEMPLATE_UNENCODABLE unless every field of `template` is one any of our formats can write:
 * width and height positive integers, finger position 0..10, a known impression type, qualities integers 0..100,
 * known minutia types, finite coordinates and directions. Size limits that differ between formats (14-bit
 * coordinates, 255 minutiae a view) are checked by each encoder.
 */
export function assertEncodableTemplate(template: FingerprintTemplate, format: string): void {
  if (typeof template !== 'object' || template === null) throw unencodable(format, 'not a template object');
  const { width, height, fingerPosition, impressionType, quality, minutiae } = template;
  if (!isIntegerIn(width, 1, Number.MAX_SAFE_INTEGER) || !isIntegerIn(height, 1, Number.MAX_SAFE_INTEGER)) {
    throw unencodable(format, `size must be positive integers, got ${width}x${height}`);
  }
  if (!isIntegerIn(fingerPosition, 0, MAX_FINGER_POSITION)) {
    throw unencodable(format, `finger position must be 0..${MAX_FINGER_POSITION}, got ${fingerPosition}`);
  }
  if (!isIntegerIn(impressionType, 0, 15) || !isImpressionType(impressionType)) {
    throw unencodable(format, `unknown impression type ${impressionType}`);
  }
  if (!isIntegerIn(quality, 0, MAX_QUALITY)) {
    throw unencodable(format, `finger quality must be an integer 0..${MAX_QUALITY}, got ${quality}`);
  }
  if (!Array.isArray(minutiae)) throw unencodable(format, 'minutiae must be an array');
  for (let i = 0; i < minutiae.length; i++) {
    const m = minutiae[i];
    if (typeof m !== 'object' || m === null) throw unencodable(format, `minutia ${i} is not an object`);
    if (!Number.isFinite(m.x) || !Number.isFinite(m.y) || !Number.isFinite(m.direction)) {
      throw unencodable(format, `minutia ${i} has a non-finite position or direction (${m.x}, ${m.y}, ${m.direction})`);
    }
    if (!MINUTIA_TYPES.includes(m.type)) throw unencodable(format, `minutia ${i} has unknown type ${String(m.type)}`);
    if (!isIntegerIn(m.quality, 0, MAX_QUALITY)) {
      throw unencodable(format, `minutia ${i} quality must be an integer 0..${MAX_QUALITY}, got ${m.quality}`);
    }
  }
}
