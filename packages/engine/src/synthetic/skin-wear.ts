/**
 * How worn a synthetic finger's skin is: a property of the finger, shared by all its impressions. Real
 * fingerprint populations are not homogeneous: a minority of fingers (manual workers, the elderly, eczema,
 * scars) have flattened, broken, low-contrast ridges in every capture, and such prints cause most false
 * non-matches (SourceAFIS's authors put most of its errors on the worst ~5 % of FVC prints). Per-impression skin
 * conditions alone (impression-parameters.ts) spread difficulty evenly over fingers and miss that tail.
 *
 * The distribution is ours: wear = u⁴ for u uniform in [0, 1), so the median finger has wear 0.06, one in six
 * has more than 0.5 and one in twenty more than 0.8.
 */
import type { Prng } from './prng.js';

/** Draws a finger's skin wear in [0, 1): 0 healthy skin, towards 1 badly worn. */
export function sampleSkinWear(prng: Prng): number {
  return prng.uniform() ** 4;
}
