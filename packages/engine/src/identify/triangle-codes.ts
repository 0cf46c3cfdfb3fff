/**
 * The candidate index's features: triangles of minutiae. Each minutia (the apex) with every pair of its nearest
 * neighbours forms a triangle, described by what does not change when the print is moved or rotated: the two side
 * lengths at the apex, the angle between them, and the direction of each of the three minutiae relative to its
 * side. Quantised and hashed, a triangle becomes a 20-bit code (a cell).
 *
 * An enrolled finger keeps the codes of {@link MAX_FINGER_CODES} small triangles spread over the whole print (exact
 * cells, 3 bytes each): every minutia's smallest triangle first, then every minutia's second smallest, and so on. A probe sets, in a bitmap of all 2^20 cells, every cell its triangles could fall in given skin
 * distortion: each feature's tolerance window touches one to three bins, and triangles whose apex angle is near
 * 0 or 180 degrees, whose side order could flip, are also entered with the sides swapped (multi-probe). The index
 * score of an enrolled finger is then how many of its codes land in the probe's bitmap, compared with how many a
 * finger with no relation to the probe would hit by chance (the bitmap's density times its code count):
 * z = (hits - expected) / sqrt(expected). Scanning a finger reads its codes once and the cache-resident bitmap,
 * about a quarter of a microsecond.
 *
 * Fingerprint indexing by minutia triplets goes back to Germain, Califano and Colville (1997) and Bhanu and Tan
 * (2003); this is a plain, fixed-size variant made for a linear scan over shared typed arrays.
 */
import {
  APEX_BIN_SHIFT,
  CODE_BITS,
  CODE_CELLS,
  DIRECTION_BIN_SHIFT,
  GALLERY_TRIANGLE_NEIGHBOURS,
  INDEX_ANGLE_TOLERANCE,
  MAX_FINGER_CODES,
  MAX_TRIANGLE_SIDE,
  PROBE_TRIANGLE_NEIGHBOURS,
  SIDE_BIN,
  SIDE_BINS,
  SIDE_TOLERANCE_BASE,
  SIDE_TOLERANCE_SLOPE,
} from './identify-parameters.js';
import { MAX_COMPACT_COORDINATE } from './compact-finger.js';

const DIRECTION_BINS = 256 >> DIRECTION_BIN_SHIFT;
const APEX_BINS = 128 >> APEX_BIN_SHIFT;
const HASH_MULTIPLIER = 0x9e3779b1; // Fibonacci hashing (Knuth): spreads the structured feature index over the cells
const HASH_SHIFT = 32 - CODE_BITS;
const MAX_MINUTIAE = 256;
const MAX_NEIGHBOURS = 8;

/** A triangle as seen from its apex: sides to neighbours j and k and the directions relative to them. */
interface TriangleScratch {
  /** Per minutia: nearest neighbours (indices) and their distances, sorted by distance. */
  readonly neighbour: Int16Array;
  readonly distance: Float32Array;
  readonly neighbourCount: Uint8Array;
  readonly px: Float32Array;
  readonly py: Float32Array;
  readonly pd: Uint8Array;
}

const scratch: TriangleScratch = {
  neighbour: new Int16Array(MAX_MINUTIAE * MAX_NEIGHBOURS),
  distance: new Float32Array(MAX_MINUTIAE * MAX_NEIGHBOURS),
  neighbourCount: new Uint8Array(MAX_MINUTIAE),
  px: new Float32Array(MAX_MINUTIAE),
  py: new Float32Array(MAX_MINUTIAE),
  pd: new Uint8Array(MAX_MINUTIAE),
};

/** Byte angle of the image vector (dx, dy), counter-clockwise as viewed with y down (template.ts). */
function edgeAngle(dx: number, dy: number): number {
  return Math.round((Math.atan2(-dy, dx) * 128) / Math.PI) & 255;
}

/** Loads minutiae into the scratch and finds each one's `k` nearest neighbours within MAX_TRIANGLE_SIDE. */
function loadNeighbours(x: Uint16Array, y: Uint16Array, direction: Uint8Array, offset: number, count: number, k: number): number {
  const n = Math.min(count, MAX_MINUTIAE);
  const { neighbour, distance, neighbourCount, px, py, pd } = scratch;
  for (let i = 0; i < n; i++) {
    px[i] = x[offset + i]! & MAX_COMPACT_COORDINATE;
    py[i] = y[offset + i]!;
    pd[i] = direction[offset + i]!;
  }
  for (let i = 0; i < n; i++) {
    let found = 0;
    const base = i * MAX_NEIGHBOURS;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = px[j]! - px[i]!;
      const dy = py[j]! - py[i]!;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d > MAX_TRIANGLE_SIDE || (found === k && d >= distance[base + k - 1]!)) continue;
      // Insertion into the sorted short list; ties keep the lower index first, so results are deterministic.
      let at = found < k ? found++ : k - 1;
      while (at > 0 && distance[base + at - 1]! > d) {
        distance[base + at] = distance[base + at - 1]!;
        neighbour[base + at] = neighbour[base + at - 1]!;
        at--;
      }
      distance[base + at] = d;
      neighbour[base + at] = j;
    }
    neighbourCount[i] = found;
  }
  return n;
}

function sideBin(length: number): number {
  const b = Math.floor(length / SIDE_BIN);
  return b < SIDE_BINS ? b : SIDE_BINS - 1;
}

/** The hashed cell of quantised features. */
function cell(l1: number, l2: number, apex: number, a0: number, a1: number, a2: number): number {
  const feature = ((((l1 * SIDE_BINS + l2) * APEX_BINS + apex) * DIRECTION_BINS + a0) * DIRECTION_BINS + a1) * DIRECTION_BINS + a2;
  return Math.imul(feature, HASH_MULTIPLIER) >>> HASH_SHIFT;
}

/**
 * Visits every triangle of the loaded minutiae in canonical orientation: the apex angle from side 1 to side 2 is
 * in [0, 128) byte units. `visit(l1, l2, apex, a0, a1, a2, nearFlip)`, where a0 is the apex direction relative to
 * side 1, a1 and a2 the far minutiae's directions relative to their sides; `nearFlip` says the apex angle is
 * within tolerance of 0 or 180 degrees, where the other orientation may be the canonical one in another print.
 */
function forEachTriangle(
  n: number,
  visit: (l1: number, l2: number, apex: number, a0: number, a1: number, a2: number, a0Other: number, nearFlip: boolean, apexMinutia: number) => void,
): void {
  const { neighbour, distance, neighbourCount, px, py, pd } = scratch;
  for (let i = 0; i < n; i++) {
    const base = i * MAX_NEIGHBOURS;
    const m = neighbourCount[i]!;
    for (let s = 0; s < m; s++) {
      const j = neighbour[base + s]!;
      const ej = edgeAngle(px[j]! - px[i]!, py[j]! - py[i]!);
      for (let t = s + 1; t < m; t++) {
        const k = neighbour[base + t]!;
        const ek = edgeAngle(px[k]! - px[i]!, py[k]! - py[i]!);
        let apex = (ek - ej) & 255;
        const nearFlip = apex < INDEX_ANGLE_TOLERANCE || apex > 256 - INDEX_ANGLE_TOLERANCE || Math.abs(apex - 128) < INDEX_ANGLE_TOLERANCE;
        if (apex < 128) {
          visit(distance[base + s]!, distance[base + t]!, apex, (pd[i]! - ej) & 255, (pd[j]! - ej) & 255, (pd[k]! - ek) & 255, (pd[i]! - ek) & 255, nearFlip, i);
        } else {
          apex = Math.min(127, 256 - apex);
          visit(distance[base + t]!, distance[base + s]!, apex, (pd[i]! - ek) & 255, (pd[k]! - ek) & 255, (pd[j]! - ej) & 255, (pd[i]! - ej) & 255, nearFlip, i);
        }
      }
    }
  }
}

const triangleCode = new Uint32Array(MAX_MINUTIAE * 28);
const trianglePerimeter = new Float32Array(MAX_MINUTIAE * 28);
/** Per triangle: how many triangles of the same apex minutia are smaller (0 for each minutia's smallest). */
const triangleRank = new Uint8Array(MAX_MINUTIAE * 28);
const triangleOrder: number[] = [];
/** Per triangle: its apex minutia. */
const triangleApex = new Uint8Array(MAX_MINUTIAE * 28);

/**
 * The index codes of an enrolled finger's minutiae (compact arrays from `offset`, `count` of them), written to
 * `out` (at least {@link MAX_FINGER_CODES} long); returns how many: distinct cells, ascending, each in the low
 * {@link CODE_BITS} bits with its triangle's apex minutia (an index below 64) in the bits above, for the pose stage
 * (pose-votes.ts).
 *
 * Which triangles are kept: small ones, since short sides distort least, but not simply the smallest of the print.
 * Those cluster where minutiae are densest, often one side of the core, and a probe that covers another part of the
 * finger (a small sensor, an off-centre touch) then finds almost none of them. Ranking each triangle among those of
 * its own apex minutia and keeping rank 0 of every minutia, then rank 1, and so on (smaller perimeter first within a
 * rank) spreads the codes over the print. Measured with `sarhad bench identify --subjects 100000 --shortlist 40`
 * (the 1,000,000-subject penetration of a 400 shortlist): rank-1 of the FVC mates 95.5 % with the smallest
 * triangles, 98.2 % spread (IDENTIFY.md, "Index").
 */
export function fingerCodes(
  x: Uint16Array,
  y: Uint16Array,
  direction: Uint8Array,
  offset: number,
  count: number,
  out: Uint32Array,
): number {
  const n = loadNeighbours(x, y, direction, offset, count, GALLERY_TRIANGLE_NEIGHBOURS);
  let t = 0;
  let apexStart = 0;
  let currentApex = -1;
  forEachTriangle(n, (l1, l2, apex, a0, a1, a2, _a0Other, _nearFlip, apexMinutia) => {
    // An apex's triangles arrive together: rank the finished apex's triangles when the next apex begins.
    if (apexMinutia !== currentApex) {
      rankByPerimeter(apexStart, t);
      apexStart = t;
      currentApex = apexMinutia;
    }
    triangleCode[t] = cell(sideBin(l1), sideBin(l2), apex >> APEX_BIN_SHIFT, a0 >> DIRECTION_BIN_SHIFT, a1 >> DIRECTION_BIN_SHIFT, a2 >> DIRECTION_BIN_SHIFT);
    trianglePerimeter[t] = l1 + l2;
    triangleApex[t] = apexMinutia;
    t++;
  });
  rankByPerimeter(apexStart, t);
  triangleOrder.length = t;
  for (let i = 0; i < t; i++) triangleOrder[i] = i;
  triangleOrder.sort((a, b) => triangleRank[a]! - triangleRank[b]! || trianglePerimeter[a]! - trianglePerimeter[b]! || a - b);
  const kept = Math.min(t, MAX_FINGER_CODES);
  // Sorted by cell, the apex below it (cell · 2^8 + apex fits 28 bits); one code per cell, with its lowest apex.
  for (let i = 0; i < kept; i++) out[i] = triangleCode[triangleOrder[i]!]! * 256 + triangleApex[triangleOrder[i]!]!;
  const packed = out.subarray(0, kept).sort();
  let distinct = 0;
  for (let i = 0; i < kept; i++) {
    const code = packed[i]! >>> 8;
    if (i === 0 || code !== packed[i - 1]! >>> 8) out[distinct++] = code | ((packed[i]! & 0xff) << CODE_BITS);
  }
  return distinct;
}

/** Sets triangleRank for the triangles [from, to) of one apex: each one's place by perimeter among them. */
function rankByPerimeter(from: number, to: number): void {
  for (let a = from; a < to; a++) {
    let rank = 0;
    for (let b = from; b < to; b++) {
      const pa = trianglePerimeter[a]!;
      const pb = trianglePerimeter[b]!;
      if (pb < pa || (pb === pa && b < a)) rank++;
    }
    triangleRank[a] = rank;
  }
}

/** The cell bitmap of one probe finger and the share of cells it sets (the chance of a random hit). */
export interface ProbeCells {
  /** Bit c of word c >>> 5 is set when cell c is one the probe's triangles may fall in. */
  readonly bits: Uint32Array;
  readonly density: number;
}

/**
 * Every cell a probe finger's triangles entered, with the triangle's apex minutia, in the order entered (a cell
 * may repeat); filled by {@link probeCells} up to the arrays' length, for the pose stage.
 */
export interface ProbeEntries {
  readonly cell: Uint32Array;
  readonly apex: Uint8Array;
  count: number;
}

/** Side-length bins a probe side of `length` px may fall in. */
function sideRange(length: number): [number, number] {
  const tolerance = SIDE_TOLERANCE_BASE + SIDE_TOLERANCE_SLOPE * length;
  return [sideBin(Math.max(0, length - tolerance)), sideBin(length + tolerance)];
}

/** Builds the probe bitmap (a fresh 128 KB array, or `reuse` cleared) from compact minutiae. */
export function probeCells(
  x: Uint16Array,
  y: Uint16Array,
  direction: Uint8Array,
  offset: number,
  count: number,
  reuse?: Uint32Array,
  entries?: ProbeEntries,
): ProbeCells {
  const bits = reuse ?? new Uint32Array(CODE_CELLS >>> 5);
  bits.fill(0);
  let set = 0;
  if (entries) entries.count = 0;
  let apexMinutia = 0;
  const mark = (c: number): void => {
    if (entries && entries.count < entries.cell.length) {
      entries.cell[entries.count] = c;
      entries.apex[entries.count++] = apexMinutia;
    }
    const word = c >>> 5;
    const bit = 1 << (c & 31);
    if ((bits[word]! & bit) === 0) {
      bits[word] = bits[word]! | bit;
      set++;
    }
  };
  const tol = INDEX_ANGLE_TOLERANCE;
  const dirLow = (a: number): number => ((a - tol) & 255) >> DIRECTION_BIN_SHIFT;
  const dirHigh = (a: number): number => ((a + tol) & 255) >> DIRECTION_BIN_SHIFT;
  const enter = (l1: number, l2: number, apex: number, a0: number, a1: number, a2: number): void => {
    const [s1, e1] = sideRange(l1);
    const [s2, e2] = sideRange(l2);
    const p0 = Math.max(0, apex - tol) >> APEX_BIN_SHIFT;
    const p1 = Math.min(127, apex + tol) >> APEX_BIN_SHIFT;
    // Each direction window spans one bin or two neighbouring ones (wrapping), never more: bins are 2·tol wide.
    const d0 = dirLow(a0);
    const d0b = dirHigh(a0);
    const d1 = dirLow(a1);
    const d1b = dirHigh(a1);
    const d2 = dirLow(a2);
    const d2b = dirHigh(a2);
    for (let b1 = s1; b1 <= e1; b1++) {
      for (let b2 = s2; b2 <= e2; b2++) {
        for (let p = p0; p <= p1; p++) {
          for (let u = 0; u < 2; u++) {
            const q0 = u === 0 ? d0 : d0b;
            if (u === 1 && d0b === d0) continue;
            for (let v = 0; v < 2; v++) {
              const q1 = v === 0 ? d1 : d1b;
              if (v === 1 && d1b === d1) continue;
              mark(cell(b1, b2, p, q0, q1, d2));
              if (d2b !== d2) mark(cell(b1, b2, p, q0, q1, d2b));
            }
          }
        }
      }
    }
  };
  const n = loadNeighbours(x, y, direction, offset, count, PROBE_TRIANGLE_NEIGHBOURS);
  forEachTriangle(n, (l1, l2, apex, a0, a1, a2, a0Other, nearFlip, apexOf) => {
    apexMinutia = apexOf;
    enter(l1, l2, apex, a0, a1, a2);
    // The same triangle with its sides in the other order, as a print where the apex angle fell the other side of
    // 0 or 180 degrees would describe it.
    if (nearFlip) enter(l2, l1, apex, a0Other, a2, a1);
  });
  return { bits, density: set / CODE_CELLS };
}

/**
 * Index score of an enrolled finger's codes (`codeLo`/`codeHi` from `offset`, `count` of them) against a probe's
 * bitmap: (hits - expected) / sqrt(expected), expected = density · count (+ 0.5 so sparse bitmaps do not divide by
 * almost nothing).
 */
export function codeScore(bits: Uint32Array, density: number, codeLo: Uint16Array, codeHi: Uint8Array, offset: number, count: number): number {
  let hits = 0;
  for (let i = offset, end = offset + count; i < end; i++) {
    const c = codeLo[i]! | (codeHi[i]! << 16);
    hits += (bits[c >>> 5]! >>> (c & 31)) & 1;
  }
  const expected = density * count + 0.5;
  return (hits - expected) / Math.sqrt(expected);
}
