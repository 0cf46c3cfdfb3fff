/**
 * Weighted edit distance between Latin spellings with the learned costs of the transliteration model: replacing q
 * by k or dropping a doubled letter costs little, replacing b by t costs a full edit. The same function compares
 * whole folded spellings and consonant skeletons.
 */
import { TRANSLITERATION_MODEL } from '../model/transliteration-model.js';
import { contractionDropped } from '../normalize/contraction.js';

const COSTS = TRANSLITERATION_MODEL.latinCosts;

// The costs as tables indexed by letter (a-z = 0..25, anything else 26): the distance runs in the screening hot
// loop, where building `sub:xy` strings per cell would dominate.
const LETTERS = 27;
const letterIndex = (code: number): number => (code >= 97 && code <= 122 ? code - 97 : 26);
const SUB = new Float64Array(LETTERS * LETTERS).fill(1);
const DEL = new Float64Array(LETTERS).fill(1);
const DBL = new Float64Array(LETTERS).fill(1);
for (let x = 0; x < LETTERS; x++) SUB[x * LETTERS + x] = 0;
/** The h of a digraph (after a consonant) and a word-final h after a vowel: learned apart (learn-transliteration.ts). */
const DIGRAPH_H = COSTS['dgr:h'] ?? 1;
const FINAL_H = COSTS['end:h'] ?? 1;
const H = 'h'.charCodeAt(0);
const isVowel = (code: number): boolean => code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
// Multi-letter units (`sub:x|y`, learn-transliteration.ts learnUnitCosts): a unit of one or two letters is numbered
// 1 + letter (one letter) or 28 + 27·first + second (two letters); UNIT_COST holds the cost per pair of unit numbers
// (NaN where none is learned) and PAIR_UNIT marks the two-letter units that take part, so the distance checks a
// two-letter span only where one can apply.
const UNITS = 28 + LETTERS * LETTERS;
const UNIT_COST = new Float64Array(UNITS * UNITS).fill(Number.NaN);
const PAIR_UNIT = new Uint8Array(LETTERS * LETTERS);
const unitNumber = (unit: string): number =>
  unit.length === 1 ? 1 + letterIndex(unit.charCodeAt(0)) : 28 + letterIndex(unit.charCodeAt(0)) * LETTERS + letterIndex(unit.charCodeAt(1));
for (const [op, cost] of Object.entries(COSTS)) {
  const bar = op.indexOf('|');
  if (!op.startsWith('sub:') || bar < 0) continue;
  const x = op.slice(4, bar);
  const y = op.slice(bar + 1);
  UNIT_COST[unitNumber(x) * UNITS + unitNumber(y)] = cost;
  UNIT_COST[unitNumber(y) * UNITS + unitNumber(x)] = cost;
  for (const unit of [x, y]) if (unit.length === 2) PAIR_UNIT[letterIndex(unit.charCodeAt(0)) * LETTERS + letterIndex(unit.charCodeAt(1))] = 1;
}

for (const [op, cost] of Object.entries(COSTS)) {
  if (op.includes('|')) continue;
  const a = letterIndex(op.charCodeAt(4));
  if (op.startsWith('sub:')) {
    const b = letterIndex(op.charCodeAt(5));
    SUB[a * LETTERS + b] = cost;
    SUB[b * LETTERS + a] = cost;
  } else if (op.startsWith('del:')) DEL[a] = cost;
  else if (op.startsWith('dbl:')) DBL[a] = cost;
}

/** Cost of replacing `x` by `y` (symmetric); 0 when equal. */
export function substitutionCost(x: string, y: string): number {
  if (x === y) return 0;
  return SUB[letterIndex(x.charCodeAt(0)) * LETTERS + letterIndex(y.charCodeAt(0))]!;
}

/**
 * Cost of deleting (or inserting) `s[k]`: a doubling when a neighbour is the same letter; an h after a consonant
 * (digraph) or word-final after a vowel has its own cost (the contexts of learn-transliteration.ts indelOp).
 */
function indelCost(s: string, k: number): number {
  const c = s.charCodeAt(k);
  const i = letterIndex(c);
  if (s.charCodeAt(k - 1) === c || s.charCodeAt(k + 1) === c) return DBL[i]!;
  if (c === H && k > 0) {
    if (!isVowel(s.charCodeAt(k - 1))) return DIGRAPH_H;
    if (k === s.length - 1) return FINAL_H;
  }
  return DEL[i]!;
}

// Per-string indel costs and letter indexes, reused across the rows of one distance.
let indelB = new Float64Array(64);
let codesB = new Int32Array(64);
/** Unit number of b[j-2..j) when it is a learned two-letter unit, else -1 (index j). */
let pairB = new Int32Array(64);

// Three reusable rows (a two-letter unit reaches two rows back): screening compares many short strings and
// allocation would dominate.
let rowBack = new Float64Array(64);
let previousRow = new Float64Array(64);
let currentRow = new Float64Array(64);

/** latinEditDistance without units, over the b prepared in indelB and codesB (length m). */
function plainDistance(a: string, m: number): number {
  let prev = previousRow;
  let cur = currentRow;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + indelB[j - 1]!;
  for (let i = 1; i <= a.length; i++) {
    const del = indelCost(a, i - 1);
    cur[0] = prev[0]! + del;
    const row = letterIndex(a.charCodeAt(i - 1)) * LETTERS;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + SUB[row + codesB[j - 1]!]!;
      const up = prev[j]! + del;
      const left = cur[j - 1]! + indelB[j - 1]!;
      cur[j] = sub < up ? (sub < left ? sub : left) : up < left ? up : left;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Cost of unit x (letters xi.., one or two) replaced by unit y, or NaN when none is learned. */
function unitCost(x: number, y: number): number {
  return UNIT_COST[x * UNITS + y]!;
}

/**
 * Weighted Levenshtein distance between two Latin strings under the learned costs, with the learned multi-letter
 * units as single edits (dh for d, sh for ch, dj for j).
 */
export function latinEditDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = b.length;
  if (previousRow.length <= m) {
    rowBack = new Float64Array(m * 2 + 1);
    previousRow = new Float64Array(m * 2 + 1);
    currentRow = new Float64Array(m * 2 + 1);
  }
  if (indelB.length <= m) {
    indelB = new Float64Array(m * 2 + 1);
    codesB = new Int32Array(m * 2 + 1);
    pairB = new Int32Array(m * 2 + 1);
  }
  for (let j = 0; j < m; j++) indelB[j] = indelCost(b, j);
  for (let j = 0; j < m; j++) codesB[j] = letterIndex(b.charCodeAt(j));
  pairB[0] = pairB[1] = -1;
  let units = false;
  for (let j = 2; j <= m; j++) {
    const unit = codesB[j - 2]! * LETTERS + codesB[j - 1]!;
    pairB[j] = PAIR_UNIT[unit] === 1 ? 28 + unit : -1;
    if (pairB[j]! >= 0) units = true;
  }
  for (let i = 1; i < a.length && !units; i++) units = PAIR_UNIT[letterIndex(a.charCodeAt(i - 1)) * LETTERS + letterIndex(a.charCodeAt(i))] === 1;
  // Most pairs of names have no learned unit on either side: the plain recurrence, without the unit checks.
  if (!units) return plainDistance(a, m);
  let back = rowBack;
  let prev = previousRow;
  let cur = currentRow;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + indelB[j - 1]!;
  let codeBefore = -1;
  for (let i = 1; i <= a.length; i++) {
    const del = indelCost(a, i - 1);
    cur[0] = prev[0]! + del;
    const code = letterIndex(a.charCodeAt(i - 1));
    const row = code * LETTERS;
    // a[i-2..i) as a learned two-letter unit (its number), or -1.
    const pairA = codeBefore >= 0 && PAIR_UNIT[codeBefore * LETTERS + code] === 1 ? 28 + codeBefore * LETTERS + code : -1;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + SUB[row + codesB[j - 1]!]!;
      const up = prev[j]! + del;
      const left = cur[j - 1]! + indelB[j - 1]!;
      let best = sub < up ? (sub < left ? sub : left) : up < left ? up : left;
      if (pairA >= 0) {
        // Two letters of a for one or two of b.
        const one = unitCost(pairA, 1 + codesB[j - 1]!);
        if (one === one && back[j - 1]! + one < best) best = back[j - 1]! + one;
        if (pairB[j]! >= 0) {
          const two = unitCost(pairA, pairB[j]!);
          if (two === two && back[j - 2]! + two < best) best = back[j - 2]! + two;
        }
      }
      if (pairB[j]! >= 0) {
        // One letter of a for two of b.
        const one = unitCost(1 + code, pairB[j]!);
        if (one === one && prev[j - 2]! + one < best) best = prev[j - 2]! + one;
      }
      cur[j] = best;
    }
    const t = back;
    back = prev;
    prev = cur;
    cur = t;
    codeBefore = code;
  }
  return prev[m]!;
}

/** 1 - distance / longer length, in [0, 1]. */
export function latinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return Math.max(0, 1 - latinEditDistance(a, b) / longer);
}

/** Learned cost of each letter a contraction drops (learn-transliteration.ts learnContractionCost). */
const CONTRACTION_COST = COSTS['ctr:'] ?? 1;

/**
 * Similarity of a contraction and the name it may stand for ("Mohd" / "Mohamed", "Md" / "Muhammad";
 * normalize/contraction.ts), in the distance's terms: each dropped letter costs the learned contraction cost and the
 * kept prefix is compared with the long name's prefix under the learned costs ("moh" / "muh"), over the long name's
 * length. 0 when the two do not have the shape.
 */
export function contractionSimilarity(a: string, b: string): number {
  // No destructuring of a pair: this runs for every Latin token pair compared, and must not allocate.
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  const dropped = contractionDropped(short, long);
  if (dropped === 0) return 0;
  const prefix = short.length - 1;
  const distance = CONTRACTION_COST * dropped + latinEditDistance(short.slice(0, prefix), long.slice(0, prefix));
  return Math.max(0, 1 - distance / long.length);
}
