/**
 * What a search worker does with the shared gallery records (gallery-chunk.ts): the index scan over a slice of
 * subjects, full matching of a shortlist, and the exhaustive reference that fully matches every subject. Pure
 * functions of the chunks and a request, so the same code runs in a worker and, in tests, on the main thread.
 *
 * Results are one Float64Array (transferable): `[entries, scanned, ...entries × ENTRY_STRIDE]`, each entry
 * `[record, fused score, index score, fingers, position₁, score₁, ..., position₁₀, score₁₀]`.
 */
import { matchPrepared } from '../match/matcher.js';
import type { PreparedTemplate } from '../match/prepared-template.js';
import { prepareCompact } from './prepare-compact.js';
import { decodeProbe, type DecodedProbeFinger } from './finger-batch.js';
import { fuseFingerScores } from './fusion.js';
import type { GalleryChunk } from './gallery-chunk.js';
import { isVisible } from './gallery-chunk.js';
import {
  CHUNK_RECORDS,
  MAX_FINGER_CODES,
  MAX_GALLERY_MINUTIAE,
  MAX_SUBJECT_FINGERS,
  POSE_HIT_WEIGHT,
  POSE_STAGE_FRACTION,
} from './identify-parameters.js';
import { ProbePoses } from './pose-votes.js';
import { codeScore, probeCells, type ProbeCells, type ProbeEntries } from './triangle-codes.js';

/** Float64 slots per result entry. */
export const ENTRY_STRIDE = 4 + 2 * MAX_SUBJECT_FINGERS;
/** Float64 slots before the first entry. */
export const RESULT_HEADER = 2;

/** A scan of the subjects whose head record lies in [from, to). */
export interface ScanRequest {
  readonly seq: number;
  readonly from: number;
  readonly to: number;
  /** Entries kept: the best by index score (index mode) or by fused score (exhaustive). */
  readonly keep: number;
  readonly exhaustive: boolean;
  /** Head record to leave out (the subject being enrolled), or -1. */
  readonly exclude: number;
}

/** Cells recorded per probe finger for the pose stage (a typical finger enters 20,000 to 60,000). */
const PROBE_ENTRY_CAPACITY = 1 << 17;

/**
 * A probe decoded once per request: fingers, their prepared templates, index bitmaps and pose tables (each made
 * when first needed).
 */
export class ProbeContext {
  readonly fingers: DecodedProbeFinger[];
  /** Probe finger index for each position 0..10, or -1. */
  readonly byPosition = new Int8Array(11).fill(-1);
  readonly #prepared: (PreparedTemplate | undefined)[];
  readonly #cells: (ProbeCells | undefined)[];
  readonly #entries: (ProbeEntries | undefined)[];
  readonly #poses: (ProbePoses | undefined)[];

  constructor(buffer: ArrayBuffer) {
    this.fingers = decodeProbe(buffer);
    this.fingers.forEach((f, i) => (this.byPosition[f.position] = i));
    this.#prepared = this.fingers.map(() => undefined);
    this.#cells = this.fingers.map(() => undefined);
    this.#entries = this.fingers.map(() => undefined);
    this.#poses = this.fingers.map(() => undefined);
  }

  /** The pose table of finger i (pose-votes.ts), from the cells its bitmap was built with. */
  poses(i: number): ProbePoses {
    const f = this.fingers[i]!;
    this.cells(i);
    return (this.#poses[i] ??= new ProbePoses(this.#entries[i]!, f.x, f.y, f.direction, 0, f.count));
  }

  prepared(i: number): PreparedTemplate {
    const f = this.fingers[i]!;
    return (this.#prepared[i] ??= prepareCompact(f.x, f.y, f.direction, 0, f.count));
  }

  cells(i: number): ProbeCells {
    const f = this.fingers[i]!;
    if (this.#cells[i] === undefined) {
      const entries: ProbeEntries = { cell: new Uint32Array(PROBE_ENTRY_CAPACITY), apex: new Uint8Array(PROBE_ENTRY_CAPACITY), count: 0 };
      this.#cells[i] = probeCells(f.x, f.y, f.direction, 0, f.count, undefined, entries);
      this.#entries[i] = entries;
    }
    return this.#cells[i];
  }
}

/** Collects entries into a result array. */
class ResultWriter {
  readonly #out: Float64Array;
  #count = 0;

  constructor(capacity: number, scanned: number) {
    this.#out = new Float64Array(RESULT_HEADER + capacity * ENTRY_STRIDE);
    this.#out[1] = scanned;
  }

  add(record: number, fused: number, indexScore: number, positions: ArrayLike<number>, scores: ArrayLike<number>, fingers: number): void {
    const at = RESULT_HEADER + this.#count++ * ENTRY_STRIDE;
    const out = this.#out;
    out[at] = record;
    out[at + 1] = fused;
    out[at + 2] = indexScore;
    out[at + 3] = fingers;
    for (let i = 0; i < fingers; i++) {
      out[at + 4 + 2 * i] = positions[i]!;
      out[at + 5 + 2 * i] = scores[i]!;
    }
  }

  finish(scanned?: number): Float64Array {
    this.#out[0] = this.#count;
    if (scanned !== undefined) this.#out[1] = scanned;
    return this.#out;
  }
}

const fingerPositions = new Float64Array(MAX_SUBJECT_FINGERS);
const fingerScores = new Float64Array(MAX_SUBJECT_FINGERS);

/**
 * Fully matches the subject whose head is global record `head` against the probe: every finger at a position the
 * probe has, prepared on the fly from its compact minutiae. Returns the number of fingers compared (0 when they
 * share no position) and leaves positions and scores in the module's arrays.
 */
function matchSubject(chunks: readonly GalleryChunk[], head: number, probe: ProbeContext): number {
  const chunk = chunks[Math.floor(head / CHUNK_RECORDS)]!;
  const r = head % CHUNK_RECORDS;
  const run = chunk.run[r]!;
  let k = 0;
  for (let f = 0; f < run; f++) {
    const rec = r + f;
    const position = chunk.position[rec]!;
    const pi = probe.byPosition[position]!;
    if (pi < 0) continue;
    const candidate = prepareCompact(chunk.x, chunk.y, chunk.direction, rec * MAX_GALLERY_MINUTIAE, chunk.minutiaCount[rec]!);
    fingerPositions[k] = position;
    fingerScores[k] = matchPrepared(probe.prepared(pi), candidate);
    k++;
  }
  return k;
}

/** A bounded min-heap of (score, record): keeps the `capacity` highest scores seen. */
class TopScores {
  readonly scores: Float64Array;
  readonly records: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.records = new Int32Array(capacity);
  }

  /** The lowest score kept once full (a candidate must beat it), else -Infinity. */
  get floor(): number {
    return this.size < this.capacity ? -Infinity : this.scores[0]!;
  }

  push(score: number, record: number): void {
    const { scores, records } = this;
    let i: number;
    if (this.size < this.capacity) {
      i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (scores[parent]! <= score) break;
        scores[i] = scores[parent]!;
        records[i] = records[parent]!;
        i = parent;
      }
    } else {
      if (score <= scores[0]!) return;
      i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= this.size) break;
        const right = left + 1;
        const child = right < this.size && scores[right]! < scores[left]! ? right : left;
        if (scores[child]! >= score) break;
        scores[i] = scores[child]!;
        records[i] = records[child]!;
        i = child;
      }
    }
    scores[i] = score;
    records[i] = record;
  }
}

/** Index z-scores of one scan's subjects, reused from scan to scan (grown as needed). */
let stageScores = new Float64Array(1 << 16);
let stageRecords = new Int32Array(1 << 16);

/** The `k`-th largest of `values[0 .. n)` (1-based k <= n), by quickselect on a copy. */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  const a = values.slice(0, n);
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target]!;
}

/**
 * Scans the visible subjects whose head lies in [from, to). Index mode scores each by its fingers' index z-scores
 * combined as Σz / √k, then gives the best {@link POSE_STAGE_FRACTION} of them (at least `keep`) the pose stage:
 * the score becomes z + {@link POSE_HIT_WEIGHT} · Σ pose score (pose-votes.ts), and the best `keep` by it are kept
 * (fused score 0, filled by {@link matchRecords} later). Exhaustive mode fully matches each subject and keeps the
 * best `keep` by fused score.
 */
export function scanSubjects(chunks: readonly GalleryChunk[], request: ScanRequest, probe: ProbeContext): Float64Array {
  const { seq, from, to, exhaustive, exclude } = request;
  const keep = Math.max(1, request.keep);
  const top = new TopScores(keep);
  const byPosition = probe.byPosition;
  const cells = probe.fingers.map((_, i) => probe.cells(i));
  let scanned = 0;
  for (let c = Math.floor(from / CHUNK_RECORDS); c < chunks.length && c * CHUNK_RECORDS < to; c++) {
    const chunk = chunks[c]!;
    const base = c * CHUNK_RECORDS;
    const start = Math.max(from, base) - base;
    const end = Math.min(to, base + CHUNK_RECORDS) - base;
    const { run, position, codeCount, codeLo, codeHi } = chunk;
    for (let r = start; r < end; r++) {
      const n = run[r]!;
      if (n === 0 || base + r === exclude || !isVisible(chunk, r, seq)) continue;
      if (exhaustive) {
        const k = matchSubject(chunks, base + r, probe);
        if (k === 0) continue;
        scanned++;
        top.push(fuseFingerScores(fingerScores.subarray(0, k)), base + r);
        continue;
      }
      let z = 0;
      let k = 0;
      for (let rec = r; rec < r + n; rec++) {
        const pi = byPosition[position[rec]!]!;
        if (pi < 0) continue;
        const probeCells = cells[pi]!;
        z += codeScore(probeCells.bits, probeCells.density, codeLo, codeHi, rec * MAX_FINGER_CODES, codeCount[rec]!);
        k++;
      }
      if (k === 0) continue;
      if (scanned === stageScores.length) {
        const scores = new Float64Array(scanned * 2);
        scores.set(stageScores);
        stageScores = scores;
        const records = new Int32Array(scanned * 2);
        records.set(stageRecords);
        stageRecords = records;
      }
      stageScores[scanned] = k === 1 ? z : z / Math.sqrt(k);
      stageRecords[scanned] = base + r;
      scanned++;
    }
  }
  if (!exhaustive && scanned > 0) {
    const staged = Math.min(scanned, Math.max(keep, Math.ceil(POSE_STAGE_FRACTION * scanned)));
    const floor = kthLargest(stageScores, scanned, staged);
    const poses = probe.fingers.map((_, i) => probe.poses(i));
    for (let s = 0; s < scanned; s++) {
      const z = stageScores[s]!;
      if (z < floor) continue;
      const head = stageRecords[s]!;
      const chunk = chunks[Math.floor(head / CHUNK_RECORDS)]!;
      const r = head % CHUNK_RECORDS;
      let agreeing = 0;
      for (let rec = r, end = r + chunk.run[r]!; rec < end; rec++) {
        const pi = byPosition[chunk.position[rec]!]!;
        if (pi >= 0) agreeing += poses[pi]!.score(cells[pi]!.bits, chunk, rec);
      }
      top.push(z + POSE_HIT_WEIGHT * agreeing, head);
    }
  }
  // Exhaustive entries are matched again for their per-finger scores (cheap: `keep` of them).
  const writer = new ResultWriter(top.size, scanned);
  for (let i = 0; i < top.size; i++) {
    const record = top.records[i]!;
    if (exhaustive) {
      const k = matchSubject(chunks, record, probe);
      writer.add(record, fuseFingerScores(fingerScores.subarray(0, k)), 0, fingerPositions, fingerScores, k);
    } else {
      writer.add(record, 0, top.scores[i]!, fingerPositions, fingerScores, 0);
    }
  }
  return writer.finish();
}

/**
 * Fully matches the subjects whose heads are `records` (the shortlist), visible at `seq`; `indexScores[i]` is carried
 * into the entry. A subject no longer visible (impossible while the search holds its sequence number, see
 * gallery.ts) is skipped.
 */
export function matchRecords(
  chunks: readonly GalleryChunk[],
  seq: number,
  records: Int32Array,
  indexScores: Float64Array,
  probe: ProbeContext,
): Float64Array {
  const writer = new ResultWriter(records.length, 0);
  let matched = 0;
  for (let i = 0; i < records.length; i++) {
    const head = records[i]!;
    const chunk = chunks[Math.floor(head / CHUNK_RECORDS)];
    if (chunk === undefined || !isVisible(chunk, head % CHUNK_RECORDS, seq)) continue;
    const k = matchSubject(chunks, head, probe);
    if (k === 0) continue;
    matched++;
    writer.add(head, fuseFingerScores(fingerScores.subarray(0, k)), indexScores[i]!, fingerPositions, fingerScores, k);
  }
  return writer.finish(matched);
}
