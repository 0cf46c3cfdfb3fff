/**
 * Arabic script to Latin consonant skeletons with the learned model: each letter becomes its likely emissions
 * (م -> m, ث -> th, ج -> j or g), reduced to consonants, so محمد becomes `mhmd`, the skeleton of Muhammad,
 * Mohammed and Mohamed alike. Matching uses the full emission distribution (match/cross-script-similarity.ts);
 * these readings serve the candidate index and the comparison prefilter.
 */
import { TRANSLITERATION_MODEL } from '../model/transliteration-model.js';
import { collapseRuns } from '../model/learn-transliteration.js';
import { latinSkeleton } from './skeleton.js';

/** A second reading of a letter counts when at least this probable (ج: j 0.67, g 0.32; ض: d, dh, z). */
const ALTERNATIVE_READING = 0.2;
/** At most this many readings per token: a few ambiguous letters must not multiply the index. */
const MAX_READINGS = 8;

/**
 * The token's plausible consonant skeletons, most probable first: every letter read its best way, then the
 * variants where ambiguous letters take their second reading (فيض: `fd`, then `fz`).
 */
export function arabicSkeletons(foldedArabic: string): string[] {
  let readings = [''];
  for (const letter of collapseRuns(foldedArabic)) {
    const rows = TRANSLITERATION_MODEL.arabicEmissions[letter] ?? [];
    // Readings that differ only in vowels (ي as i, e or y) are one reading for a skeleton.
    const options = [...new Set(rows.filter(([, p], i) => i === 0 || p >= ALTERNATIVE_READING).map(([e]) => latinSkeleton(e)))];
    if (options.length === 0) continue;
    const next: string[] = [];
    for (const option of options) for (const r of readings) if (next.length < MAX_READINGS) next.push(r + option);
    readings = next;
  }
  const out: string[] = [];
  for (const r of readings) {
    const skeleton = latinSkeleton(r);
    if (!out.includes(skeleton)) out.push(skeleton);
  }
  return out;
}
