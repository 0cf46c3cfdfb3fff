/**
 * Similarity between an Arabic-script token and a Latin consonant skeleton under the learned emission model: the
 * Arabic letters are aligned monotonically to the Latin consonants, each letter explaining zero, one or two of
 * them. An emission costs by its learned probability relative to the letter's most likely one (ق -> k and ق -> q
 * are both cheap); a consonant no emission explains costs a full edit, as does a letter left unexplained that
 * usually sounds. This is the noisy-channel reading of "could this Latin spelling have been written from that
 * Arabic name".
 */
import { TRANSLITERATION_MODEL } from '../model/transliteration-model.js';
import { collapseRuns } from '../model/learn-transliteration.js';
import { substitutionCost } from './latin-edit-distance.js';

const EMISSIONS = TRANSLITERATION_MODEL.arabicEmissions;
/** An emission this many times less likely than the letter's best costs a full edit. */
const FULL_COST_RATIO = 50;

interface LetterModel {
  readonly emissions: ReadonlyMap<string, number>;
  readonly best: string;
  /** What leaving the letter without a Latin counterpart costs (0 for ا, و, ي, ع which rarely sound). */
  readonly silentCost: number;
}

const letterModels = new Map<string, LetterModel>();
function letterModel(letter: string): LetterModel {
  let model = letterModels.get(letter);
  if (model === undefined) {
    const rows = EMISSIONS[letter] ?? [];
    const top = rows[0]?.[1] ?? 1;
    const emissions = new Map(rows.map(([e, p]) => [e, Math.min(1, Math.log(top / p) / Math.log(FULL_COST_RATIO))]));
    model = { emissions, best: rows[0]?.[0] ?? '', silentCost: emissions.get('') ?? 1 };
    letterModels.set(letter, model);
  }
  return model;
}

/** Minimum alignment cost of folded Arabic-script `arabic` against Latin consonant skeleton `latin`. */
export function crossScriptCost(arabic: string, latin: string): number {
  const letters = [...collapseRuns(arabic)].map(letterModel);
  const n = letters.length;
  const m = latin.length;
  const INF = Number.POSITIVE_INFINITY;
  let prev = new Float64Array(m + 1).fill(INF);
  let cur = new Float64Array(m + 1);
  prev[0] = 0;
  // Unexplained Latin consonants before the first letter.
  for (let j = 1; j <= m; j++) prev[j] = j;
  for (let i = 0; i < n; i++) {
    const letter = letters[i]!;
    cur.fill(INF);
    for (let j = 0; j <= m; j++) {
      const base = prev[j]!;
      if (base === INF) continue;
      // The letter silent (or dropped).
      if (base + letter.silentCost < cur[j]!) cur[j] = base + letter.silentCost;
      for (let k = 1; k <= 2 && j + k <= m; k++) {
        const emission = latin.slice(j, j + k);
        let cost = letter.emissions.get(emission);
        // A one-consonant reading the model never saw for this letter: the learned Latin substitution cost.
        if (cost === undefined && k === 1) cost = letter.best === '' ? 1 : substitutionCost(letter.best[0]!, emission);
        if (cost !== undefined && base + cost < cur[j + k]!) cur[j + k] = base + cost;
      }
    }
    // Extra Latin consonants no letter explains.
    for (let j = 1; j <= m; j++) if (cur[j - 1]! + 1 < cur[j]!) cur[j] = cur[j - 1]! + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Number of letters in a folded Arabic token that usually sound as a consonant (the denominator of similarity). */
export function soundingLetters(arabic: string): number {
  let n = 0;
  for (const letter of collapseRuns(arabic)) if (letterModel(letter).silentCost > 0.5) n++;
  return n;
}

/** 1 - cost / max(sounding letters, Latin consonants), in [0, 1]. */
export function crossScriptSimilarity(arabic: string, latinSkeleton: string): number {
  const longer = Math.max(soundingLetters(arabic), latinSkeleton.length);
  if (longer === 0) return 1;
  return Math.max(0, 1 - crossScriptCost(arabic, latinSkeleton) / longer);
}
