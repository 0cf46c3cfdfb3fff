/**
 * Similarity between an Arabic-script token and a folded Latin token under the learned emission model (a noisy
 * channel: "could this Latin spelling have been written from that Arabic name?"). The token's symbols (letters
 * with vowel slots between them, see modelSymbols) are aligned monotonically to the Latin letters, each symbol
 * explaining zero to three of them:
 * - a letter's emission costs by its learned probability relative to the letter's most likely one (ق -> k and
 *   ق -> q are both cheap); a one-letter reading the model never saw costs the learned Latin substitution cost;
 * - a vowel slot may produce the short vowels Arabic script leaves unwritten. The training groups are mostly
 *   Western names written in Arabic, with their vowels spelled out, so slot costs cannot be learned from them and
 *   are set: cheap inside a word, dearer at its start (Arabic writes a word-initial vowel with a letter); likewise
 *   a doubled consonant (shadda, unwritten) costs a set small amount;
 * - a Latin letter nothing explains costs a full edit (half for a vowel).
 */
import { TRANSLITERATION_MODEL } from '../model/transliteration-model.js';
import { END_SLOT, INNER_SLOT, modelSymbols, START_SLOT } from '../model/learn-transliteration.js';
import { substitutionCost } from './latin-edit-distance.js';

const EMISSIONS = TRANSLITERATION_MODEL.arabicEmissions;
/** An emission this many times less likely than the letter's best costs a full edit. */
const FULL_COST_RATIO = 50;
/** Cost of one short vowel produced by a slot: at the start, inside, at the end of the word. */
const SLOT_VOWEL_COST: Readonly<Record<string, number>> = { [START_SLOT]: 0.6, [INNER_SLOT]: 0.1, [END_SLOT]: 0.3 };
/** Cost of reading a letter doubled (Arabic script leaves shadda unwritten; the training names rarely double). */
const DOUBLING_COST = 0.1;
const UNEXPLAINED_VOWEL = 0.5;
const UNEXPLAINED_CONSONANT = 1;
const VOWELS = 'aeiouy';

const LETTERS = 27;
const letterIndex = (code: number): number => (code >= 97 && code <= 122 ? code - 97 : 26);
const IS_VOWEL = new Uint8Array(LETTERS);
for (const v of VOWELS) IS_VOWEL[letterIndex(v.charCodeAt(0))] = 1;

interface SymbolModel {
  readonly slot: boolean;
  /** Cost of each one-letter reading the model knows (Infinity when unseen), by letter index. */
  readonly known1: Float64Array;
  /** Cost of each one-letter reading, unseen ones at the learned Latin substitution cost from the best reading. */
  readonly any1: Float64Array;
  /** Readings of two or three letters with their costs. */
  readonly multi: readonly (readonly [string, number])[];
  readonly silentCost: number;
  readonly vowelCost: number;
}

const symbolModels = new Map<string, SymbolModel>();
function symbolModel(symbol: string): SymbolModel {
  let model = symbolModels.get(symbol);
  if (model !== undefined) return model;
  const known1 = new Float64Array(LETTERS).fill(Number.POSITIVE_INFINITY);
  const any1 = new Float64Array(LETTERS).fill(Number.POSITIVE_INFINITY);
  const slotCost = SLOT_VOWEL_COST[symbol];
  if (slotCost !== undefined) {
    for (let c = 0; c < LETTERS; c++) if (IS_VOWEL[c]) known1[c] = any1[c] = slotCost;
    model = { slot: true, known1, any1, multi: [], silentCost: 0, vowelCost: slotCost };
  } else {
    const rows = EMISSIONS[symbol] ?? [];
    const top = rows[0]?.[1] ?? 1;
    const costOf = (p: number): number => Math.min(1, Math.log(top / p) / Math.log(FULL_COST_RATIO));
    const best = rows[0]?.[0] ?? '';
    if (best !== '') for (let c = 0; c < 26; c++) any1[c] = substitutionCost(best[0]!, String.fromCharCode(97 + c));
    any1[26] = 1;
    let silentCost = 1;
    const multi: [string, number][] = [];
    for (const [e, p] of rows) {
      if (e.length === 0) silentCost = costOf(p);
      else if (e.length === 1) known1[letterIndex(e.charCodeAt(0))] = any1[letterIndex(e.charCodeAt(0))] = costOf(p);
      else multi.push([e, costOf(p)]);
    }
    model = { slot: false, known1, any1, multi, silentCost, vowelCost: 1 };
  }
  symbolModels.set(symbol, model);
  return model;
}

// Symbol sequences of recently seen tokens (listed tokens recur in every query). Bounded: a server screens
// endless new names, so the cache is dropped whenever it grows past the limit.
const SEQUENCE_CACHE_LIMIT = 50_000;
const sequences = new Map<string, SymbolModel[]>();
function symbolSequence(arabic: string): SymbolModel[] {
  let seq = sequences.get(arabic);
  if (seq === undefined) {
    if (sequences.size >= SEQUENCE_CACHE_LIMIT) sequences.clear();
    seq = modelSymbols(arabic).map(symbolModel);
    // A word-initial waw or yeh is a consonant (w/v, y): Arabic spelling puts a vowel after it, never a vowel
    // letter first. The model cannot see position, so the initial reading is set.
    const initial = WORD_INITIAL[arabic[0] ?? ''];
    if (initial !== undefined) seq[1] = initial;
    sequences.set(arabic, seq);
  }
  return seq;
}

/** Word-initial readings of waw and yeh (position 1 of the symbol sequence, after the start slot). */
const WORD_INITIAL: Readonly<Record<string, SymbolModel>> = {
  'و': positionalModel([['w', 0.8], ['v', 0.15], ['o', 0.05]]),
  'ي': positionalModel([['y', 0.85], ['i', 0.1], ['j', 0.05]]),
};

function positionalModel(rows: readonly (readonly [string, number])[]): SymbolModel {
  const known1 = new Float64Array(LETTERS).fill(Number.POSITIVE_INFINITY);
  const top = rows[0]![1];
  for (const [e, p] of rows) known1[letterIndex(e.charCodeAt(0))] = Math.min(1, Math.log(top / p) / Math.log(FULL_COST_RATIO));
  return { slot: false, known1, any1: known1, multi: [], silentCost: 1, vowelCost: 1 };
}

// Reused rows and letter indexes: the alignment runs in the screening hot loop and must not allocate per call.
let prevRow = new Float64Array(32);
let curRow = new Float64Array(32);
let codes = new Int32Array(32);
let unexplained = new Float64Array(32);

/** Minimum alignment cost of folded Arabic-script `arabic` against folded Latin `latin`. */
export function crossScriptCost(arabic: string, latin: string): number {
  const symbols = symbolSequence(arabic);
  const m = latin.length;
  if (prevRow.length <= m) {
    prevRow = new Float64Array(m * 2 + 2);
    curRow = new Float64Array(m * 2 + 2);
    codes = new Int32Array(m * 2 + 2);
    unexplained = new Float64Array(m * 2 + 2);
  }
  for (let j = 0; j < m; j++) {
    codes[j] = letterIndex(latin.charCodeAt(j));
    unexplained[j] = IS_VOWEL[codes[j]!] ? UNEXPLAINED_VOWEL : UNEXPLAINED_CONSONANT;
  }
  const INF = Number.POSITIVE_INFINITY;
  let prev = prevRow;
  let cur = curRow;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + unexplained[j - 1]!;
  for (const model of symbols) {
    for (let j = 0; j <= m; j++) cur[j] = INF;
    for (let j = 0; j <= m; j++) {
      const base = prev[j]!;
      if (base === INF) continue;
      if (base + model.silentCost < cur[j]!) cur[j] = base + model.silentCost;
      if (j === m) continue;
      const c0 = codes[j]!;
      const one = base + model.any1[c0]!;
      if (one < cur[j + 1]!) cur[j + 1] = one;
      if (j + 1 < m) {
        const c1 = codes[j + 1]!;
        if (model.slot) {
          if (IS_VOWEL[c0] && IS_VOWEL[c1] && base + 2 * model.vowelCost < cur[j + 2]!) cur[j + 2] = base + 2 * model.vowelCost;
          continue;
        }
        // A doubled consonant: shadda is not written, so any letter may stand for its doubled reading.
        if (c0 === c1) {
          const doubled = base + model.known1[c0]! + DOUBLING_COST;
          if (doubled < cur[j + 2]!) cur[j + 2] = doubled;
        }
        for (const [e, cost] of model.multi)
          if (j + e.length <= m && latin.startsWith(e, j) && base + cost < cur[j + e.length]!) cur[j + e.length] = base + cost;
      }
    }
    for (let j = 1; j <= m; j++) {
      const viaInsert = cur[j - 1]! + unexplained[j - 1]!;
      if (viaInsert < cur[j]!) cur[j] = viaInsert;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** 1 - cost / max(Latin letters, Arabic letters), in [0, 1]. */
export function crossScriptSimilarity(arabic: string, latin: string): number {
  const letters = (symbolSequence(arabic).length - 1) / 2;
  const longer = Math.max(latin.length, letters);
  if (longer === 0) return 1;
  return Math.max(0, 1 - crossScriptCost(arabic, latin) / longer);
}
