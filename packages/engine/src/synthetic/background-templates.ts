/**
 * Synthetic background templates for 1:N benchmarks: the enrolled template of every finger of a synthetic
 * subject, made in microseconds from a template-level synthetic finger (minutiae-master.ts) and one impression of
 * it (minutiae-impression.ts) under the `typical` preset, the one whose placement, contact and distortion reproduce
 * the FVC2002/2004 captures that benchmarks search with. How close these templates come to real ones, measured
 * with the matcher that searches them: SYNTHETIC.md, "Template-level synthetic fingers".
 */
import type { FingerprintTemplate } from '../template/template.js';
import { syntheticFingerImpression, syntheticPersonFinger } from './minutiae-finger.js';

/** The impression a background subject is enrolled with; probes of the same finger would use other captures. */
export const BACKGROUND_ENROLMENT_CAPTURE = 0;

/** The enrolled template of finger `position` (1..10) of synthetic background subject `subject` (>= 0). */
export function syntheticBackgroundTemplate(subject: number, position: number): FingerprintTemplate {
  return syntheticFingerImpression(
    syntheticPersonFinger(subject, position),
    position,
    BACKGROUND_ENROLMENT_CAPTURE,
    'typical',
  );
}
