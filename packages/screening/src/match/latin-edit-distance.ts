/**
 * Weighted edit distance between Latin spellings with the learned costs of the transliteration model: replacing q
 * by k or dropping a doubled letter costs little, replacing b by t costs a full edit. The same function compares
 * whole folded spellings and consonant skeletons.
 */
import { TRANSLITERATION_MODEL } from '../model/transliteration-model.js';

const COSTS = TRANSLITERATION_MODEL.latinCosts;

// The costs as tables indexed by letter (a-z = 0..25, anything else 26): the distance runs in the screening hot
// loop, where building `sub:xy` strings per cell would dominate.
const LETTERS = 27;
const letterIndex = (code: number): number => (code >= 97 && code <= 122 ? code - 97 : 26);
const SUB = new Float64Array(LETTERS * LETTERS).fill(1);
const DEL = new Float64Array(LETTERS).fill(1);
const DBL = new Float64Array(LETTERS).fill(1);
for (let x = 0; x < LETTERS; x++) SUB[x * LETTERS + x] = 0;
for (const [op, cost] of Object.entries(COSTS)) {
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

/** Cost of deleting (or inserting) `s[k]`, a doubling when a neighbour is the same letter. */
function indelCost(s: string, k: number): number {
  const c = s.charCodeAt(k);
  const i = letterIndex(c);
  return s.charCodeAt(k - 1) === c || s.charCodeAt(k + 1) === c ? DBL[i]! : DEL[i]!;
}

// Per-string indel costs and letter indexes, reused across the rows of one distance.
let indelB = new Float64Array(64);
let codesB = new Int32Array(64);

// One reusable row pair: screening compares many short strings and allocation would dominate.
let previousRow = new Float64Array(64);
let currentRow = new Float64Array(64);

/** Weighted Levenshtein distance between two Latin strings under the learned costs. */
export function latinEditDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = b.length;
  if (previousRow.length <= m) {
    previousRow = new Float64Array(m * 2 + 1);
    currentRow = new Float64Array(m * 2 + 1);
  }
  if (indelB.length < m) {
    indelB = new Float64Array(m * 2);
    codesB = new Int32Array(m * 2);
  }
  for (let j = 0; j < m; j++) indelB[j] = indelCost(b, j);
  for (let j = 0; j < m; j++) codesB[j] = letterIndex(b.charCodeAt(j));
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

/** 1 - distance / longer length, in [0, 1]. */
export function latinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return Math.max(0, 1 - latinEditDistance(a, b) / longer);
}
