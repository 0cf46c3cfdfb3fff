/**
 * The 1:N fingerprint gallery: subjects (people) with up to ten fingers each, held in shared typed arrays
 * (gallery-chunk.ts), searched in parallel by worker threads through a candidate index (triangle-codes.ts) whose
 * shortlist is then fully matched with the engine's 1:1 matcher and fused across fingers (fusion.ts). Exhaustive
 * search, which fully matches every subject, stays available as the reference (`exhaustive: true`).
 *
 * Writes (insert, update, delete) happen on the calling thread and are synchronous; searches run in the workers
 * while writes continue. Each write takes the next sequence number and each search runs at the number current when
 * it starts, so a search sees a subject entirely or not at all: an update swaps the old fingers for the new ones at
 * one number, a subject enrolled meanwhile is simply not seen. Records freed by a delete or update are reused only
 * when no running search could still see them (every running search started after the delete).
 *
 * A snapshot (snapshot-format.ts) saves the whole gallery with a caller-chosen watermark (the last database change
 * it reflects, such as a row id or a timestamp) so a restart loads the file and replays only newer changes.
 */
import { EngineError } from '../errors.js';
import { matchPrepared } from '../match/matcher.js';
import { compactFinger } from './compact-finger.js';
import { prepareCompact } from './prepare-compact.js';
import {
  assertSubjectFingers,
  encodeFinger,
  encodeProbe,
  newFingerBatch,
  type FingerBatch,
  type GalleryFingerInput,
} from './finger-batch.js';
import { fuseFingerScores } from './fusion.js';
import { targetFpirThreshold } from './fpir.js';
import { CHUNK_BYTES, newChunk, RECORD_BYTES, viewChunk, type GalleryChunk } from './gallery-chunk.js';
import { ENTRY_STRIDE, RESULT_HEADER } from './gallery-scan.js';
import {
  CHUNK_RECORDS,
  CODE_BITS,
  defaultShortlist,
  MAX_FINGER_CODES,
  MAX_GALLERY_MINUTIAE,
  MAX_SUBJECT_FINGERS,
} from './identify-parameters.js';
import {
  decodeHeader,
  encodeHeader,
  padded,
  readFully,
  SNAPSHOT_HEADER_BYTES,
  SnapshotChecksum,
  type SnapshotSink,
  type SnapshotSource,
} from './snapshot-format.js';
import { defaultWorkerCount, WorkerPool } from './worker-pool.js';

export type { GalleryFingerInput } from './finger-batch.js';

/** Options of a gallery. */
export interface FingerprintGalleryOptions {
  /** Search worker threads; default one per core (os.availableParallelism()). */
  readonly workers?: number;
}

/** Options of one search. */
export interface GallerySearchOptions {
  /** Fused calibrated score a candidate must reach (S means per-subject FMR 10^(-S/10)). Default 0. */
  readonly threshold?: number;
  /**
   * The threshold as MOSIP's targetFPIR (round(-10·log10 FPIR)) over the subjects in the gallery: the score of
   * per-subject FMR = FPIR / N (fpir.ts). Ignored when `threshold` is given.
   */
  readonly targetFpir?: number;
  /** Most candidates returned, best first. Default 10. */
  readonly limit?: number;
  /** Subjects the index passes to full matching. Default: 400, or 0.1 % of the gallery when more (defaultShortlist). */
  readonly shortlist?: number;
  /** Fully match every subject instead of using the index (the reference; slow on large galleries). */
  readonly exhaustive?: boolean;
  /** A subject to leave out (the one being enrolled). */
  readonly exclude?: string;
}

/** One finger compared: the position and the calibrated 1:1 score. */
export interface GalleryFingerScore {
  readonly position: number;
  readonly score: number;
}

/** A subject returned by a search. */
export interface GalleryCandidate {
  readonly subjectId: string;
  /** Fused calibrated score over the fingers compared. */
  readonly score: number;
  /** The index's combined z-score that shortlisted the subject (undefined in exhaustive mode). */
  readonly indexScore: number | undefined;
  readonly fingers: readonly GalleryFingerScore[];
}

/** What a search found and what it cost. */
export interface GallerySearchResult {
  readonly candidates: GalleryCandidate[];
  /** The fused-score threshold applied. */
  readonly threshold: number;
  /** Subjects that share a finger position with the probe, visible to the search. */
  readonly searched: number;
  /** Subjects fully matched (the shortlist, or every searched subject in exhaustive mode). */
  readonly matched: number;
  /** matched / searched: the share of the gallery that reached full matching. */
  readonly penetration: number;
  readonly exhaustive: boolean;
}

/** Memory held by the gallery's records. */
export interface GalleryMemory {
  readonly subjects: number;
  readonly fingers: number;
  /** Shared chunk bytes allocated. */
  readonly sharedBytes: number;
  /** sharedBytes / fingers (the chunk's unused tail included). */
  readonly bytesPerFinger: number;
  /** Bytes one finger record takes. */
  readonly recordBytes: number;
  /**
   * Records handed out so far, live or not: more than `fingers` by the runs freed and not yet reused, and the tails
   * of chunks a run did not fit in. A snapshot is written without those holes, so a restart from it compacts.
   */
  readonly records: number;
}

/** A live subject's run as a packed snapshot places it: from its head now to its head in the snapshot. */
interface PackedRun {
  readonly id: string;
  readonly from: number;
  to: number;
  readonly count: number;
}

/** A freed run of records and the sequence number of the write that freed it. */
interface FreeRun {
  readonly head: number;
  readonly seq: number;
}

const DEFAULT_LIMIT = 10;
/** The cell's bits above the low 16 (CODE_BITS = 20: four). */
const CODE_HIGH_MASK = (1 << (CODE_BITS - 16)) - 1;
const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: true });

/** Throws ENGINE_GALLERY_INPUT unless `id` is a non-empty string of at most 65,535 UTF-8 bytes. */
function assertSubjectId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id === '' || id.length > 16_383) {
    throw new EngineError('ENGINE_GALLERY_INPUT', `subject id must be a non-empty string of at most 16,383 characters, got ${JSON.stringify(id)}`);
  }
}

export class FingerprintGallery {
  readonly #chunks: GalleryChunk[] = [];
  readonly #buffers: SharedArrayBuffer[] = [];
  /** Records below this have been handed out at least once. */
  #end = 0;
  #seq = 0;
  #fingers = 0;
  readonly #heads = new Map<string, number>();
  /** Subject id of each head record; kept after a delete until the run is reused, for searches still running. */
  readonly #ids: (string | undefined)[] = [];
  /** Freed runs by length, oldest first. */
  readonly #free: FreeRun[][] = Array.from({ length: MAX_SUBJECT_FINGERS + 1 }, () => []);
  /** Sequence numbers of the searches running. */
  readonly #active = new Map<number, number>();
  #searches = 0;
  readonly #pool: WorkerPool;
  #closed = false;
  readonly #scratch: FingerBatch = newFingerBatch(MAX_SUBJECT_FINGERS);

  constructor(options: FingerprintGalleryOptions = {}) {
    const workers = options.workers ?? defaultWorkerCount();
    if (!Number.isInteger(workers) || workers < 1) {
      throw new EngineError('ENGINE_GALLERY_INPUT', `workers must be a whole number >= 1, got ${String(workers)}`);
    }
    this.#pool = new WorkerPool(workers);
  }

  /** Subjects in the gallery. */
  get size(): number {
    return this.#heads.size;
  }

  /** The sequence number of the last write. */
  get sequence(): number {
    return this.#seq;
  }

  has(subjectId: string): boolean {
    return this.#heads.has(subjectId);
  }

  /** Finger positions enrolled for a subject, ascending; empty when it is not in the gallery. */
  positionsOf(subjectId: string): number[] {
    const head = this.#heads.get(subjectId);
    if (head === undefined) return [];
    const { chunk, r } = this.#locate(head);
    return Array.from(chunk.position.subarray(r, r + chunk.run[r]!)).sort((a, b) => a - b);
  }

  #locate(record: number): { chunk: GalleryChunk; r: number } {
    return { chunk: this.#chunks[Math.floor(record / CHUNK_RECORDS)]!, r: record % CHUNK_RECORDS };
  }

  #assertOpen(): void {
    if (this.#closed) throw new EngineError('ENGINE_GALLERY_CLOSED', 'the gallery is closed');
  }

  /** The lowest sequence number a running search holds, or Infinity. */
  #oldestSearch(): number {
    let oldest = Infinity;
    for (const seq of this.#active.values()) if (seq < oldest) oldest = seq;
    return oldest;
  }

  /** A run of `k` records: a freed one no running search can see, else new records (never across chunks). */
  #allocate(k: number): number {
    const free = this.#free[k]!;
    if (free.length > 0 && free[0]!.seq <= this.#oldestSearch()) return free.shift()!.head;
    let head = this.#end;
    if ((head % CHUNK_RECORDS) + k > CHUNK_RECORDS) head = (Math.floor(head / CHUNK_RECORDS) + 1) * CHUNK_RECORDS;
    while (this.#chunks.length * CHUNK_RECORDS < head + k) {
      const chunk = newChunk();
      this.#chunks.push(chunk);
      this.#buffers.push(chunk.buffer);
    }
    this.#end = head + k;
    return head;
  }

  /**
   * Writes fingers `first .. first + count - 1` of `batch` as a subject at a fresh run, visible from sequence `seq`.
   * A reused run is first made invisible to every running search (insertSeq = seq, above all of theirs) and only
   * then has its deleteSeq cleared and its data overwritten (gallery-chunk.ts, isVisible).
   */
  #write(subjectId: string, batch: FingerBatch, first: number, count: number, seq: number): number {
    const head = this.#allocate(count);
    const { chunk, r } = this.#locate(head);
    Atomics.store(chunk.insertSeq, r, seq);
    Atomics.store(chunk.deleteSeq, r, 0);
    for (let f = 0; f < count; f++) {
      const rec = r + f;
      const i = first + f;
      chunk.run[rec] = f === 0 ? count : 0;
      chunk.position[rec] = batch.position[i]!;
      const n = batch.minutiaCount[i]!;
      chunk.minutiaCount[rec] = n;
      const mFrom = i * MAX_GALLERY_MINUTIAE;
      const mTo = rec * MAX_GALLERY_MINUTIAE;
      chunk.x.set(batch.x.subarray(mFrom, mFrom + n), mTo);
      chunk.y.set(batch.y.subarray(mFrom, mFrom + n), mTo);
      chunk.direction.set(batch.direction.subarray(mFrom, mFrom + n), mTo);
      const c = batch.codeCount[i]!;
      chunk.codeCount[rec] = c;
      const cFrom = i * MAX_FINGER_CODES;
      const cTo = rec * MAX_FINGER_CODES;
      for (let j = 0; j < c; j++) {
        const code = batch.codes[cFrom + j]!;
        chunk.codeLo[cTo + j] = code & 0xffff;
        chunk.codeHi[cTo + j] = (code >>> 16) & CODE_HIGH_MASK;
        chunk.codeApex[cTo + j] = code >>> CODE_BITS;
      }
    }
    this.#ids[head] = subjectId;
    this.#heads.set(subjectId, head);
    this.#fingers += count;
    return head;
  }

  /** Marks the run at `head` deleted at `seq` and queues it for reuse. */
  #remove(head: number, seq: number): void {
    const { chunk, r } = this.#locate(head);
    const count = chunk.run[r]!;
    Atomics.store(chunk.deleteSeq, r, seq);
    this.#free[count]!.push({ head, seq });
    this.#fingers -= count;
  }

  /** Checks that fingers `first .. first + count - 1` of `batch` form a subject. */
  #assertBatch(batch: FingerBatch, first: number, count: number): void {
    if (!Number.isInteger(first) || !Number.isInteger(count) || count < 1 || count > MAX_SUBJECT_FINGERS || first < 0 || first + count > batch.capacity) {
      throw new EngineError('ENGINE_GALLERY_INPUT', `fingers ${first}..${first + count - 1} are not 1 to ${MAX_SUBJECT_FINGERS} fingers of a batch of ${batch.capacity}`);
    }
    const seen = new Set<number>();
    for (let i = first; i < first + count; i++) {
      const p = batch.position[i]!;
      if (p > 10 || seen.has(p)) throw new EngineError('ENGINE_GALLERY_INPUT', `finger position ${p} is invalid or repeated`);
      seen.add(p);
    }
  }

  /** Enrols a new subject. Throws ENGINE_GALLERY_DUPLICATE when the id is already enrolled (use update). */
  insert(subjectId: string, fingers: readonly GalleryFingerInput[]): void {
    assertSubjectId(subjectId);
    assertSubjectFingers(fingers, `subject ${subjectId}`);
    fingers.forEach((f, i) => encodeFinger(this.#scratch, i, f.position, f.template));
    this.insertEncoded(subjectId, this.#scratch, 0, fingers.length);
  }

  /**
   * Enrols a new subject from fingers already encoded (finger-batch.ts), such as a batch a loader thread encoded:
   * fingers `first .. first + count - 1` of `batch`.
   */
  insertEncoded(subjectId: string, batch: FingerBatch, first: number, count: number): void {
    this.#assertOpen();
    assertSubjectId(subjectId);
    if (this.#heads.has(subjectId)) {
      throw new EngineError('ENGINE_GALLERY_DUPLICATE', `subject ${subjectId} is already in the gallery`);
    }
    this.#assertBatch(batch, first, count);
    this.#write(subjectId, batch, first, count, ++this.#seq);
  }

  /**
   * Replaces a subject's fingers (all of them: pass every finger the subject should have). Searches see either
   * the old fingers or the new, never a mixture. Throws ENGINE_GALLERY_NOT_FOUND for an unknown id.
   */
  update(subjectId: string, fingers: readonly GalleryFingerInput[]): void {
    this.#assertOpen();
    assertSubjectId(subjectId);
    const old = this.#heads.get(subjectId);
    if (old === undefined) throw new EngineError('ENGINE_GALLERY_NOT_FOUND', `subject ${subjectId} is not in the gallery`);
    assertSubjectFingers(fingers, `subject ${subjectId}`);
    fingers.forEach((f, i) => encodeFinger(this.#scratch, i, f.position, f.template));
    const seq = ++this.#seq;
    this.#remove(old, seq);
    this.#write(subjectId, this.#scratch, 0, fingers.length, seq);
  }

  /** Removes a subject; false when it was not in the gallery. */
  delete(subjectId: string): boolean {
    this.#assertOpen();
    const head = this.#heads.get(subjectId);
    if (head === undefined) return false;
    this.#heads.delete(subjectId);
    this.#remove(head, ++this.#seq);
    return true;
  }

  /** Memory the records take. */
  memory(): GalleryMemory {
    const sharedBytes = this.#chunks.length * CHUNK_BYTES;
    return {
      subjects: this.#heads.size,
      fingers: this.#fingers,
      sharedBytes,
      bytesPerFinger: this.#fingers === 0 ? 0 : sharedBytes / this.#fingers,
      recordBytes: RECORD_BYTES,
      records: this.#end,
    };
  }

  /**
   * 1:N search: subjects whose fused score reaches the threshold, best first. The index shortlists
   * `options.shortlist` subjects across all workers, which then fully match them; `exhaustive` fully matches every
   * subject instead.
   */
  async search(probe: readonly GalleryFingerInput[], options: GallerySearchOptions = {}): Promise<GallerySearchResult> {
    this.#assertOpen();
    const probeBuffer = encodeProbe(probe);
    const limit = options.limit ?? DEFAULT_LIMIT;
    const shortlist = options.shortlist ?? defaultShortlist(this.size);
    for (const [name, value] of [['limit', limit], ['shortlist', shortlist]] as const) {
      if (!Number.isInteger(value) || value < 1) {
        throw new EngineError('ENGINE_GALLERY_INPUT', `${name} must be a whole number >= 1, got ${String(value)}`);
      }
    }
    const threshold =
      options.threshold ?? (options.targetFpir !== undefined ? targetFpirThreshold(options.targetFpir, this.size) : 0);
    const exhaustive = options.exhaustive === true;
    const exclude = options.exclude === undefined ? -1 : (this.#heads.get(options.exclude) ?? -1);
    const token = ++this.#searches;
    const seq = this.#seq;
    this.#active.set(token, seq);
    try {
      const workers = this.#pool.size;
      const end = this.#end;
      const buffers = this.#buffers.slice();
      const keep = exhaustive ? limit : shortlist;
      const scans = await Promise.all(
        Array.from({ length: workers }, (_, w) => {
          const copy = probeBuffer.slice(0);
          const from = Math.floor((end * w) / workers);
          const to = Math.floor((end * (w + 1)) / workers);
          return this.#pool.request(w, { type: 'scan', seq, probe: copy, from, to, keep, exhaustive, exclude }, buffers, [copy]);
        }),
      );
      const scanned = scans.map((s) => new Float64Array(s.result));
      const searched = scanned.reduce((sum, r) => sum + r[1]!, 0);
      let entries: Float64Array[];
      let matched: number;
      if (exhaustive) {
        entries = scanned;
        matched = searched;
      } else {
        entries = await this.#matchShortlist(scanned, shortlist, seq, probeBuffer, buffers);
        matched = entries.reduce((sum, r) => sum + r[1]!, 0);
      }
      const candidates = this.#candidates(entries, threshold, limit);
      return { candidates, threshold, searched, matched, penetration: searched === 0 ? 0 : matched / searched, exhaustive };
    } finally {
      this.#active.delete(token);
    }
  }

  /** Merges the workers' index shortlists, keeps the global best `shortlist`, and has the workers fully match them. */
  async #matchShortlist(
    scanned: Float64Array[],
    shortlist: number,
    seq: number,
    probeBuffer: ArrayBuffer,
    buffers: SharedArrayBuffer[],
  ): Promise<Float64Array[]> {
    const all: { record: number; index: number }[] = [];
    for (const r of scanned) {
      for (let e = 0; e < r[0]!; e++) {
        const at = RESULT_HEADER + e * ENTRY_STRIDE;
        all.push({ record: r[at]!, index: r[at + 2]! });
      }
    }
    all.sort((a, b) => b.index - a.index || a.record - b.record);
    const chosen = all.slice(0, shortlist);
    const workers = this.#pool.size;
    // Dealt round-robin, so each worker gets as many of the strong and the weak as the others.
    const parts = Array.from({ length: workers }, (_, w) => chosen.filter((_, i) => i % workers === w));
    const answers = await Promise.all(
      parts.map((part, w) => {
        const records = Int32Array.from(part, (p) => p.record);
        const indexScores = Float64Array.from(part, (p) => p.index);
        const copy = probeBuffer.slice(0);
        return this.#pool.request(
          w,
          { type: 'match', seq, probe: copy, records: records.buffer, indexScores: indexScores.buffer },
          buffers,
          [copy, records.buffer, indexScores.buffer],
        );
      }),
    );
    return answers.map((a) => new Float64Array(a.result));
  }

  /** Result entries to candidates at or above the threshold, best first, at most `limit`. */
  #candidates(results: Float64Array[], threshold: number, limit: number): GalleryCandidate[] {
    const candidates: GalleryCandidate[] = [];
    for (const r of results) {
      for (let e = 0; e < r[0]!; e++) {
        const at = RESULT_HEADER + e * ENTRY_STRIDE;
        const score = r[at + 1]!;
        if (score < threshold) continue;
        const subjectId = this.#ids[r[at]!]!;
        const fingers: GalleryFingerScore[] = [];
        for (let f = 0; f < r[at + 3]!; f++) fingers.push({ position: r[at + 4 + 2 * f]!, score: r[at + 5 + 2 * f]! });
        const indexScore = r[at + 2]!;
        candidates.push({ subjectId, score, indexScore: fingers.length > 0 && indexScore !== 0 ? indexScore : undefined, fingers });
      }
    }
    candidates.sort((a, b) => b.score - a.score || (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
    return candidates.slice(0, limit);
  }

  /**
   * 1:1 against one subject (on this thread): the probe's fingers at the positions the subject has, fused.
   * Undefined when the subject is not enrolled or shares no position with the probe.
   */
  verify(subjectId: string, probe: readonly GalleryFingerInput[]): GalleryCandidate | undefined {
    assertSubjectFingers(probe, 'a probe');
    const head = this.#heads.get(subjectId);
    if (head === undefined) return undefined;
    const { chunk, r } = this.#locate(head);
    const fingers: GalleryFingerScore[] = [];
    for (let rec = r; rec < r + chunk.run[r]!; rec++) {
      const position = chunk.position[rec]!;
      const p = probe.find((f) => f.position === position);
      if (p === undefined) continue;
      const enrolled = prepareCompact(chunk.x, chunk.y, chunk.direction, rec * MAX_GALLERY_MINUTIAE, chunk.minutiaCount[rec]!);
      const compact = compactFinger(p.template);
      fingers.push({ position, score: matchPrepared(prepareCompact(compact.x, compact.y, compact.direction, 0, compact.count), enrolled) });
    }
    if (fingers.length === 0) return undefined;
    return { subjectId, score: fuseFingerScores(fingers.map((f) => f.score)), indexScore: undefined, fingers };
  }

  /**
   * Writes a snapshot to `sink`: header, metadata (with the caller's `watermark`), subject ids and the shared
   * chunks. Synchronous, so it reflects one sequence number; searches may run meanwhile.
   *
   * Live subjects are written packed, in their present order, without the runs deletes and updates freed (the
   * gallery reuses a freed run only for a subject with as many fingers, so a gallery that churns grows): a
   * gallery loaded from the snapshot holds no holes. When there are none, the chunks are written as they are;
   * otherwise each packed chunk is assembled in a scratch chunk twice, once for the checksum the header carries
   * and once to write, which costs a copy of the records but no second gallery's worth of memory.
   */
  writeSnapshot(sink: SnapshotSink, meta: { readonly watermark?: string } = {}): void {
    this.#assertOpen();
    const layout = this.#packedLayout();
    const metaBytes = textEncoder.encode(JSON.stringify({ watermark: meta.watermark ?? null, sequence: this.#seq, subjects: this.size }));
    const idParts: Uint8Array[] = [];
    let idLength = 0;
    for (const { id, to } of layout.runs) {
      const bytes = textEncoder.encode(id);
      const part = new Uint8Array(6 + bytes.byteLength);
      const view = new DataView(part.buffer);
      view.setUint32(0, to, true);
      view.setUint16(4, bytes.byteLength, true);
      part.set(bytes, 6);
      idParts.push(part);
      idLength += part.byteLength;
    }
    const metaBlock = new Uint8Array(padded(metaBytes.byteLength));
    metaBlock.set(metaBytes);
    const idBlock = new Uint8Array(padded(idLength));
    let at = 0;
    for (const part of idParts) {
      idBlock.set(part, at);
      at += part.byteLength;
    }
    // The chunks as written: the gallery's own, or packed ones assembled on demand.
    const scratch = layout.moved ? newChunk() : undefined;
    const chunkBytes = (c: number): Uint8Array => {
      if (scratch === undefined) return new Uint8Array(this.#buffers[c]!);
      this.#assembleChunk(scratch, c, layout.runs);
      return new Uint8Array(scratch.buffer);
    };
    const checksum = new SnapshotChecksum();
    checksum.update(metaBlock);
    checksum.update(idBlock);
    for (let c = 0; c < layout.chunkCount; c++) checksum.update(chunkBytes(c));
    sink.write(
      encodeHeader({
        chunkRecords: CHUNK_RECORDS,
        recordBytes: RECORD_BYTES,
        chunkCount: layout.chunkCount,
        end: layout.end,
        subjects: this.size,
        metaBytes: metaBytes.byteLength,
        idBytes: idLength,
        checksum: checksum.value,
      }),
    );
    sink.write(metaBlock);
    sink.write(idBlock);
    for (let c = 0; c < layout.chunkCount; c++) sink.write(chunkBytes(c));
  }

  /**
   * Where every live subject's run goes when packed: heads in ascending order, each run placed right after the
   * previous one unless it would straddle a chunk (as {@link #allocate} places them). `moved` is false when that
   * is where every run already is, with nothing freed in between.
   */
  #packedLayout(): { runs: PackedRun[]; end: number; chunkCount: number; moved: boolean } {
    const runs: PackedRun[] = [];
    for (const [id, from] of this.#heads) {
      const { chunk, r } = this.#locate(from);
      runs.push({ id, from, to: 0, count: chunk.run[r]! });
    }
    runs.sort((a, b) => a.from - b.from);
    let end = 0;
    let moved = false;
    for (const run of runs) {
      let to = end;
      if ((to % CHUNK_RECORDS) + run.count > CHUNK_RECORDS) to = (Math.floor(to / CHUNK_RECORDS) + 1) * CHUNK_RECORDS;
      run.to = to;
      if (to !== run.from) moved = true;
      end = to + run.count;
    }
    if (end !== this.#end) moved = true;
    return { runs, end, chunkCount: moved ? Math.ceil(end / CHUNK_RECORDS) : this.#chunks.length, moved };
  }

  /** Fills `scratch` with packed chunk `c`: the runs placed in it copied from where they are, every other record free. */
  #assembleChunk(scratch: GalleryChunk, c: number, runs: readonly PackedRun[]): void {
    new Uint8Array(scratch.buffer).fill(0);
    const first = c * CHUNK_RECORDS;
    // Runs are in ascending `to` order: find the first one in this chunk, then copy until the chunk ends.
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (runs[mid]!.to < first) lo = mid + 1;
      else hi = mid;
    }
    const M = MAX_GALLERY_MINUTIAE;
    const C = MAX_FINGER_CODES;
    for (let i = lo; i < runs.length && runs[i]!.to < first + CHUNK_RECORDS; i++) {
      const { from, to, count } = runs[i]!;
      const { chunk: src, r } = this.#locate(from);
      const d = to - first;
      scratch.insertSeq[d] = 1;
      for (const field of ['run', 'position', 'minutiaCount', 'codeCount'] as const) scratch[field].set(src[field].subarray(r, r + count), d);
      for (const field of ['x', 'y', 'direction'] as const) scratch[field].set(src[field].subarray(r * M, (r + count) * M), d * M);
      scratch.codeLo.set(src.codeLo.subarray(r * C, (r + count) * C), d * C);
      scratch.codeHi.set(src.codeHi.subarray(r * C, (r + count) * C), d * C);
      scratch.codeApex.set(src.codeApex.subarray(r * C, (r + count) * C), d * C);
    }
  }

  /**
   * Loads a snapshot written by {@link writeSnapshot} into a new gallery. Throws ENGINE_SNAPSHOT_INVALID for a
   * file of another kind, format version or record layout, and ENGINE_SNAPSHOT_CORRUPT when it is truncated, its
   * checksum does not match, or its id table is inconsistent. Returns the gallery and the snapshot's watermark.
   */
  static loadSnapshot(
    source: SnapshotSource,
    options: FingerprintGalleryOptions = {},
  ): { gallery: FingerprintGallery; watermark: string | undefined } {
    const headerBytes = new Uint8Array(SNAPSHOT_HEADER_BYTES);
    readFully(source, headerBytes, 'header');
    const header = decodeHeader(headerBytes);
    if (header.chunkRecords !== CHUNK_RECORDS || header.recordBytes !== RECORD_BYTES) {
      throw new EngineError(
        'ENGINE_SNAPSHOT_INVALID',
        `gallery snapshot laid out as ${header.chunkRecords} records of ${header.recordBytes} bytes a chunk; this engine uses ${CHUNK_RECORDS} of ${RECORD_BYTES}`,
      );
    }
    if (header.end > header.chunkCount * CHUNK_RECORDS || header.subjects > header.end) {
      throw new EngineError('ENGINE_SNAPSHOT_CORRUPT', 'gallery snapshot header is inconsistent (record counts)');
    }
    const checksum = new SnapshotChecksum();
    const metaBlock = new Uint8Array(padded(header.metaBytes));
    readFully(source, metaBlock, 'metadata');
    checksum.update(metaBlock);
    const idBlock = new Uint8Array(padded(header.idBytes));
    readFully(source, idBlock, 'subject ids');
    checksum.update(idBlock);
    const gallery = new FingerprintGallery(options);
    try {
      for (let c = 0; c < header.chunkCount; c++) {
        const buffer = new SharedArrayBuffer(CHUNK_BYTES);
        const bytes = new Uint8Array(buffer);
        readFully(source, bytes, `chunk ${c}`);
        checksum.update(bytes);
        gallery.#chunks.push(viewChunk(buffer));
        gallery.#buffers.push(buffer);
      }
      if (checksum.value !== header.checksum) {
        throw new EngineError('ENGINE_SNAPSHOT_CORRUPT', `gallery snapshot checksum ${checksum.value.toString(16)} does not match its header's ${header.checksum.toString(16)}`);
      }
      let meta: { watermark?: unknown };
      try {
        meta = JSON.parse(textDecoder.decode(metaBlock.subarray(0, header.metaBytes))) as { watermark?: unknown };
      } catch (error) {
        throw new EngineError('ENGINE_SNAPSHOT_CORRUPT', 'gallery snapshot metadata is not JSON', { cause: error });
      }
      gallery.#restore(header.end, idBlock.subarray(0, header.idBytes), header.subjects);
      return { gallery, watermark: typeof meta.watermark === 'string' ? meta.watermark : undefined };
    } catch (error) {
      void gallery.close();
      throw error;
    }
  }

  /** Rebuilds the id maps and free lists after a load; every live subject becomes visible at sequence 1. */
  #restore(end: number, ids: Uint8Array, subjects: number): void {
    const view = new DataView(ids.buffer, ids.byteOffset, ids.byteLength);
    const corrupt = (why: string): EngineError => new EngineError('ENGINE_SNAPSHOT_CORRUPT', `gallery snapshot id table: ${why}`);
    let at = 0;
    while (at < ids.byteLength) {
      if (at + 6 > ids.byteLength) throw corrupt('truncated entry');
      const head = view.getUint32(at, true);
      const length = view.getUint16(at + 4, true);
      if (at + 6 + length > ids.byteLength || head >= end) throw corrupt(`entry at byte ${at} out of range`);
      let id: string;
      try {
        id = textDecoder.decode(ids.subarray(at + 6, at + 6 + length));
      } catch (error) {
        throw new EngineError('ENGINE_SNAPSHOT_CORRUPT', 'gallery snapshot id table: invalid UTF-8', { cause: error });
      }
      if (this.#heads.has(id)) throw corrupt(`subject ${id} twice`);
      this.#heads.set(id, head);
      this.#ids[head] = id;
      at += 6 + length;
    }
    if (this.#heads.size !== subjects) throw corrupt(`${this.#heads.size} ids for ${subjects} subjects`);
    this.#end = end;
    this.#seq = 1;
    for (let head = 0; head < end; head++) {
      const { chunk, r } = this.#locate(head);
      const run = chunk.run[r]!;
      if (run === 0) continue;
      if (run > MAX_SUBJECT_FINGERS || r + run > CHUNK_RECORDS) throw corrupt(`record ${head} has a run of ${run}`);
      const live = this.#ids[head] !== undefined && Atomics.load(chunk.deleteSeq, r) === 0;
      if (live) {
        Atomics.store(chunk.insertSeq, r, 1);
        this.#fingers += run;
      } else {
        if (this.#ids[head] !== undefined) throw corrupt(`subject ${this.#ids[head]} points at a deleted record`);
        Atomics.store(chunk.insertSeq, r, 0);
        Atomics.store(chunk.deleteSeq, r, 0);
        this.#free[run]!.push({ head, seq: 0 });
      }
      head += run - 1;
    }
    for (const [id, head] of this.#heads) {
      const { chunk, r } = this.#locate(head);
      if (chunk === undefined || chunk.run[r] === 0) throw corrupt(`subject ${id} points at record ${head}, which holds none`);
    }
  }

  /** Ends the search workers; the gallery accepts nothing afterwards. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#pool.close();
  }
}
