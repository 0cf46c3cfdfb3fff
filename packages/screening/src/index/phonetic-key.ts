/**
 * Retrieval keys for name tokens. A token's key is its consonant skeleton with the `h` of digraphs dropped (kh,
 * sh, th, dh, gh become k, s, t, d, g: transliterations disagree on them) and consonants merged into coarse classes in the
 * manner of Soundex: b/p/f/v, c/k/q/x, g/j, d/t, s/z. Keys only decide which listed names are scored; the learned
 * edit costs then tell them apart, so a coarse key costs some speed and no accuracy. Arabic-script tokens get the
 * key of their model transliteration, so both scripts meet in one index; other scripts key on their own letters.
 */
import type { NameToken } from '../normalize/name-tokens.js';

const CLASS: Readonly<Record<string, string>> = {
  b: 'b', p: 'b', f: 'b', v: 'b',
  c: 'k', k: 'k', q: 'k', x: 'k',
  g: 'j', j: 'j',
  d: 't', t: 't',
  s: 's', z: 's',
  l: 'l', m: 'm', n: 'n', r: 'r',
};

/** Consonants that form a digraph with a following h (kh, sh, th, dh, gh, ch, ph, zh). */
const DIGRAPH_FIRST = new Set(['k', 's', 't', 'd', 'g', 'c', 'p', 'z']);

/** The phonetic class key of a Latin consonant skeleton. */
export function skeletonKey(skeleton: string): string {
  let out = '';
  for (let i = 0; i < skeleton.length; i++) {
    const ch = skeleton[i]!;
    // h is kept as a consonant (Muhammad's h tells it from Mamduh) except in a digraph and word-finally (-ah).
    const c = ch === 'h' ? (i === skeleton.length - 1 || DIGRAPH_FIRST.has(skeleton[i - 1] ?? '') ? undefined : 'h') : CLASS[ch];
    if (c !== undefined && c !== out[out.length - 1]) out += c;
  }
  return out;
}

/** A token with no key consonant (Yaya, Yahya) keys on its first letter. */
function keyOf(skeleton: string, text: string): string {
  return skeletonKey(skeleton) || `0${text[0] ?? ''}`;
}

/** The retrieval keys of a token: its class key (and its glued-article-free variant's), or its text. */
export function tokenKeys(token: NameToken): string[] {
  if (token.script === 'other') return [`#${token.text}`];
  if (token.initial) return [];
  const keys = (token.readings ?? [token.skeleton]).map((skeleton) => keyOf(skeleton, token.text));
  if (token.alt !== undefined) keys.push(keyOf(token.alt.skeleton, token.alt.text));
  return keys.filter((k, i) => keys.indexOf(k) === i);
}

/** Keys one deletion away (for keys of three or more classes): the SymSpell way of finding near keys by lookup. */
export function deletionKeys(key: string): string[] {
  if (key.length < 3 || key.startsWith('#')) return [];
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    const d = key.slice(0, i) + key.slice(i + 1);
    if (!out.includes(d)) out.push(d);
  }
  return out;
}
