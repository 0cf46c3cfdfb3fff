/**
 * Weighted edit distance between Latin spellings with the learned costs of the transliteration model: replacing q
 * by k or dropping a doubled letter costs little, replacing b by t costs a full edit. The same function compares
 * whole folded spellings and consonant skeletons.
 */
import { TRANSLITERATION_MODEL } from '../model/transliteration-model.js';

const COSTS = TRANSLITERATION_MODEL.latinCosts;

/** Cost of replacing `x` by `y` (symmetric); 0 when equal. */
export function substitutionCost(x: string, y: string): number {
  if (x === y) return 0;
  return COSTS[x < y ? `sub:${x}${y}` : `sub:${y}${x}`] ?? 1;
}

/** Cost of deleting (or inserting) `s[k]`, a doubling when a neighbour is the same letter. */
function indelCost(s: string, k: number): number {
  const ch = s[k]!;
  if (s[k - 1] === ch || s[k + 1] === ch) return COSTS[`dbl:${ch}`] ?? 1;
  return COSTS[`del:${ch}`] ?? 1;
}

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
  let prev = previousRow;
  let cur = currentRow;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + indelCost(b, j - 1);
  for (let i = 1; i <= a.length; i++) {
    const del = indelCost(a, i - 1);
    cur[0] = prev[0]! + del;
    const x = a[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const y = b[j - 1]!;
      const sub = prev[j - 1]! + (x === y ? 0 : substitutionCost(x, y));
      const up = prev[j]! + del;
      const left = cur[j - 1]! + indelCost(b, j - 1);
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
