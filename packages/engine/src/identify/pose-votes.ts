/**
 * The candidate index's second stage: do a finger's hits agree on one placement of the print?
 *
 * The first stage (triangle-codes.ts) only counts the codes of an enrolled finger that land in cells the probe's
 * triangles set. Impostors of similar ridge flow share many cells by chance, and the last mates the index missed
 * share no more (IDENTIFY.md, "Index recall at a million"). What tells them apart is geometry. A mate's shared
 * triangles all come from one rotation and shift of the print. An impostor's come from anywhere.
 *
 * So each hit votes for the pose that would carry its gallery triangle onto the probe's:
 * - the rotation is the difference between the directions of the two apex minutiae;
 * - the shift is where the gallery apex lands once rotated about the gallery finger's centroid.
 * A cell the probe entered from several triangles gives one vote for each. A finger's pose score is the largest
 * number of distinct gallery codes whose votes fall within {@link POSE_ANGLE_TOLERANCE} and
 * {@link POSE_SHIFT_TOLERANCE} of one of them (a quadratic count over at most {@link MAX_POSE_VOTES} votes).
 *
 * It costs about ten times the first stage per finger, because every hit looks its cell up in the probe's table.
 * It therefore runs only on the best {@link POSE_STAGE_FRACTION} of subjects by z-score (gallery-scan.ts).
 * Measured on 100,016 subjects: the FVC2002 DB3 mate the first stage ranked 3,152nd ranks about 45th.
 */
import type { GalleryChunk } from './gallery-chunk.js';
import {
  MAX_FINGER_CODES,
  MAX_GALLERY_MINUTIAE,
  MAX_POSE_VOTES,
  POSE_ANGLE_TOLERANCE,
  POSE_SHIFT_TOLERANCE,
} from './identify-parameters.js';
import { MAX_COMPACT_COORDINATE } from './compact-finger.js';
import type { ProbeEntries } from './triangle-codes.js';

/** Slots of the probe's cell table: a power of two above the entries a typical probe finger records. */
const TABLE_SLOTS = 1 << 16;
const SLOT_SHIFT = 32 - 16;
const HASH_MULTIPLIER = 0x85ebca6b;

const COS = new Float64Array(256);
const SIN = new Float64Array(256);
for (let a = 0; a < 256; a++) {
  COS[a] = Math.cos((a * Math.PI) / 128);
  SIN[a] = Math.sin((a * Math.PI) / 128);
}

/**
 * One probe finger's cells with the apex minutia of every triangle that entered each: a chained hash table over
 * {@link ProbeEntries}, built once per probe finger and worker. Repeated (cell, apex) pairs are kept once.
 */
export class ProbePoses {
  readonly #first = new Int32Array(TABLE_SLOTS).fill(-1);
  readonly #next: Int32Array;
  readonly #cell: Uint32Array;
  readonly #apex: Uint8Array;
  #count = 0;
  /** The probe's minutiae: positions (px) and directions (byte angles). */
  readonly #x: Float64Array;
  readonly #y: Float64Array;
  readonly #direction: Uint8Array;

  constructor(entries: ProbeEntries, x: Uint16Array, y: Uint16Array, direction: Uint8Array, offset: number, count: number) {
    this.#next = new Int32Array(entries.count);
    this.#cell = new Uint32Array(entries.count);
    this.#apex = new Uint8Array(entries.count);
    this.#x = new Float64Array(count);
    this.#y = new Float64Array(count);
    this.#direction = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      this.#x[i] = x[offset + i]! & MAX_COMPACT_COORDINATE;
      this.#y[i] = y[offset + i]!;
      this.#direction[i] = direction[offset + i]!;
    }
    for (let e = 0; e < entries.count; e++) this.#add(entries.cell[e]!, entries.apex[e]!);
  }

  #add(cell: number, apex: number): void {
    const slot = Math.imul(cell, HASH_MULTIPLIER) >>> SLOT_SHIFT;
    for (let e = this.#first[slot]!; e >= 0; e = this.#next[e]!) {
      if (this.#cell[e] === cell && this.#apex[e] === apex) return;
    }
    const e = this.#count++;
    this.#cell[e] = cell;
    this.#apex[e] = apex;
    this.#next[e] = this.#first[slot]!;
    this.#first[slot] = e;
  }

  /**
   * The pose score of gallery record `rec` of `chunk`: the most distinct codes among its hits (codes in `bits`)
   * whose votes agree on one pose.
   */
  score(bits: Uint32Array, chunk: GalleryChunk, rec: number): number {
    const n = chunk.codeCount[rec]!;
    const m = chunk.minutiaCount[rec]!;
    if (n === 0 || m === 0) return 0;
    const { x, y, direction, codeLo, codeHi, codeApex } = chunk;
    const mBase = rec * MAX_GALLERY_MINUTIAE;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < m; i++) {
      cx += x[mBase + i]! & MAX_COMPACT_COORDINATE;
      cy += y[mBase + i]!;
    }
    cx /= m;
    cy /= m;
    let votes = 0;
    const cBase = rec * MAX_FINGER_CODES;
    for (let i = 0; i < n && votes < MAX_POSE_VOTES; i++) {
      const cell = codeLo[cBase + i]! | (codeHi[cBase + i]! << 16);
      if (((bits[cell >>> 5]! >>> (cell & 31)) & 1) === 0) continue;
      const a = codeApex[cBase + i]!;
      if (a >= m) continue;
      const gx = (x[mBase + a]! & MAX_COMPACT_COORDINATE) - cx;
      const gy = y[mBase + a]! - cy;
      const gd = direction[mBase + a]!;
      const slot = Math.imul(cell, HASH_MULTIPLIER) >>> SLOT_SHIFT;
      for (let e = this.#first[slot]!; e >= 0 && votes < MAX_POSE_VOTES; e = this.#next[e]!) {
        if (this.#cell[e] !== cell) continue;
        const b = this.#apex[e]!;
        // Rotation by r counter-clockwise as viewed with y down (template.ts): (x, y) -> (x cos + y sin, -x sin + y cos).
        const r = (this.#direction[b]! - gd) & 255;
        voteAngle[votes] = r;
        voteX[votes] = this.#x[b]! - (gx * COS[r]! + gy * SIN[r]!);
        voteY[votes] = this.#y[b]! - (-gx * SIN[r]! + gy * COS[r]!);
        voteCode[votes] = i;
        votes++;
      }
    }
    return largestAgreement(votes);
  }
}

const voteAngle = new Int32Array(MAX_POSE_VOTES);
const voteX = new Float64Array(MAX_POSE_VOTES);
const voteY = new Float64Array(MAX_POSE_VOTES);
const voteCode = new Int32Array(MAX_POSE_VOTES);
/** Per code: the last vote whose neighbourhood counted it, so a code counts once per neighbourhood. */
const codeStamp = new Int32Array(MAX_FINGER_CODES);
let stamp = 0;

/** The most distinct codes whose votes lie within the tolerances of one vote. */
function largestAgreement(votes: number): number {
  let best = 0;
  const shift2 = POSE_SHIFT_TOLERANCE * POSE_SHIFT_TOLERANCE;
  for (let s = 0; s < votes; s++) {
    if (++stamp === 0x7fffffff) {
      codeStamp.fill(0);
      stamp = 1;
    }
    const a = voteAngle[s]!;
    const sx = voteX[s]!;
    const sy = voteY[s]!;
    let count = 0;
    for (let w = 0; w < votes; w++) {
      let da = (voteAngle[w]! - a) & 255;
      if (da > 128) da = 256 - da;
      if (da > POSE_ANGLE_TOLERANCE) continue;
      const dx = voteX[w]! - sx;
      const dy = voteY[w]! - sy;
      if (dx * dx + dy * dy > shift2) continue;
      const code = voteCode[w]!;
      if (codeStamp[code] !== stamp) {
        codeStamp[code] = stamp;
        count++;
      }
    }
    if (count > best) best = count;
  }
  return best;
}
