/**
 * The gallery's memory: finger records in fixed-size chunks of SharedArrayBuffer, so the search workers read the
 * very bytes the main thread writes, with no copy, and the gallery grows a chunk at a time without moving what is
 * there. Each chunk holds {@link CHUNK_RECORDS} records in structure-of-arrays form (one typed array per field),
 * which keeps the index scan reading one contiguous array.
 *
 * A subject is a run of consecutive records, one per finger, that never straddles two chunks; its first record
 * (the head) holds the run length. Visibility follows sequence numbers: every write to the gallery takes the next
 * number, a search runs at the number current when it starts, and a record is visible to it when
 * `insertSeq <= seq && (deleteSeq === 0 || deleteSeq > seq)`. Writers store deleteSeq and insertSeq with Atomics
 * and readers load deleteSeq before insertSeq (see gallery.ts for the order that makes a reused slot invisible).
 *
 * Per record: 4 + 4 (sequence numbers) + 4 (run, position, minutia count, code count) + 64 · 5 (minutiae) +
 * 128 · 4 (index codes: the cell in 20 bits, the triangle's apex minutia in a byte) = 844 bytes.
 */
import { CHUNK_RECORDS, MAX_FINGER_CODES, MAX_GALLERY_MINUTIAE } from './identify-parameters.js';

/** Typed-array views of one chunk's buffer. */
export interface GalleryChunk {
  readonly buffer: SharedArrayBuffer;
  /** Sequence number of the write that made the record visible; 0 for a free record. */
  readonly insertSeq: Int32Array;
  /** Sequence number of the write that removed it; 0 while it is live. */
  readonly deleteSeq: Int32Array;
  /** At a subject's head: its number of finger records (1..10); 0 on the others and on gaps. */
  readonly run: Uint8Array;
  /** ISO/IEC 19794-2 finger position 1..10 (0 unknown). */
  readonly position: Uint8Array;
  readonly minutiaCount: Uint8Array;
  readonly codeCount: Uint8Array;
  /** Minutiae of record r at r · MAX_GALLERY_MINUTIAE (compact-finger.ts: type in the top two bits of x). */
  readonly x: Uint16Array;
  readonly y: Uint16Array;
  readonly direction: Uint8Array;
  /** Index codes of record r at r · MAX_FINGER_CODES: the cell's low 16 bits and high 4 bits (triangle-codes.ts). */
  readonly codeLo: Uint16Array;
  readonly codeHi: Uint8Array;
  /** The apex minutia (index into the record's minutiae) of each code's triangle, for the pose stage. */
  readonly codeApex: Uint8Array;
}

const R = CHUNK_RECORDS;
const M = MAX_GALLERY_MINUTIAE;
const C = MAX_FINGER_CODES;

/** Byte length of one chunk: the arrays laid out largest element first, so every view is aligned. */
export const CHUNK_BYTES = R * (4 + 4) + R * (M * 2 * 2 + C * 2) + R * (4 + M + C + C);

/** Bytes of memory one finger record takes. */
export const RECORD_BYTES = CHUNK_BYTES / R;

/** Views a chunk buffer (a new one, or one another thread shares or a snapshot filled). */
export function viewChunk(buffer: SharedArrayBuffer): GalleryChunk {
  let at = 0;
  const take = <T>(make: (offset: number) => T, bytes: number): T => {
    const view = make(at);
    at += bytes;
    return view;
  };
  const insertSeq = take((o) => new Int32Array(buffer, o, R), R * 4);
  const deleteSeq = take((o) => new Int32Array(buffer, o, R), R * 4);
  const x = take((o) => new Uint16Array(buffer, o, R * M), R * M * 2);
  const y = take((o) => new Uint16Array(buffer, o, R * M), R * M * 2);
  const codeLo = take((o) => new Uint16Array(buffer, o, R * C), R * C * 2);
  const run = take((o) => new Uint8Array(buffer, o, R), R);
  const position = take((o) => new Uint8Array(buffer, o, R), R);
  const minutiaCount = take((o) => new Uint8Array(buffer, o, R), R);
  const codeCount = take((o) => new Uint8Array(buffer, o, R), R);
  const direction = take((o) => new Uint8Array(buffer, o, R * M), R * M);
  const codeHi = take((o) => new Uint8Array(buffer, o, R * C), R * C);
  const codeApex = take((o) => new Uint8Array(buffer, o, R * C), R * C);
  if (at !== CHUNK_BYTES || buffer.byteLength !== CHUNK_BYTES) {
    throw new Error(`gallery chunk layout: ${at} bytes laid out, buffer of ${buffer.byteLength}, expected ${CHUNK_BYTES}`);
  }
  return { buffer, insertSeq, deleteSeq, run, position, minutiaCount, codeCount, x, y, direction, codeLo, codeHi, codeApex };
}

/** A fresh, zeroed chunk (every record free). */
export function newChunk(): GalleryChunk {
  return viewChunk(new SharedArrayBuffer(CHUNK_BYTES));
}

/** True when the subject whose head is record `r` of `chunk` is visible to a search at sequence `seq`. */
export function isVisible(chunk: GalleryChunk, r: number, seq: number): boolean {
  // deleteSeq first: a writer reusing a slot stores the new insertSeq (above every running search's seq) before it
  // clears deleteSeq, so a reader that sees the cleared deleteSeq also sees the new insertSeq.
  const removed = Atomics.load(chunk.deleteSeq, r);
  if (removed !== 0 && removed <= seq) return false;
  const inserted = Atomics.load(chunk.insertSeq, r);
  return inserted !== 0 && inserted <= seq;
}
