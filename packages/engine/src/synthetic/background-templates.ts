/**
 * Synthetic background templates for 1:N benchmarks: one template per finger of a synthetic subject, as fast to
 * make as possible. Placeholder over the template-level generator until the ridge-flow model lands.
 */
import type { FingerprintTemplate } from '../template/template.js';
import { syntheticMinutiaeImpression } from './minutiae-finger.js';

/** The enrolled template of finger `position` (1..10) of synthetic background subject `subject` (>= 0). */
export function syntheticBackgroundTemplate(subject: number, position: number): FingerprintTemplate {
  return syntheticMinutiaeImpression(subject, position, 0);
}
