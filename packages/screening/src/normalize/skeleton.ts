/**
 * The consonant skeleton of a Latin-script name token: the part of a transliteration that is stable. Arabic script
 * writes no short vowels and transliterations disagree about them (Muhammad, Mohammed, Mehmet), about doubled
 * letters (Haqqani, Haqani) and about w/y as vowels (Yousuf, Yusuf); they mostly agree on the consonants. The
 * skeleton keeps those, so Latin spellings and Arabic-script names (transliterated by the learned model, which
 * emits consonants only) are compared in one space.
 */

const VOWELS = /[aeiouyw]/;

/**
 * The skeleton of a folded Latin token: runs of one letter collapsed (mm -> m), vowels and w/y dropped, anything
 * but a-z dropped. `abd` + `l` + a name ("abdelhalim", "abdulrahman") loses the article's l as canonicalParticles
 * does for the separated spelling, unless only one consonant follows ("abdullah" keeps it).
 */
export function latinSkeleton(folded: string): string {
  let out = '';
  let previous = '';
  for (const ch of folded) {
    if (ch === previous) continue;
    previous = ch;
    if (ch < 'a' || ch > 'z' || VOWELS.test(ch)) continue;
    out += ch;
  }
  if (out.startsWith('bdl') && out.length - 3 >= 2) out = `bd${out.slice(3)}`;
  return out;
}

/**
 * The same skeleton rule for the model's transliteration of an Arabic-script token, whose runs are collapsed by
 * the caller: only the `abd` + `l` rule applies.
 */
export function canonicalSkeleton(skeleton: string): string {
  return skeleton.startsWith('bdl') && skeleton.length - 3 >= 2 ? `bd${skeleton.slice(3)}` : skeleton;
}
