/**
 * The five Henry-Galton pattern classes a synthetic master print can take, and how often each occurs in real
 * fingers. The frequencies are those Wilson, Candela and Watson measured on 222,000 NIST fingerprint cards ("Neural
 * network fingerprint classification", J. Artificial Neural Networks 1(2), 1994) and that SFinGe uses to draw a
 * class (Maltoni, Maio, Jain, Prabhakar, Handbook of Fingerprint Recognition, 2nd ed., 2009, chapters 5 and 6).
 *
 * "Left" and "right" follow the FBI convention as the print is viewed: a left loop's ridges enter and leave on the
 * left, so its delta lies to the right of its core.
 */
import type { Prng } from './prng.js';

/** The pattern classes, in a fixed order. */
export const FINGERPRINT_CLASSES = ['arch', 'tentedArch', 'leftLoop', 'rightLoop', 'whorl'] as const;
export type FingerprintClass = (typeof FINGERPRINT_CLASSES)[number];

/** Natural frequency of each class, in the order of {@link FINGERPRINT_CLASSES} (Wilson et al. 1994). */
export const FINGERPRINT_CLASS_FREQUENCIES: Readonly<Record<FingerprintClass, number>> = Object.freeze({
  arch: 0.037,
  tentedArch: 0.029,
  leftLoop: 0.338,
  rightLoop: 0.317,
  whorl: 0.279,
});

/** Draws a class with its natural frequency. */
export function sampleFingerprintClass(prng: Prng): FingerprintClass {
  return FINGERPRINT_CLASSES[prng.weighted(FINGERPRINT_CLASSES.map((c) => FINGERPRINT_CLASS_FREQUENCIES[c]))]!;
}
