/**
 * Contractions: a long name written as its first letters and its last one ("Mohd" and "Md" for Mohammed, "Muhd"
 * for Muhammad), as Malay, Bengali and Indian records abbreviate common given names. The shape is defined here once,
 * for the learner that measures how telling it is (model/learn-transliteration.ts) and for the matcher that uses it
 * (match/token-similarity.ts).
 */

/** Shortest name a contraction stands for: shorter names are not abbreviated (Jones/Jos, Tony/Ty are names). */
export const MIN_CONTRACTED_LENGTH = 6;
/** Letters a contraction drops at least: one dropped letter is a spelling variant, not an abbreviation. */
const MIN_DROPPED = 2;

const isVowel = (code: number): boolean => code === 97 || code === 101 || code === 105 || code === 111 || code === 117;

/**
 * When `short` (folded Latin) has the shape of a contraction of `long`: at least two letters ending in two
 * consonants (the jump from the kept prefix to the last letter leaves a cluster no name is spelled with: Mohd, Md;
 * Ali, Nur, Sami and Jos are names, not contractions of Abdali, Nasser, Salimi or Josephus), the same first and
 * last letter, at least MIN_DROPPED letters fewer, and `long` at least MIN_CONTRACTED_LENGTH letters. Returns the
 * number of letters dropped, or 0. The kept prefix is not required to be `long`'s own (Mohd for Muhammad): the
 * caller compares the two prefixes with the learned costs.
 */
export function contractionDropped(short: string, long: string): number {
  const dropped = long.length - short.length;
  if (short.length < 2 || long.length < MIN_CONTRACTED_LENGTH || dropped < MIN_DROPPED) return 0;
  if (isVowel(short.charCodeAt(short.length - 1)) || isVowel(short.charCodeAt(short.length - 2))) return 0;
  if (short.charCodeAt(0) !== long.charCodeAt(0) || short.charCodeAt(short.length - 1) !== long.charCodeAt(long.length - 1)) return 0;
  return dropped;
}
