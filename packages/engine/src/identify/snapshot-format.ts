/**
 * The gallery's snapshot file: a 64-byte header, a JSON metadata block (the caller's watermark), the subject ids by
 * head record, then every shared chunk byte for byte, so loading is reading straight into fresh SharedArrayBuffers.
 * All integers little-endian. Sections are padded to 4 bytes and covered by one 32-bit checksum (FNV-1a over
 * 32-bit words: a change to any one word always changes it; it detects damage, not tampering).
 *
 * Header: "SRHDGLRY", u32 format version, u32 header bytes (64), u32 records per chunk, u32 bytes per record,
 * u32 chunk count, u32 record high-water mark, u32 subjects, u32 metadata bytes, u32 id-table bytes,
 * u32 checksum, zero padding.
 */
import { EngineError } from '../errors.js';

export const SNAPSHOT_MAGIC = 'SRHDGLRY';
/**
 * 2: index codes spread over the print (triangle-codes.ts fingerCodes); a version-1 file holds the smallest
 * triangles' codes, so it is refused and the gallery rebuilt from the database. 3: each code keeps its triangle's
 * apex minutia (844-byte records), for the index's pose stage.
 */
export const SNAPSHOT_VERSION = 3;
export const SNAPSHOT_HEADER_BYTES = 64;

/** Where a snapshot is written: called with consecutive pieces (views the sink must not keep after returning). */
export interface SnapshotSink {
  write(bytes: Uint8Array): void;
}

/** Where a snapshot is read from: fills `into` from the current position, returns the bytes read (0 at the end). */
export interface SnapshotSource {
  read(into: Uint8Array): number;
}

/** The header's fields. */
export interface SnapshotHeader {
  readonly version: number;
  readonly chunkRecords: number;
  readonly recordBytes: number;
  readonly chunkCount: number;
  readonly end: number;
  readonly subjects: number;
  readonly metaBytes: number;
  readonly idBytes: number;
  readonly checksum: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over little-endian 32-bit words, fed section by section (each a multiple of 4 bytes). */
export class SnapshotChecksum {
  #h = FNV_OFFSET;

  update(bytes: Uint8Array): void {
    if (bytes.byteLength % 4 !== 0) throw new Error('snapshot sections are padded to 4 bytes');
    let h = this.#h;
    if (bytes.byteOffset % 4 === 0) {
      const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, FNV_PRIME);
    } else {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < bytes.byteLength; i += 4) h = Math.imul(h ^ view.getUint32(i, true), FNV_PRIME);
    }
    this.#h = h;
  }

  get value(): number {
    return this.#h >>> 0;
  }
}

/** Bytes `n` rounded up to a multiple of 4. */
export function padded(n: number): number {
  return (n + 3) & ~3;
}

/** Encodes the header. */
export function encodeHeader(header: Omit<SnapshotHeader, 'version'>): Uint8Array {
  const bytes = new Uint8Array(SNAPSHOT_HEADER_BYTES);
  for (let i = 0; i < SNAPSHOT_MAGIC.length; i++) bytes[i] = SNAPSHOT_MAGIC.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  const fields = [
    SNAPSHOT_VERSION,
    SNAPSHOT_HEADER_BYTES,
    header.chunkRecords,
    header.recordBytes,
    header.chunkCount,
    header.end,
    header.subjects,
    header.metaBytes,
    header.idBytes,
    header.checksum,
  ];
  fields.forEach((value, i) => view.setUint32(8 + 4 * i, value, true));
  return bytes;
}

/** Decodes and checks the header: ENGINE_SNAPSHOT_INVALID for another file or format version. */
export function decodeHeader(bytes: Uint8Array): SnapshotHeader {
  const magic = String.fromCharCode(...bytes.subarray(0, SNAPSHOT_MAGIC.length));
  if (bytes.byteLength < SNAPSHOT_HEADER_BYTES || magic !== SNAPSHOT_MAGIC) {
    throw new EngineError('ENGINE_SNAPSHOT_INVALID', 'not a gallery snapshot (the file does not start with SRHDGLRY)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const field = (i: number): number => view.getUint32(8 + 4 * i, true);
  const version = field(0);
  if (version !== SNAPSHOT_VERSION || field(1) !== SNAPSHOT_HEADER_BYTES) {
    throw new EngineError('ENGINE_SNAPSHOT_INVALID', `gallery snapshot format ${version}, this engine reads ${SNAPSHOT_VERSION}`);
  }
  return {
    version,
    chunkRecords: field(2),
    recordBytes: field(3),
    chunkCount: field(4),
    end: field(5),
    subjects: field(6),
    metaBytes: field(7),
    idBytes: field(8),
    checksum: field(9),
  };
}

/** Reads exactly `into.length` bytes or throws ENGINE_SNAPSHOT_CORRUPT (the file is truncated). */
export function readFully(source: SnapshotSource, into: Uint8Array, what: string): void {
  let at = 0;
  while (at < into.byteLength) {
    const n = source.read(into.subarray(at));
    if (!(n > 0)) {
      throw new EngineError('ENGINE_SNAPSHOT_CORRUPT', `gallery snapshot truncated in the ${what} (${at} of ${into.byteLength} bytes)`);
    }
    at += n;
  }
}
