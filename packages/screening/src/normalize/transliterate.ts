/**
 * Arabic script to Latin consonants with the learned model: each letter becomes its most probable emission
 * (م -> m, ث -> th, ح -> h), reduced to its consonant skeleton, so محمد becomes `mhmd`, the skeleton of Muhammad, Mohammed and Mohamed alike.
 * Matching uses the full emission distribution (match/cross-script.ts); this single best reading serves the
 * candidate index and explanations.
 */
import { TRANSLITERATION_MODEL } from '../model/transliteration-model.js';
import { collapseRuns } from '../model/learn-transliteration.js';
import { latinSkeleton } from './skeleton.js';

/** The Latin consonant skeleton of a folded Arabic-script token (letters unknown to the model are skipped). */
export function arabicSkeleton(foldedArabic: string): string {
  let out = '';
  for (const letter of collapseRuns(foldedArabic)) out += TRANSLITERATION_MODEL.arabicEmissions[letter]?.[0]?.[0] ?? '';
  return latinSkeleton(out);
}
