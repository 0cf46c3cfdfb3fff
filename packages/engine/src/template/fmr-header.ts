/**
 * The header prefix shared by ISO/IEC 19794-2:2005 and ANSI/INCITS 378-2004 finger minutiae records, and the rule
 * that tells them apart. Both start with "FMR\0" and version " 20\0"; they differ right after, in the record
 * length field of the record header (ISO/IEC 19794-2:2005: 4 bytes; ANSI/INCITS 378-2004: 2 bytes, or 2 zero
 * bytes then 4 bytes for records over 65,535 bytes, minimum 26). Reading those bytes both ways:
 * - exact match first: whichever reading equals the buffer length wins (no real record matches both ways);
 * - otherwise (a truncated record or trailing bytes) by shape, as FingerprintIO does:
 *   bytes 8-9 >= 26 is an ANSI short length (an ISO record that long would be over 1.7 MB);
 *   bytes 8-9 in 1..25 can only be the high half of an ISO length (ANSI lengths are 0 or >= 26);
 *   bytes 8-9 = 0: bytes 10-11 >= 24 is the low half of an ISO length; below 24 it is the high half of an ANSI
 *   4-byte length (ISO records are at least 24 bytes).
 */
import { EngineError } from '../errors.js';
import { ANSI378_2004_FORMAT, ISO19794_2_2005_FORMAT } from './template-format.js';

/** "FMR\0" then " 20\0": the first 8 bytes of both 2004/2005 finger minutiae record formats. */
export const FMR_2005_PREFIX: Uint8Array = Uint8Array.of(0x46, 0x4d, 0x52, 0x00, 0x20, 0x32, 0x30, 0x00);

/** The two formats behind {@link FMR_2005_PREFIX}. */
export type FmrFormat = typeof ISO19794_2_2005_FORMAT | typeof ANSI378_2004_FORMAT;

/** Bytes needed to read both interpretations of the length field. */
const CLASSIFY_BYTES = 12;
const ANSI_MIN_LENGTH = 26;
const ISO_MIN_LENGTH = 24;

function printable(bytes: Uint8Array): string {
  const char = (b: number): string =>
    b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return Array.from(bytes, char).join('');
}

/** True when the first min(4, length) bytes agree with "FMR\0" (so an empty array qualifies). */
export function startsLikeFmr(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4);
  for (let i = 0; i < n; i++) if (bytes[i] !== FMR_2005_PREFIX[i]) return false;
  return true;
}

/**
 * Which of ISO/IEC 19794-2:2005 and ANSI/INCITS 378-2004 `bytes` is, by the rule in the module comment.
 * Throws ENGINE_TEMPLATE_FORMAT when the bytes are not "FMR\0" or carry another version (such as the 2011 ISO
 * edition's " 030" or ANSI 378-2009's "030\0"), and ENGINE_TEMPLATE_TRUNCATED when they are a prefix too short to
 * tell.
 */
export function classifyFmrRecord(bytes: Uint8Array): FmrFormat {
  const prefixLength = Math.min(bytes.length, FMR_2005_PREFIX.length);
  for (let i = 0; i < prefixLength; i++) {
    if (bytes[i] === FMR_2005_PREFIX[i]) continue;
    if (i < 4) {
      throw new EngineError('ENGINE_TEMPLATE_FORMAT', 'finger minutiae record: bytes do not start with "FMR\\0"');
    }
    throw new EngineError(
      'ENGINE_TEMPLATE_FORMAT',
      `finger minutiae record: version "${printable(bytes.subarray(4, 8))}" is not " 20\\0" ` +
        '(only ISO/IEC 19794-2:2005 and ANSI/INCITS 378-2004 are read)',
    );
  }
  if (bytes.length < CLASSIFY_BYTES) {
    throw new EngineError(
      'ENGINE_TEMPLATE_TRUNCATED',
      `finger minutiae record: ${bytes.length} bytes are too few to read the record length`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const high = view.getUint16(8);
  const low = view.getUint16(10);
  const isoLength = view.getUint32(8);
  if (isoLength === bytes.length) return ISO19794_2_2005_FORMAT;
  if (high === bytes.length) return ANSI378_2004_FORMAT;
  if (high === 0 && bytes.length >= 14 && view.getUint32(10) === bytes.length) return ANSI378_2004_FORMAT;
  if (high >= ANSI_MIN_LENGTH) return ANSI378_2004_FORMAT;
  if (high > 0) return ISO19794_2_2005_FORMAT;
  return low >= ISO_MIN_LENGTH ? ISO19794_2_2005_FORMAT : ANSI378_2004_FORMAT;
}

/**
 * Checks a record's declared length against its header size and the bytes given. The readers are strict: a
 * length beyond the bytes is ENGINE_TEMPLATE_TRUNCATED; a length below the header, or bytes left over after the
 * declared length (which would otherwise be silently ignored), are ENGINE_TEMPLATE_CORRUPT.
 */
export function checkRecordLength(declared: number, headerBytes: number, available: number, what: string): void {
  if (declared < headerBytes) {
    throw new EngineError(
      'ENGINE_TEMPLATE_CORRUPT',
      `${what}: record length ${declared} is below the ${headerBytes}-byte header`,
    );
  }
  if (declared > available) {
    throw new EngineError(
      'ENGINE_TEMPLATE_TRUNCATED',
      `${what}: record length ${declared} but only ${available} bytes`,
    );
  }
  if (declared < available) {
    throw new EngineError(
      'ENGINE_TEMPLATE_CORRUPT',
      `${what}: ${available - declared} bytes after the declared length`,
    );
  }
}
