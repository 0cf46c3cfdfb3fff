/**
 * The shape of the generated transliteration model (transliteration-model.ts), kept apart so the generated file
 * only holds data.
 */

export interface TransliterationModel {
  /**
   * Learned Latin edit costs in [0.1, 1]: `sub:xy` (x replaced by y), `del:x`, `dbl:x` (a doubled letter), `dgr:h`
   * (the h of a digraph) and `end:h` (a word-final h after a vowel), and `sub:x|y` for spelling units of one or two
   * letters that write one Arabic consonant (`sub:d|dh`, `sub:ch|sh`); `ctr:` is the cost of each letter a
   * contraction drops ("Mohd" for Mohamed, normalize/contraction.ts).
   */
  readonly latinCosts: Readonly<Record<string, number>>;
  /**
   * Arabic letter, or vowel slot (`^` word start, `_` between letters, `$` word end) -> [Latin emission,
   * probability] pairs, most probable first.
   */
  readonly arabicEmissions: Readonly<Record<string, readonly (readonly [string, number])[]>>;
  /**
   * Name frequencies in the population the variant groups were counted in: phonetic retrieval key -> summed count
   * of the groups spelled with it, and the count of all groups. A general prior on how common a name part is.
   */
  readonly nameFrequencies: { readonly total: number; readonly counts: Readonly<Record<string, number>> };
}
