/**
 * Learns the transliteration model from Arabic-script name tokens and their Latin spellings with counts (the
 * shared data's arabic_latin_variant_groups.tsv: `محمد	mohamed(553) mohammed(297) muhammad(171) ...`). Three things
 * are learned, all general rather than a list of names:
 * - Latin edit costs: every pair of spellings of one Arabic token is aligned (Levenshtein) and the substitutions,
 *   deletions and letter doublings counted; an operation's cost falls with how often it turns one spelling of a
 *   name into another (a<->e and q<->k cheap, b<->t dear).
 * - Arabic letter emissions: P(Latin letters | Arabic letter), and P(short vowel | slot) for the vowel slots between
 *   letters that Arabic script leaves unwritten, fitted with expectation-maximisation over monotone alignments of
 *   each Arabic token to its spellings (ث emits "th", ي emits "i", "ee" or "y", an inner slot "a", "e" or nothing).
 * - Name frequencies: the counts are how often each spelling occurs in a large population, so they say how common a
 *   name is: summed per retrieval key, they give every name part a population informativeness (candidate-index.ts).
 * The script scripts/learn-transliteration.ts writes the result as src/model/transliteration-model.ts; a test
 * re-learns it when the TSV is present and fails if the committed file is stale.
 */
import { foldText, isArabicLetter } from '../normalize/fold.js';
import { foldArabicScript } from '../normalize/arabic-script.js';
import { latinSkeleton } from '../normalize/skeleton.js';
import { skeletonKey } from '../index/phonetic-key.js';
import { contractionDropped } from '../normalize/contraction.js';

/** One Arabic token with its Latin spellings (folded to a-z) and their counts. */
export interface VariantGroup {
  readonly arabic: string;
  readonly spellings: readonly { readonly latin: string; readonly count: number }[];
}

/** Letters the training data lacks: Persian additions, romanised as ALA-LC does. Used only when unseen. */
const UNSEEN_LETTER_PRIOR: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  'پ': [['p', 0.9], ['b', 0.1]],
  'چ': [['ch', 0.8], ['c', 0.1], ['sh', 0.1]],
  'ژ': [['zh', 0.6], ['j', 0.3], ['z', 0.1]],
  'گ': [['g', 0.9], ['k', 0.1]],
};

/** Likelihood ratio (variant pairs : different names) at which an edit reaches the minimum cost. */
const FULL_DISCOUNT_RATIO = 100;
/** The cheapest an edit can be: identical spellings must still outrank variant ones. */
const MIN_COST = 0.1;
const EM_ITERATIONS = 20;
const MAX_EMISSION = 3;
/** Emissions rarer than this are dropped from the model as alignment noise. */
const MIN_EMISSION_PROBABILITY = 0.01;
/** Smoothing mass for a one-letter emission never seen with a symbol, so noisy pairs still align. */
const EMISSION_SMOOTHING = 1e-4;

/** Parses the TSV text: header line, then `arabic<TAB>spelling(count) spelling(count) ...`. */
export function parseVariantGroups(tsv: string): VariantGroup[] {
  const groups: VariantGroup[] = [];
  const lines = tsv.split(/\r?\n/);
  for (const line of lines.slice(1)) {
    const [arabicRaw, rest] = line.split('\t');
    if (arabicRaw === undefined || rest === undefined) continue;
    const arabic = [...foldArabicScript(foldText(arabicRaw.trim()))].filter(isArabicLetter).join('');
    const spellings: { latin: string; count: number }[] = [];
    for (const item of rest.trim().split(/\s+/)) {
      const m = /^(.*)\((\d+)\)$/.exec(item);
      if (m === null) continue;
      const latin = foldText(m[1]!).replace(/[^a-z]/g, '');
      if (latin.length > 0) spellings.push({ latin, count: Number(m[2]) });
    }
    if (arabic.length > 0 && spellings.length > 0) groups.push({ arabic, spellings });
  }
  return groups;
}

type Counts = Map<string, number>;
const bump = (m: Counts, k: string, by: number): void => void m.set(k, (m.get(k) ?? 0) + by);

const VOWEL = /[aeiou]/;

/**
 * The name of deleting (or inserting) `s[k]`: a letter next to the same letter is a doubling (Haqqani/Haqani,
 * `dbl:x`), a distinct edit from a deletion; an h has three contexts that transliterations treat differently, the
 * h of a digraph after a consonant (Thomas/Tomas: `dgr:h`), a word-final h after a vowel (Hamzah/Hamza: `end:h`),
 * and any other h (`del:h`). Shared with the edit distance that uses the costs (match/latin-edit-distance.ts).
 */
export function indelOp(s: string, k: number): string {
  const ch = s[k]!;
  if (s[k - 1] === ch || s[k + 1] === ch) return `dbl:${ch}`;
  if (ch === 'h' && k > 0) {
    if (!VOWEL.test(s[k - 1]!)) return 'dgr:h';
    if (k === s.length - 1) return 'end:h';
  }
  return `del:${ch}`;
}

/** Counts the Levenshtein edit operations turning `a` into `b` (and back), and their total under `#`. */
function countEdits(a: string, b: string, weight: number, ops: Counts): void {
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
  let i = n;
  let j = m;
  const del = (s: string, k: number): void => {
    bump(ops, indelOp(s, k), weight);
    bump(ops, '#', weight);
  };
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      if (x !== y) {
        bump(ops, x < y ? `sub:${x}${y}` : `sub:${y}${x}`, weight);
        bump(ops, '#', weight);
      }
      i--;
      j--;
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) {
      del(a, i - 1);
      i--;
    } else {
      del(b, j - 1);
      j--;
    }
  }
}

/**
 * Learned Latin edit costs: `sub:xy` (x < y, symmetric), `del:x` and `dbl:x`; absent operations cost 1. An edit's
 * cost falls with its likelihood ratio: how much larger its share of all edits is between two spellings of one
 * name than between spellings of different names (offsets 1, 7 and 31 in the group list, a fixed and varied
 * sample). So q<->k, vowel changes and doubled letters, typical of variants, come out cheap, while b<->t, as
 * common between different names as anywhere, costs the full 1.
 */
export function learnLatinCosts(groups: readonly VariantGroup[]): Record<string, number> {
  const variant: Counts = new Map();
  const different: Counts = new Map();
  for (const group of groups) {
    const s = group.spellings;
    for (let p = 0; p < s.length; p++)
      for (let q = p + 1; q < s.length; q++) {
        if (s[p]!.latin === s[q]!.latin) continue;
        countEdits(s[p]!.latin, s[q]!.latin, Math.log1p(Math.min(s[p]!.count, s[q]!.count)), variant);
      }
  }
  groups.forEach((group, index) => {
    for (const offset of [1, 7, 31]) {
      const other = groups[(index + offset) % groups.length]!;
      countEdits(group.spellings[0]!.latin, other.spellings[0]!.latin, 1, different);
    }
  });
  const nVariant = variant.get('#') ?? 1;
  const nDifferent = different.get('#') ?? 1;
  const costs: Record<string, number> = {};
  for (const [op, count] of [...variant].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (op === '#') continue;
    // Add-one smoothing on the different-name side: an edit never seen there is not infinitely telling.
    const ratio = count / nVariant / (((different.get(op) ?? 0) + 1) / nDifferent);
    const cost = ratio <= 1 ? 1 : Math.max(MIN_COST, 1 - Math.log(ratio) / Math.log(FULL_DISCOUNT_RATIO));
    if (cost < 1) costs[op] = round(cost);
  }
  return costs;
}

/** Collapses runs of one Arabic letter (الله -> اله): Latin skeletons collapse doubled letters too. */
export function collapseRuns(text: string): string {
  let out = '';
  for (const ch of text) if (ch !== out[out.length - 1]) out += ch;
  return out;
}

/** Slots between letters for the short vowels Arabic script does not write: word start, inside, word end. */
export const START_SLOT = '^';
export const INNER_SLOT = '_';
export const END_SLOT = '$';

/**
 * The symbol sequence the model aligns: the letters (runs collapsed) with a vowel slot before, between and after
 * them. محمد -> ^ م _ ح _ م _ د $, so Muhammad aligns as ^:"" م:"m" _:"u" ح:"h" _:"a" م:"mm" _:"a" د:"d" $:"".
 */
export function modelSymbols(arabic: string): string[] {
  const letters = [...collapseRuns(arabic)];
  const out: string[] = [START_SLOT];
  letters.forEach((letter, i) => {
    out.push(letter);
    out.push(i === letters.length - 1 ? END_SLOT : INNER_SLOT);
  });
  return out;
}

const CONSONANTS_ONLY = /^[^aeiou]*$/;
const VOWELS_ONLY = /^[aeiou]*$/;
/** Letters that write vowels (alif, waw, yeh, alif maqsura, taa marbuta) or often stand for one (ayn, hamza). */
const VOWEL_LETTERS: ReadonlySet<string> = new Set(['ا', 'و', 'ي', 'ى', 'ة', 'ع', 'ء']);

/**
 * The abjad constraint that keeps EM from a degenerate fit: slots emit only vowels, consonant letters only
 * consonants; vowel letters emit anything. Without it, letters swallow neighbouring vowels ("ح" -> "oha").
 */
export function allowedEmission(symbol: string, emission: string): boolean {
  if (symbol === START_SLOT || symbol === INNER_SLOT || symbol === END_SLOT) return emission.length <= 2 && VOWELS_ONLY.test(emission);
  if (VOWEL_LETTERS.has(symbol)) return true;
  return CONSONANTS_ONLY.test(emission) || (emission.length === 1 && !VOWEL.test(emission));
}

/**
 * Learned P(Latin letters | symbol) for Arabic letters and vowel slots: symbol -> [[emission, probability], ...],
 * most probable first. Fitted by expectation-maximisation over all monotone alignments of each token's symbol
 * sequence to each of its folded Latin spellings (forward-backward on the alignment lattice), each symbol emitting
 * zero to three Latin letters, each spelling weighted by log(1 + count).
 */
export function learnArabicEmissions(groups: readonly VariantGroup[]): Record<string, [string, number][]> {
  const pairs: { ar: string[]; la: string; w: number }[] = [];
  for (const g of groups)
    for (const s of g.spellings) pairs.push({ ar: modelSymbols(g.arabic), la: s.latin, w: Math.log1p(s.count) });
  let table = new Map<string, Map<string, number>>();
  const prob = (a: string, e: string): number => table.get(a)?.get(e) ?? (e.length <= 1 ? EMISSION_SMOOTHING : 0);
  for (let iter = 0; iter < EM_ITERATIONS; iter++) {
    const expected = new Map<string, Map<string, number>>();
    for (const { ar, la, w } of pairs) {
      const n = ar.length;
      const m = la.length;
      const fwd: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
      const bwd: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
      // The first iteration starts uniform: every allowed emission of every symbol equally likely.
      const p = (i: number, j: number, k: number): number => {
        const e = la.slice(j, j + k);
        if (!allowedEmission(ar[i]!, e)) return 0;
        return iter === 0 ? 1 : prob(ar[i]!, e);
      };
      fwd[0]![0] = 1;
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= m; j++) {
          const f = fwd[i]![j]!;
          if (f === 0) continue;
          for (let k = 0; k <= MAX_EMISSION && j + k <= m; k++) fwd[i + 1]![j + k]! += f * p(i, j, k);
        }
      const total = fwd[n]![m]!;
      if (!(total > 0)) continue;
      bwd[n]![m] = 1;
      for (let i = n - 1; i >= 0; i--)
        for (let j = m; j >= 0; j--) {
          let b = 0;
          for (let k = 0; k <= MAX_EMISSION && j + k <= m; k++) b += p(i, j, k) * bwd[i + 1]![j + k]!;
          bwd[i]![j] = b;
        }
      for (let i = 0; i < n; i++)
        for (let j = 0; j <= m; j++) {
          const f = fwd[i]![j]!;
          if (f === 0) continue;
          for (let k = 0; k <= MAX_EMISSION && j + k <= m; k++) {
            const posterior = (f * p(i, j, k) * bwd[i + 1]![j + k]!) / total;
            if (!(posterior > 0)) continue;
            const row = expected.get(ar[i]!) ?? new Map<string, number>();
            expected.set(ar[i]!, row);
            bump(row, la.slice(j, j + k), posterior * w);
          }
        }
    }
    const next = new Map<string, Map<string, number>>();
    for (const [a, row] of expected) {
      const sum = [...row.values()].reduce((s, v) => s + v, 0);
      next.set(a, new Map([...row].map(([e, v]) => [e, v / sum])));
    }
    table = next;
  }
  const out: Record<string, [string, number][]> = {};
  for (const a of [...table.keys()].sort()) {
    const row = [...table.get(a)!].filter(([, v]) => v >= MIN_EMISSION_PROBABILITY);
    const sum = row.reduce((s, [, v]) => s + v, 0);
    out[a] = row.map(([e, v]): [string, number] => [e, round(v / sum)]).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  }
  for (const [a, prior] of Object.entries(UNSEEN_LETTER_PRIOR)) if (out[a] === undefined) out[a] = prior.map(([e, v]) => [e, v]);
  return out;
}

/** Longest Latin unit (letters) whose pivot costs are learned: digraphs (dh, sh, kh, dj), not longer. */
const MAX_UNIT = 2;
/** A doubled letter (bb, ss): a doubling, which learnLatinCosts costs (`dbl:x`), not a spelling unit. */
const DOUBLED = /^(.)\1$/;

/**
 * Latin spelling units that write one Arabic consonant, learned through the Arabic letters: ض is written d or dh,
 * ش sh or ch, ج j or dj, so d/dh, sh/ch and j/dj are interchangeable spellings of one sound, which the letter-by-letter
 * costs of learnLatinCosts cannot say (Dhual/Dual is a deleted h there, costed like any h). For units x and y
 * emitted by the consonant letters, the likelihood ratio of their being one letter's two spellings against two
 * letters' spellings drawn independently is
 *   Σ_L P(L) P(x|L) P(y|L) / (P(x) P(y)),   P(x) = Σ_L P(L) P(x|L),
 * with P(L) the letters' frequency in the groups (each spelling weighted log(1 + count), as in the emissions) and
 * P(x|L) the learned emissions. Costs fall with it as learnLatinCosts' do. Only pairs with a unit of two letters are
 * kept (`sub:x|y`, x < y): single-letter substitutions and doublings are learnLatinCosts'.
 */
export function learnUnitCosts(groups: readonly VariantGroup[], emissions: Readonly<Record<string, readonly (readonly [string, number])[]>>): Record<string, number> {
  const letterWeight = new Map<string, number>();
  let total = 0;
  for (const group of groups) {
    let w = 0;
    for (const s of group.spellings) w += Math.log1p(s.count);
    for (const letter of collapseRuns(group.arabic)) {
      if (VOWEL_LETTERS.has(letter)) continue;
      letterWeight.set(letter, (letterWeight.get(letter) ?? 0) + w);
      total += w;
    }
  }
  const units = (letter: string): (readonly [string, number])[] =>
    (emissions[letter] ?? []).filter(([e]) => e.length > 0 && e.length <= MAX_UNIT && CONSONANTS_ONLY.test(e) && !DOUBLED.test(e));
  const unitP = new Map<string, number>();
  for (const [letter, w] of letterWeight) for (const [e, p] of units(letter)) unitP.set(e, (unitP.get(e) ?? 0) + (w / total) * p);
  const joint = new Map<string, number>();
  for (const [letter, w] of letterWeight) {
    const us = units(letter);
    for (const [x, px] of us)
      for (const [y, py] of us) {
        if (x >= y || Math.max(x.length, y.length) < 2) continue;
        bump(joint, `${x}|${y}`, (w / total) * px * py);
      }
  }
  const costs: Record<string, number> = {};
  for (const key of [...joint.keys()].sort()) {
    const [x, y] = key.split('|') as [string, string];
    const ratio = joint.get(key)! / (unitP.get(x)! * unitP.get(y)!);
    const cost = ratio <= 1 ? 1 : Math.max(MIN_COST, 1 - Math.log(ratio) / Math.log(FULL_DISCOUNT_RATIO));
    if (cost < 1) costs[`sub:${key}`] = round(cost);
  }
  return costs;
}

/**
 * The cost of each letter a contraction drops (normalize/contraction.ts: "Mohd" for Mohamed), learned as the other
 * costs are: the share of spelling pairs with the shape of a contraction among spellings of one name, against that
 * share among spellings of different names (every pair of groups' first spellings), as a likelihood ratio.
 */
export function learnContractionCost(groups: readonly VariantGroup[]): number {
  const shaped = (a: string, b: string): boolean => (a.length <= b.length ? contractionDropped(a, b) : contractionDropped(b, a)) > 0 && prefixAgrees(a, b);
  let variantPairs = 0;
  let variantShaped = 0;
  for (const group of groups) {
    const s = group.spellings;
    for (let p = 0; p < s.length; p++)
      for (let q = p + 1; q < s.length; q++) {
        const w = Math.log1p(Math.min(s[p]!.count, s[q]!.count));
        variantPairs += w;
        if (shaped(s[p]!.latin, s[q]!.latin)) variantShaped += w;
      }
  }
  let differentPairs = 0;
  let differentShaped = 0;
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      differentPairs++;
      if (shaped(groups[i]!.spellings[0]!.latin, groups[j]!.spellings[0]!.latin)) differentShaped++;
    }
  const ratio = variantShaped / Math.max(1, variantPairs) / ((differentShaped + 1) / Math.max(1, differentPairs));
  return round(ratio <= 1 ? 1 : Math.max(MIN_COST, 1 - Math.log(ratio) / Math.log(FULL_DISCOUNT_RATIO)));
}

/** The learner counts contractions whose kept prefix is the long name's own (mohd/mohamed, not mohd/muhammad). */
function prefixAgrees(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short.slice(0, -1));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * How often names of each phonetic key occur in the population the groups were counted in: every retrieval key
 * (index/phonetic-key.ts) of a group's spellings gets the group's total count (a key shared by several groups,
 * Ali and Ola, gets their sum), keys sorted. `total` is the count of all groups together.
 */
export function learnNameFrequencies(groups: readonly VariantGroup[]): { total: number; counts: Record<string, number> } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const group of groups) {
    let groupCount = 0;
    for (const s of group.spellings) groupCount += s.count;
    total += groupCount;
    const keys = new Set<string>();
    for (const s of group.spellings) {
      const key = skeletonKey(latinSkeleton(s.latin));
      if (key.length > 0) keys.add(key);
    }
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + groupCount);
  }
  const sorted: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) sorted[key] = counts.get(key)!;
  return { total, counts: sorted };
}

/** The generated module's source text: deterministic for a given TSV so a test can detect a stale file. */
export function renderTransliterationModel(tsv: string, sourceName: string): string {
  const groups = parseVariantGroups(tsv);
  const arabicEmissions = learnArabicEmissions(groups);
  const latinCosts = { ...learnLatinCosts(groups), ...learnUnitCosts(groups, arabicEmissions), 'ctr:': learnContractionCost(groups) };
  const model = { latinCosts, arabicEmissions, nameFrequencies: learnNameFrequencies(groups) };
  return [
    `// GENERATED by \`npx tsx packages/screening/scripts/learn-transliteration.ts\` from ${sourceName}; do not edit.`,
    '/**',
    ' * The learned transliteration model (see learn-transliteration.ts and MATCHING.md): Latin edit costs, Arabic',
    ' * letter emissions and name frequencies, learned from ' + `${groups.length} variant groups.`,
    ' */',
    "import type { TransliterationModel } from './transliteration-model-type.js';",
    '',
    `export const TRANSLITERATION_MODEL: TransliterationModel = ${JSON.stringify(model, null, 1)};`,
    '',
  ].join('\n');
}
