/**
 * Similarity of two name tokens in [0, 1], whatever their scripts:
 * - Latin/Latin: learned weighted edit distance on the spellings, topped up by the consonant skeletons' agreement
 *   (Haqqani/Haqani, Muhammad/Mohammed), the top-up shrinking for short skeletons (Ali/Ole share only "l");
 * - Arabic/Latin: the learned noisy-channel alignment (cross-script-similarity.ts);
 * - Arabic/Arabic: letter edit distance where the vowel letters count half;
 * - other scripts: plain character edit distance, only within one script.
 * Initials agree with tokens starting with their letter, at a capped similarity; contractions ("Mohd", "Md") with
 * the long names they may stand for, at the learned cost of the letters they drop.
 */
import type { NameToken } from '../normalize/name-tokens.js';
import { contractionSimilarity, latinSimilarity } from './latin-edit-distance.js';
import { crossScriptSimilarity } from './cross-script-similarity.js';

/**
 * Similarities of token pairs keyed by their two texts, one row per first text (no key string is built per lookup).
 * Bounded: a server screens endless new names, so everything is dropped when `limit` pairs are held.
 */
class PairCache {
  readonly #rows = new Map<string, Map<string, number>>();
  #size = 0;
  constructor(readonly limit: number) {}

  get(a: string, b: string): number | undefined {
    return this.#rows.get(a)?.get(b);
  }

  /** Stores and returns `value`. */
  set(a: string, b: string, value: number): number {
    if (this.#size >= this.limit) {
      this.#rows.clear();
      this.#size = 0;
    }
    let row = this.#rows.get(a);
    if (row === undefined) this.#rows.set(a, (row = new Map()));
    row.set(b, value);
    this.#size++;
    return value;
  }
}

/** Scale for similarities known to be below pairing (name-similarity.ts pairs tokens from 0.6). */
const MIN_PAIRABLE = 0.5;

/** Share of the gap a perfectly agreeing skeleton of n consonants may close (index n, capped at the end). */
const SKELETON_TOP_UP = [0, 0.2, 0.4, 0.6, 0.7];
/** What an initial's agreement is worth: it fits many names. */
const INITIAL_SIMILARITY = 0.75;
/** Letters that write vowels or often stand for one: they count half in Arabic/Arabic comparison. */
const ARABIC_VOWEL_LETTERS: ReadonlySet<number> = new Set(['ا', 'و', 'ي', 'ى', 'ة', 'ع', 'ء'].map((c) => c.charCodeAt(0)));

/** Skeleton agreement below which two Latin tokens are not compared letter by letter: they cannot pair up. */
const LATIN_PREFILTER = 0.34;
/**
 * Skeletons of up to this many consonants are not prefiltered: they drop the y of Yahya but keep the j of Jahja
 * (a consonant y in Slavic and German spellings), so the skeletons of y/j variants disagree while their spellings
 * are near (the learned y/j cost); short spellings are cheap to compare in full.
 */
const SHORT_SKELETON = 3;

function latinPair(a: string, aSkeleton: string, b: string, bSkeleton: string): number {
  const hasSkeletons = aSkeleton.length > 0 && bSkeleton.length > 0;
  const skeleton = hasSkeletons ? latinSimilarity(aSkeleton, bSkeleton) : 0;
  // Consonants carry most of a name: when they disagree this much, the spelling distance (the costlier
  // comparison on the longer strings) cannot reach a pairable similarity.
  if (hasSkeletons && skeleton < LATIN_PREFILTER && Math.max(aSkeleton.length, bSkeleton.length) > SHORT_SKELETON) return skeleton * MIN_PAIRABLE;
  const spelling = latinSimilarity(a, b);
  if (spelling === 1 || !hasSkeletons) return spelling;
  const share = SKELETON_TOP_UP[Math.min(aSkeleton.length, bSkeleton.length, SKELETON_TOP_UP.length - 1)]!;
  return spelling + (1 - spelling) * skeleton * skeleton * share;
}

/** Shortest prefix that counts as a shortened name ("Parlin" for Parlindungan, "Shafiq" for Shafiqullah). */
const MIN_PREFIX = 5;

/**
 * A name shortened to its first letters: 0.7 plus up to 0.2 for the share of the longer name it keeps. Below
 * MIN_PREFIX letters a prefix says too little (Ali, Alice).
 */
function prefixSimilarity(a: string, b: string): number {
  // No destructuring of a pair: this runs for every Latin token pair compared, and must not allocate.
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  if (short.length < MIN_PREFIX || short.length === long.length || !long.startsWith(short)) return 0;
  return 0.7 + (0.2 * short.length) / long.length;
}

function latinLatin(a: NameToken, b: NameToken): number {
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return a.text === b.text ? INITIAL_SIMILARITY : 0;
    return (a.initial ? b.text : a.text).startsWith(a.initial ? a.text : b.text) ? INITIAL_SIMILARITY : 0;
  }
  let best = Math.max(latinPair(a.text, a.skeleton, b.text, b.skeleton), prefixSimilarity(a.text, b.text), contractionSimilarity(a.text, b.text));
  if (a.alt !== undefined) best = Math.max(best, latinPair(a.alt.text, a.alt.skeleton, b.text, b.skeleton));
  if (b.alt !== undefined) best = Math.max(best, latinPair(a.text, a.skeleton, b.alt.text, b.alt.skeleton));
  return best;
}

/** Consonant-skeleton agreement below which an Arabic/Latin pair is not aligned in full (it cannot pair up). */
const CROSS_SCRIPT_PREFILTER = 0.5;

function arabicLatin(arabic: NameToken, latin: NameToken): number {
  if (latin.initial) return 0;
  return crossScriptCache.get(arabic.text, latin.text) ?? crossScriptCache.set(arabic.text, latin.text, arabicLatinUncached(arabic, latin));
}

// Arabic/Latin similarities of recent token pairs: the costliest comparison, and common names (محمد, عبدالله)
// recur across queries. Keyed by the two texts, which determine everything else about the tokens.
const crossScriptCache = new PairCache(200_000);

function arabicLatinUncached(arabic: NameToken, latin: NameToken): number {
  // The full alignment is the costliest comparison; the skeletons (the model's readings against the Latin
  // consonants) rule out most pairs first.
  let rough = 0;
  for (const reading of arabic.readings ?? [arabic.skeleton]) {
    rough = Math.max(rough, latinSimilarity(reading, latin.skeleton));
    if (latin.alt !== undefined) rough = Math.max(rough, latinSimilarity(reading, latin.alt.skeleton));
    if (rough >= CROSS_SCRIPT_PREFILTER) break;
  }
  if (rough < CROSS_SCRIPT_PREFILTER) return rough * MIN_PAIRABLE;
  let best = crossScriptSimilarity(arabic.text, latin.text);
  if (latin.alt !== undefined) best = Math.max(best, crossScriptSimilarity(arabic.text, latin.alt.text));
  return best;
}

// Reused rows for the character edit distance (a hot loop: no allocation per comparison).
let rowA = new Float64Array(32);
let rowB = new Float64Array(32);

/**
 * Character edit distance, each character costing `halfWeight` codes 0.5 and others 1 (substitution costs the
 * dearer of the two), normalised by the heavier string, as a similarity in [0, 1]. Strings are compared by UTF-16
 * code unit: the Arabic letters and the other scripts compared here are in the Basic Multilingual Plane.
 */
function editSimilarity(a: string, b: string, halfWeight: ReadonlySet<number>): number {
  const m = b.length;
  if (rowA.length <= m) {
    rowA = new Float64Array(m * 2 + 2);
    rowB = new Float64Array(m * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  const wOf = (code: number): number => (halfWeight.has(code) ? 0.5 : 1);
  prev[0] = 0;
  let totalB = 0;
  for (let j = 1; j <= m; j++) {
    const w = wOf(b.charCodeAt(j - 1));
    prev[j] = prev[j - 1]! + w;
    totalB += w;
  }
  let totalA = 0;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const wa = wOf(ca);
    totalA += wa;
    cur[0] = prev[0]! + wa;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const wb = wOf(cb);
      const sub = prev[j - 1]! + (ca === cb ? 0 : Math.max(wa, wb));
      const up = prev[j]! + wa;
      const left = cur[j - 1]! + wb;
      cur[j] = sub < up ? (sub < left ? sub : left) : up < left ? up : left;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  const heavier = Math.max(totalA, totalB);
  return heavier === 0 ? 1 : Math.max(0, 1 - prev[m]! / heavier);
}

const NO_HALF_WEIGHT: ReadonlySet<number> = new Set();

/** Similarity of two tokens in [0, 1] (see the module comment). */
export function tokenSimilarity(a: NameToken, b: NameToken): number {
  if (a.text === b.text) return a.initial ? INITIAL_SIMILARITY : 1;
  if (a.script === 'latin' && b.script === 'latin') return latinLatin(a, b);
  if (a.script === 'arabic' && b.script === 'latin') return arabicLatin(a, b);
  if (a.script === 'latin' && b.script === 'arabic') return arabicLatin(b, a);
  if (a.script === 'arabic' && b.script === 'arabic') return editSimilarity(a.text, b.text, ARABIC_VOWEL_LETTERS);
  if (a.script === 'other' && b.script === 'other') return editSimilarity(a.text, b.text, NO_HALF_WEIGHT);
  return 0;
}
