/**
 * Arabic name particles in Latin and Arabic script. Transliterations glue, split and assimilate them differently
 * ("Abd al-Rahman", "Abdul Rahman", "Abderrahmane", "عبد الرحمن"; "Siraj-ud-Din", "Sirajuddin", "سراج الدين"),
 * so they are rewritten into one canonical shape before comparison:
 * - the article (al, el, ul, ud, ad, ar, as, ash, at, az, an and ال) standing alone before a name part is dropped;
 * - `abd` and its spellings join the following part ("abdul rahman" -> "abdalrahman"): the two are one name;
 * - `din` ("ud-din", "eddine", "الدين"), `ullah` ("ullah", "allah", "الله") and lineage suffixes (zada, zai,
 *   khel, زاده, خيل) join the preceding part;
 * - filiation words (bin, ibn, bint, ould, بن, ابن, بنت, ولد) are dropped: they say "son of", not who.
 * Tokens arrive folded (fold.ts, arabic-script.ts) in list order.
 * nasabParts marks the forefathers' names of the nasab chain: those a filiation word introduces, or, written without
 * one, the parts between the father's name and the nisba.
 */
import { ARABIC_ARTICLE } from './arabic-script.js';

/** Standalone Latin forms of the Arabic article, including the sun-letter assimilations. */
const LATIN_ARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'il', 'ol', 'ud', 'ad', 'ed', 'ur', 'ar', 'er', 'as', 'es', 'us', 'ash', 'esh', 'ush',
  'at', 'et', 'ut', 'az', 'ez', 'uz', 'an', 'en', 'un', 'ath', 'adh', 'ez',
]);

/** True for a standalone Latin or Arabic-script article ("al", "el", "ud", "ال"). */
export function isArticle(token: string): boolean {
  return LATIN_ARTICLES.has(token) || token === ARABIC_ARTICLE;
}

/** Filiation words: "son/daughter of". `ben` only counts after the first part (Ben is also a given name). */
const FILIATION: ReadonlySet<string> = new Set(['bin', 'ibn', 'bint', 'binti', 'ould', 'bn', 'بن', 'ابن', 'بنت', 'ولد']);

/** `abd` ("servant of") as it is spelt standing alone before the name it governs. */
const ABD_FORMS: ReadonlySet<string> = new Set([
  'abd', 'abdu', 'abdul', 'abdel', 'abdal', 'abdol', 'abdoul', 'abdil', 'abdur', 'abder', 'abdar', 'abdus', 'abdes',
  'abdas', 'abdun', 'abed', 'عبد',
]);

/** `din` ("of the faith") as a separate word: ud-din, ad-deen, eddine, aldin, الدين... */
const DIN_FORM = /^(?:[uae][dl]?|ul|al|el|ud|ad|ed)?d?d(?:i|ee|ii)ne?$/;
const ARABIC_DIN = new Set(['الدين', 'دين']);

/**
 * Pashto and Persian lineage suffixes written apart or joined ("Akhund Zada" / "Akhundzada", "Shahid Khel" /
 * "Shahidkhel", "Ali Zai" / "Alizai"): joined to the preceding part. Folded Arabic-script forms included.
 */
const LINEAGE_SUFFIXES: ReadonlySet<string> = new Set([
  'zada', 'zadah', 'zadeh', 'zade', 'zai', 'zay', 'khel', 'khail', 'kheil', 'زاده', 'زاد', 'زي', 'خيل', 'خېل',
]);

/** `ullah` ("of God") as a separate word: ullah, ulla, allah, ollah, الله. */
const ULLAH_FORM = /^[uoai]llah?$/;
const ARABIC_ALLAH = 'الله';

/**
 * The first word of a kunya, the teknonym "father/mother of X" ("Abu Hamza", "Abou Ammar", "Umm Salama", "ابو بكر"),
 * as it stands alone before the name it governs. A kunya is a byname used beside or instead of the given names, so a
 * list entry's names often lack the one a traveller gives, and the other way round. `um` is left out: it is also a
 * Korean family name (엄, Um/Eom), which is no byname.
 */
const KUNYA_FORMS: ReadonlySet<string> = new Set(['abu', 'abou', 'abo', 'aboo', 'abi', 'umm', 'oum', 'ابو', 'ام']);

/**
 * Which canonical tokens (canonicalParticles' output) belong to a kunya: the kunya word and the one name part it
 * governs ("Abu Ali Kawari" -> true, true, false). A kunya word with nothing after it is a name part of its own.
 */
export function kunyaParts(tokens: readonly string[]): boolean[] {
  const out = tokens.map(() => false);
  for (let i = 0; i + 1 < tokens.length; i++)
    if (KUNYA_FORMS.has(tokens[i]!) && !out[i]) {
      out[i] = true;
      out[i + 1] = true;
      i++;
    }
  return out;
}

/**
 * Which folded tokens (before canonicalParticles) name forefathers in a nasab chain: the parts after a filiation
 * word ("bin", "ibn", "ولد"...), up to the part an article introduces (the nisba or family name, "al-Kawari") or the
 * name's last part ("bin Laden": a family name). "ABD AL-LATIF BIN ABDALLAH SALIH MUHAMMAD AL-KAWARI" -> abdallah,
 * salih, muhammad. A nasab identifies less than the given name and the nisba: lists and travellers keep or drop its
 * links independently of the rest. A chain written without filiation words is recognised too (see
 * chainWithoutFiliation).
 */
export function nasabParts(tokens: readonly string[]): boolean[] {
  const out = tokens.map(() => false);
  if (!tokens.some((t, i) => FILIATION.has(t) || (t === 'ben' && i > 0))) return chainWithoutFiliation(tokens, out);
  let inChain = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (FILIATION.has(token) || (token === 'ben' && i > 0)) {
      inChain = true;
      continue;
    }
    if (!inChain) continue;
    if (isArticle(token) || token.startsWith(ARABIC_ARTICLE) || i === tokens.length - 1) {
      inChain = false;
      continue;
    }
    out[i] = true;
  }
  return out;
}

function stripArticle(token: string): string {
  if (token.startsWith(ARABIC_ARTICLE) && token.length > 3 && token !== ARABIC_ALLAH) return token.slice(2);
  return token;
}

/**
 * Rewrites folded name tokens into the canonical particle shape described in the module comment. A name made only
 * of particles is returned unchanged so that nothing is lost.
 */
export function canonicalParticles(tokens: readonly string[], nasab?: readonly boolean[], nasabOut?: boolean[]): string[] {
  const out: string[] = [];
  // An output part is in the nasab when the input part it starts with is (nasabParts); joined suffixes follow it.
  const mark = (i: number): void => {
    if (nasabOut !== undefined) nasabOut[out.length - 1] = nasab?.[i] ?? false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (FILIATION.has(token) || (token === 'ben' && out.length > 0)) continue;
    // A standalone article before a name part is dropped, in either script: Arabic script glues its article, so a
    // standalone ال is the family word آل ("Al Saud", folded with its madda) or a split spelling.
    if (isArticle(token) && next !== undefined) continue;
    if (joinsPrevious(token) && out.length > 0) {
      const joined = ARABIC_DIN.has(token) ? stripArticle(token) : token;
      out[out.length - 1] += joined;
      continue;
    }
    if (ABD_FORMS.has(token) && next !== undefined) {
      // Skip an article between abd and its name ("abd al rahman"), then join the two.
      let j = i + 1;
      if (isArticle(tokens[j]!) && tokens[j + 1] !== undefined) j++;
      // One spelling for every form, article included ("abdal" + "rahman", "عبدال" + "رحمن"), so the result meets
      // the glued spellings (Abdelrahman, عبدالرحمن); skeleton.ts then drops the article's l for all of them.
      const governed = stripArticle(tokens[j]!);
      out.push(token === 'عبد' ? `${token}${ARABIC_ARTICLE}${governed}` : `abdal${governed.replace(/^(?:al|el|ul)(?=ll)/, '')}`);
      mark(i);
      i = j;
      continue;
    }
    out.push(stripArticle(token));
    mark(i);
  }
  if (out.length > 0) return out;
  if (nasabOut !== undefined) tokens.forEach((_, i) => (nasabOut[i] = false));
  return [...tokens];
}

/**
 * The nasab chain of a name written without filiation words, as lists write most Arabic names: given name, father's
 * name, grandfather's and further forefathers' names, then the nisba or family name, which an article introduces
 * ("MOHAMMAD HAMDI MOHAMMAD SADIQ AL-AHDAL": Mohammad, his father Hamdi, then Mohammad and Sadiq). Without "bin"
 * nothing says where the chain starts, so only the parts from the third on, before the first part an article
 * introduces, are marked: the second is the father's name, which travellers and lists use as a family name
 * ("Mohammad Hamdi"), and a name without an article-led part (Afghan and Somali names: "MOHAMMED QASIM MIR WALI
 * KHUDAI RAHIM") is left alone. Parts are counted as canonicalParticles makes them (an abd compound is one part,
 * "ud-Din" and "ullah" join the part before).
 */
function chainWithoutFiliation(tokens: readonly string[], out: boolean[]): boolean[] {
  const forefathers: number[] = [];
  let part = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const gluedArticle = token.startsWith(ARABIC_ARTICLE) && token !== ARABIC_ALLAH;
    if (isArticle(token) || (part > 0 && gluedArticle)) {
      // A leading article, and the article of "ud-Din", are no nisba's.
      if (part === 0 || (isArticle(token) && joinsPrevious(tokens[i + 1] ?? ''))) continue;
      // The nisba (an article before it, or glued in Arabic script) ends the chain; a trailing article is none.
      if (isArticle(token) && i === tokens.length - 1) return out;
      for (const k of forefathers) out[k] = true;
      return out;
    }
    if (part > 0 && joinsPrevious(token)) continue;
    if (part >= 2) forefathers.push(i);
    part++;
    if (ABD_FORMS.has(token) && i + 1 < tokens.length) {
      // "abd al rahman" is one part: its article is not the nisba's.
      if (isArticle(tokens[i + 1]!) && i + 2 < tokens.length) i++;
      i++;
    }
  }
  return out;
}

/** `din`, `ullah` and lineage suffixes: canonicalParticles joins them to the part before. */
function joinsPrevious(token: string): boolean {
  return DIN_FORM.test(token) || ARABIC_DIN.has(token) || ULLAH_FORM.test(token) || token === ARABIC_ALLAH || LINEAGE_SUFFIXES.has(token);
}
