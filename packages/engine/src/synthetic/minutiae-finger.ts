/**
 * Template-level synthetic fingers of synthetic people, for tests, demos and benchmarks that need many fingers
 * fast: finger `position` of person `person` is a {@link syntheticFinger} (minutiae-master.ts: class, silhouette,
 * singular points, ridge-flow-following minutiae) and each capture of it a {@link syntheticImpression}
 * (minutiae-impression.ts: contact, plastic distortion, placement, missed and spurious minutiae, scatter). No real
 * person's fingerprints are involved. Checked against FVC templates by scripts/check-synthetic-templates.ts
 * (SYNTHETIC.md, "Template-level synthetic fingers").
 */
import type { FingerprintTemplate } from '../template/template.js';
import type { ImpressionPreset } from './impression-parameters.js';
import { type SyntheticFinger, syntheticFinger } from './minutiae-master.js';
import { syntheticImpression } from './minutiae-impression.js';

/** Fingers per person: finger positions 1..10 (ISO/IEC 19794-2 table 4); 0 (unknown) is allowed too. */
const POSITIONS = 11;

/**
 * The finger id of finger `position` (0..10) of `person`: distinct for every person below 390 million (2^32 / 11)
 * and position; beyond that ids wrap around.
 */
export function fingerId(person: number, position: number): number {
  return (person * POSITIONS + position) % 2 ** 32;
}

/** The synthetic finger `position` (0..10) of synthetic person `person`. */
export function syntheticPersonFinger(person: number, position: number): SyntheticFinger {
  return syntheticFinger(fingerId(person, position));
}

/** Impression `capture` of `finger` (at finger position `position`) under `preset`; deterministic. */
export function syntheticFingerImpression(
  finger: SyntheticFinger,
  position: number,
  capture: number,
  preset: ImpressionPreset,
): FingerprintTemplate {
  return { ...syntheticImpression(finger, capture, preset), fingerPosition: position };
}

/**
 * Impression `capture` of finger `position` (1..10) of synthetic person `person`, captured as a guided enrolment or
 * lane capture would be (the `good` preset): deterministic for the three numbers; different captures of one finger
 * match each other while different fingers do not.
 */
export function syntheticMinutiaeImpression(person: number, position: number, capture: number): FingerprintTemplate {
  return syntheticFingerImpression(syntheticPersonFinger(person, position), position, capture, 'good');
}
