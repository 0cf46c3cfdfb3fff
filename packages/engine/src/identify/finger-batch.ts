/**
 * Fingers encoded for the gallery outside it: compact minutiae and index codes in flat typed arrays, the same
 * fields a gallery record holds. Encoding (compacting and computing the triangle codes, tens of microseconds a
 * finger) can then run in any thread: a bulk load encodes batches in worker threads and transfers their buffers,
 * and the gallery only copies them into its records. Probes travel to the search workers in their own small
 * encoding ({@link encodeProbe}), one transferable buffer.
 */
import { EngineError } from '../errors.js';
import type { FingerprintTemplate } from '../template/template.js';
import { compactFinger } from './compact-finger.js';
import { MAX_FINGER_CODES, MAX_GALLERY_MINUTIAE, MAX_SUBJECT_FINGERS } from './identify-parameters.js';
import { fingerCodes } from './triangle-codes.js';

/** A finger to enrol or to search with: ISO/IEC 19794-2 position 1..10 (0 unknown) and its template. */
export interface GalleryFingerInput {
  readonly position: number;
  readonly template: FingerprintTemplate;
}

/** Encoded fingers, finger i's minutiae at i · MAX_GALLERY_MINUTIAE and codes at i · MAX_FINGER_CODES. */
export interface FingerBatch {
  readonly capacity: number;
  readonly position: Uint8Array;
  readonly minutiaCount: Uint8Array;
  readonly codeCount: Uint8Array;
  readonly x: Uint16Array;
  readonly y: Uint16Array;
  readonly direction: Uint8Array;
  readonly codes: Uint32Array;
}

/** An empty batch for `capacity` fingers. */
export function newFingerBatch(capacity: number): FingerBatch {
  return {
    capacity,
    position: new Uint8Array(capacity),
    minutiaCount: new Uint8Array(capacity),
    codeCount: new Uint8Array(capacity),
    x: new Uint16Array(capacity * MAX_GALLERY_MINUTIAE),
    y: new Uint16Array(capacity * MAX_GALLERY_MINUTIAE),
    direction: new Uint8Array(capacity * MAX_GALLERY_MINUTIAE),
    codes: new Uint32Array(capacity * MAX_FINGER_CODES),
  };
}

/** The buffers of a batch, for a postMessage transfer list. */
export function fingerBatchBuffers(batch: FingerBatch): ArrayBuffer[] {
  return [batch.position, batch.minutiaCount, batch.codeCount, batch.x, batch.y, batch.direction, batch.codes].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** Throws ENGINE_GALLERY_INPUT unless `position` is a finger position 0..10. */
export function assertFingerPosition(position: unknown): asserts position is number {
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > 10) {
    throw new EngineError('ENGINE_GALLERY_INPUT', `finger position must be an integer 0..10, got ${String(position)}`);
  }
}

/** Encodes `template` as finger `index` of `batch`. */
export function encodeFinger(batch: FingerBatch, index: number, position: number, template: FingerprintTemplate): void {
  assertFingerPosition(position);
  if (!template || !Array.isArray(template.minutiae)) {
    throw new EngineError('ENGINE_GALLERY_INPUT', `finger at position ${position} has no minutiae array`);
  }
  const compact = compactFinger(template);
  const m = index * MAX_GALLERY_MINUTIAE;
  batch.position[index] = position;
  batch.minutiaCount[index] = compact.count;
  batch.x.set(compact.x, m);
  batch.y.set(compact.y, m);
  batch.direction.set(compact.direction, m);
  const out = batch.codes.subarray(index * MAX_FINGER_CODES, (index + 1) * MAX_FINGER_CODES);
  batch.codeCount[index] = fingerCodes(batch.x, batch.y, batch.direction, m, compact.count, out);
}

/** Checks a subject's fingers: 1..10 of them, distinct positions. */
export function assertSubjectFingers(fingers: readonly GalleryFingerInput[], what: string): void {
  if (!Array.isArray(fingers) || fingers.length === 0 || fingers.length > MAX_SUBJECT_FINGERS) {
    throw new EngineError('ENGINE_GALLERY_INPUT', `${what} needs 1 to ${MAX_SUBJECT_FINGERS} fingers, got ${Array.isArray(fingers) ? fingers.length : String(fingers)}`);
  }
  const seen = new Set<number>();
  for (const f of fingers) {
    assertFingerPosition(f?.position);
    if (seen.has(f.position)) throw new EngineError('ENGINE_GALLERY_INPUT', `${what} has finger position ${f.position} twice`);
    seen.add(f.position);
  }
}

/** Encodes one subject's fingers into a fresh batch. */
export function encodeSubject(fingers: readonly GalleryFingerInput[]): FingerBatch {
  assertSubjectFingers(fingers, 'a subject');
  const batch = newFingerBatch(fingers.length);
  fingers.forEach((f, i) => encodeFinger(batch, i, f.position, f.template));
  return batch;
}

/**
 * A probe as one buffer of uint16: finger count, then per finger its position, minutia count and the compact
 * x, y and direction arrays. Small (a few hundred bytes), and transferred rather than copied to each worker.
 */
export function encodeProbe(fingers: readonly GalleryFingerInput[]): ArrayBuffer {
  assertSubjectFingers(fingers, 'a probe');
  const batch = encodeSubject(fingers);
  let words = 1;
  for (let i = 0; i < fingers.length; i++) words += 2 + 3 * batch.minutiaCount[i]!;
  const out = new Uint16Array(words);
  let at = 0;
  out[at++] = fingers.length;
  for (let i = 0; i < fingers.length; i++) {
    const n = batch.minutiaCount[i]!;
    const m = i * MAX_GALLERY_MINUTIAE;
    out[at++] = batch.position[i]!;
    out[at++] = n;
    out.set(batch.x.subarray(m, m + n), at);
    out.set(batch.y.subarray(m, m + n), at + n);
    for (let j = 0; j < n; j++) out[at + 2 * n + j] = batch.direction[m + j]!;
    at += 3 * n;
  }
  return out.buffer;
}

/** A probe decoded from {@link encodeProbe}'s buffer: per finger, position and compact minutiae. */
export interface DecodedProbeFinger {
  readonly position: number;
  readonly count: number;
  readonly x: Uint16Array;
  readonly y: Uint16Array;
  readonly direction: Uint8Array;
}

/** Decodes {@link encodeProbe}'s buffer (views on it for x and y; directions copied to bytes). */
export function decodeProbe(buffer: ArrayBuffer): DecodedProbeFinger[] {
  const words = new Uint16Array(buffer);
  const fingers: DecodedProbeFinger[] = [];
  let at = 1;
  for (let i = 0; i < words[0]!; i++) {
    const position = words[at++]!;
    const count = words[at++]!;
    const x = words.subarray(at, at + count);
    const y = words.subarray(at + count, at + 2 * count);
    const direction = Uint8Array.from(words.subarray(at + 2 * count, at + 3 * count));
    at += 3 * count;
    fingers.push({ position, count, x, y, direction });
  }
  return fingers;
}
