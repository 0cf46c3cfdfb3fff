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

interface SymbolModel {
  readonly slot: boolean;
  /** emission -> cost. */
  readonly costs: ReadonlyMap<string, number>;
  readonly best: string;
  readonly silentCost: number;
  readonly vowelCost: number;
}

const symbolModels = new Map<string, SymbolModel>();
function symbolModel(symbol: string): SymbolModel {
  let model = symbolModels.get(symbol);
  if (model !== undefined) return model;
  const slotCost = SLOT_VOWEL_COST[symbol];
  if (slotCost !== undefined) {
    model = { slot: true, costs: new Map([['', 0]]), best: '', silentCost: 0, vowelCost: slotCost };
  } else {
    const rows = EMISSIONS[symbol] ?? [];
    const top = rows[0]?.[1] ?? 1;
    const costs = new Map(rows.map(([e, p]) => [e, Math.min(1, Math.log(top / p) / Math.log(FULL_COST_RATIO))]));
    model = { slot: false, costs, best: rows[0]?.[0] ?? '', silentCost: costs.get('') ?? 1, vowelCost: 1 };
  }
  symbolModels.set(symbol, model);
  return model;
}

function emissionCost(model: SymbolModel, latin: string, j: number, k: number): number | undefined {
  if (model.slot) {
    for (let t = j; t < j + k; t++) if (!VOWELS.includes(latin[t]!)) return undefined;
    return k <= 2 ? k * model.vowelCost : undefined;
  }
  const e = latin.slice(j, j + k);
  const known = model.costs.get(e);
  // A doubled consonant: shadda is not written, so any letter may stand for its doubled reading.
  if (k === 2 && e[0] === e[1]) {
    const single = model.costs.get(e[0]!);
    if (single !== undefined) return Math.min(known ?? 1, single + DOUBLING_COST);
  }
  if (known !== undefined) return known;
  if (k === 1 && model.best !== '') return substitutionCost(model.best[0]!, e);
  return undefined;
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
    sequences.set(arabic, seq);
  }
  return seq;
}

/** Minimum alignment cost of folded Arabic-script `arabic` against folded Latin `latin`. */
export function crossScriptCost(arabic: string, latin: string): number {
  const symbols = symbolSequence(arabic);
  const m = latin.length;
  const INF = Number.POSITIVE_INFINITY;
  let prev = new Float64Array(m + 1).fill(INF);
  let cur = new Float64Array(m + 1);
  prev[0] = 0;
  const unexplained = (j: number): number => (VOWELS.includes(latin[j]!) ? UNEXPLAINED_VOWEL : UNEXPLAINED_CONSONANT);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + unexplained(j - 1);
  for (const model of symbols) {
    cur.fill(INF);
    for (let j = 0; j <= m; j++) {
      const base = prev[j]!;
      if (base === INF) continue;
      if (base + model.silentCost < cur[j]!) cur[j] = base + model.silentCost;
      for (let k = 1; k <= 3 && j + k <= m; k++) {
        const cost = emissionCost(model, latin, j, k);
        if (cost !== undefined && base + cost < cur[j + k]!) cur[j + k] = base + cost;
      }
    }
    for (let j = 1; j <= m; j++) {
      const viaInsert = cur[j - 1]! + unexplained(j - 1);
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
