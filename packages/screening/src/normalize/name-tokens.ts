/**
 * A name string -> the tokens matching compares. Folding (fold.ts), Arabic-script folding, title removal, particle
 * canonicalisation and skeletons happen here, once per listed name at index time and once per query. A string
 * mixing scripts ("Agha Jan Alizai اغا جان عالیزی") is one name written twice, so it becomes one token list per
 * script and matching takes the better.
 */
import { foldText, isArabicLetter } from './fold.js';
import { foldArabicScript } from './arabic-script.js';
import { isTitle } from './titles.js';
import { isStopWord } from './stop-words.js';
import { canonicalParticles, isArticle, kunyaParts, nasabParts } from './particles.js';
import { latinSkeleton } from './skeleton.js';
import { arabicSkeletons } from './transliterate.js';

export const TOKEN_SCRIPTS = ['latin', 'arabic', 'other'] as const;
export type TokenScript = (typeof TOKEN_SCRIPTS)[number];

/** One comparable name part. */
export interface NameToken {
  /** Folded text: a-z for Latin (and transliterated Cyrillic), folded Arabic letters, or other script as is. */
  readonly text: string;
  readonly script: TokenScript;
  /** Latin consonant skeleton (Arabic via the learned model); empty for other scripts. */
  readonly skeleton: string;
  /** A Latin token with a glued article ("alzindani") also compares without it ("zindani"); an abd compound
   * ("abdalkader") also compares as the name it governs ("kader"). */
  readonly alt?: { readonly text: string; readonly skeleton: string };
  /** Arabic-script tokens: every plausible skeleton (ambiguous letters read both ways), `skeleton` first. */
  readonly readings?: readonly string[];
  /** A single Latin letter: an initial ("Abdul Rahman S.") that only agrees with parts starting with it. */
  readonly initial: boolean;
  /** Part of a kunya ("Abu Hamza": both words): a byname, whose absence on the other side says little. */
  readonly kunya: boolean;
  /** A forefather's name in a nasab chain ("bin Abdallah Salih" in "Abd al-Latif bin Abdallah Salih al-Kawari"). */
  readonly nasab: boolean;
}

/** Apostrophes and ayn/hamza signs Latin transliterations write inside words ('Abd, Ba'th, Mu'min). */
const INNER_MARKS = /['’‘`´ʿʾʻʼ]/g;

function scriptOf(token: string): TokenScript {
  for (const ch of token) {
    if (isArabicLetter(ch)) return 'arabic';
    if (ch >= 'a' && ch <= 'z') return 'latin';
  }
  return 'other';
}

/** Splits folded text into raw words of one script each. */
function words(folded: string): string[] {
  const out: string[] = [];
  let current = '';
  let currentScript: TokenScript | undefined;
  const flush = (): void => {
    if (current !== '') out.push(current);
    current = '';
    currentScript = undefined;
  };
  for (const ch of folded.replace(INNER_MARKS, '')) {
    const isLatin = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    const script: TokenScript | undefined = isLatin ? 'latin' : isArabicLetter(ch) ? 'arabic' : /\p{L}/u.test(ch) ? 'other' : undefined;
    if (script === undefined || (currentScript !== undefined && script !== currentScript)) flush();
    if (script !== undefined) {
      current += ch;
      currentScript = script;
    }
  }
  flush();
  return out;
}

/** A glued Latin article: "al" + consonant + at least four more letters ("alzindani", not "alan" or "albert"). */
const GLUED_ARTICLE = /^(?:al|el)([^aeiou][a-z]{4,})$/;
/** Filiation glued to an article and a name ("binalshibh" for Bin al-Shibh): also compared as the name. */
const GLUED_FILIATION = /^(?:bin|ibn|ben)(?:al|el)([a-z]{3,})$/;
/** The canonical abd compound made by canonicalParticles ("abdal" + name), governing a name of 3+ letters. */
const ABD_COMPOUND = /^abdal([a-z]{3,})$/;

function makeToken(text: string, kunya = false, nasab = false): NameToken {
  const script = scriptOf(text);
  // Every token has the same properties in the same order (absent ones undefined): the matcher's hot loops then see
  // one object shape, which the JIT keeps optimised.
  if (script === 'arabic') {
    const readings = arabicSkeletons(text);
    return { text, script, skeleton: readings[0] ?? '', alt: undefined, readings, initial: false, kunya, nasab };
  }
  if (script === 'other') return { text, script, skeleton: '', alt: undefined, readings: undefined, initial: false, kunya, nasab };
  // "abdalkader" also compares as "kader": aliases often drop the abd ("Es Sayed, Kader" for Abd el-Kader).
  const governed = ABD_COMPOUND.exec(text)?.[1] ?? GLUED_ARTICLE.exec(text)?.[1] ?? GLUED_FILIATION.exec(text)?.[1];
  const alt = governed === undefined ? undefined : { text: governed, skeleton: latinSkeleton(governed) };
  return { text, script, skeleton: latinSkeleton(text), alt, readings: undefined, initial: text.length === 1, kunya, nasab };
}

// Joined tokens, per pair of token objects (listed tokens are interned, so a listed pair recurs in every query
// that reaches its name). Weak keys: the cache goes with the tokens.
const joinedTokens = new WeakMap<NameToken, WeakMap<NameToken, NameToken>>();

/**
 * Two adjacent tokens written as one ("Wiji Joko" as "Wijijoko", "ظاهر عويس" as "ظاهرعويس"), for comparison with a
 * single token on the other side; undefined when the scripts differ or either is an initial.
 */
export function joinTokens(a: NameToken, b: NameToken): NameToken | undefined {
  if (a.script !== b.script || a.script === 'other' || a.initial || b.initial) return undefined;
  let byFirst = joinedTokens.get(a);
  if (byFirst === undefined) joinedTokens.set(a, (byFirst = new WeakMap()));
  let joined = byFirst.get(b);
  if (joined === undefined) byFirst.set(b, (joined = makeToken(a.text + b.text)));
  return joined;
}

/**
 * Tokenises a name: one token list per script present (most names have one). Titles and organisation-form words
 * are dropped unless nothing else is left; particles are canonicalised (particles.ts).
 */
export function tokenizeName(full: string): NameToken[][] {
  const raw = words(foldText(full))
    .map((w) => (scriptOf(w) === 'arabic' ? foldArabicScript(w) : w))
    .filter((w) => w !== '');
  const byScript = new Map<TokenScript, string[]>();
  for (const w of raw) {
    const script = scriptOf(w);
    const list = byScript.get(script) ?? [];
    list.push(w);
    byScript.set(script, list);
  }
  const out: NameToken[][] = [];
  for (const list of byScript.values()) {
    // A title word after an article is a family name ("El Sheikh", "Al-Haj"), not a title.
    // Numbers are not name parts: they come from dates and remarks left in alias text ("born ... 01 Jan.1967").
    const untitled = list.filter((w, i) => !isStopWord(w) && !/^\d+$/.test(w) && !(isTitle(w) && !isArticle(list[i - 1] ?? '')));
    const kept = untitled.length > 0 ? untitled : list;
    const nasab: boolean[] = [];
    const canonical = canonicalParticles(kept, nasabParts(kept), nasab);
    const kunya = kunyaParts(canonical);
    const tokens = canonical.map((text, i) => makeToken(text, kunya[i], nasab[i]));
    if (tokens.length > 0) out.push(tokens);
  }
  return out;
}
