/**
 * What varies between two impressions of one finger, with the ranges of three capture-quality presets. SFinGe
 * varies the same factors (Cappelli, Maio, Maltoni, "Synthetic fingerprint-database generation", ICPR 2002;
 * Handbook of Fingerprint Recognition, 2nd ed., 2009, chapter 6): position and rotation on the sensor, skin
 * distortion, skin condition (dry or wet), pressure, partial contact, noise and blur.
 *
 * Every parameter is drawn uniformly from its preset's range. The ranges are ours, set against the FVC2002 and
 * FVC2004 acquisition protocols as their organisers describe them (Maio et al., ICPR 2002 and ICBA 2004:
 * volunteers were asked to exaggerate displacement, rotation and distortion, to vary pressure, and to dry or
 * moisten their fingers between captures) and against the accuracy our extractor and matcher reach on the result
 * (SYNTHETIC.md explains the adjustments):
 * - good: a cooperative subject on a clean sensor, as in a guided enrolment;
 * - typical: captures made the FVC way, with parts of the finger off the frame and two impressions sometimes
 *   sharing only part of their area;
 * - poor: hurried or difficult captures, smaller contact, worse skin and a worse sensor.
 */
import type { Prng } from './prng.js';

/** The capture-quality presets. */
export const IMPRESSION_PRESETS = ['good', 'typical', 'poor'] as const;
export type ImpressionPreset = (typeof IMPRESSION_PRESETS)[number];

/** Parameter names, in the order they are drawn (the order is part of what a seed means). */
export const IMPRESSION_PARAMETER_NAMES = [
  'translationX',
  'translationY',
  'rotation',
  'distortionRotation',
  'distortionShift',
  'distortionDirection',
  'distortionBrake',
  'closeContact',
  'contactOffsetX',
  'contactOffsetY',
  'contactScale',
  'pressure',
  'moisture',
  'skinNoise',
  'contrast',
  'background',
  'noise',
  'blur',
] as const;
export type ImpressionParameterName = (typeof IMPRESSION_PARAMETER_NAMES)[number];

/**
 * One impression's parameters.
 * - translationX, translationY: shift of the finger on the sensor, px;
 * - rotation: rotation of the finger on the sensor, degrees (positive clockwise as viewed);
 * - distortionRotation, distortionShift, distortionDirection: the plastic distortion's rotation θ (degrees) and
 *   translation d (length px, direction degrees) of the skin outside the close-contact region;
 * - distortionBrake: the brake sharpness k, px (the transitional region is about 2k wide);
 * - closeContact: close-contact ellipse as a fraction of the contact region's semi-axes;
 * - contactOffsetX, contactOffsetY: centre of the contact region, as a fraction of the silhouette's semi-axes
 *   from its centre (the finger rolled or tipped);
 * - contactScale: contact region semi-axes as a fraction of the silhouette's (light pressure or a tipped finger
 *   touches less);
 * - pressure: -1 (light: thin, faint ridges) .. +1 (heavy: thick ridges, narrow valleys);
 * - moisture: -1 (dry: broken, patchy ridges) .. +1 (wet: ridges merged in blotches);
 * - skinNoise: 0 (none) .. 1, how much fine skin-level noise every capture has (flakes, sweat, dirt, uneven
 *   contact at the scale of a ridge): small ridge breaks and valley bridges that differ from one capture to the
 *   next, so some minutiae come and go between impressions as on real fingers;
 * - contrast: grey levels between a full ridge and the background;
 * - background: grey level of the background, 0-255;
 * - noise: standard deviation of the sensor noise, grey levels;
 * - blur: standard deviation of the optical blur, px.
 */
export type ImpressionParameters = Readonly<Record<ImpressionParameterName, number>>;

/** A closed range [min, max] a parameter is drawn from uniformly. */
export type ParameterRange = readonly [min: number, max: number];

/** The range of every parameter under each preset. */
export const IMPRESSION_PRESET_RANGES: Readonly<Record<ImpressionPreset, Readonly<Record<ImpressionParameterName, ParameterRange>>>> =
  Object.freeze({
    good: Object.freeze({
      translationX: [-15, 15],
      translationY: [-15, 15],
      rotation: [-6, 6],
      distortionRotation: [-2, 2],
      distortionShift: [0, 6],
      distortionDirection: [0, 360],
      distortionBrake: [70, 110],
      closeContact: [0.35, 0.5],
      contactOffsetX: [-0.05, 0.05],
      contactOffsetY: [-0.05, 0.05],
      contactScale: [0.92, 1.05],
      pressure: [-0.15, 0.25],
      moisture: [-0.2, 0.2],
      skinNoise: [0.1, 0.3],
      contrast: [170, 215],
      background: [220, 245],
      noise: [2, 5],
      blur: [0.5, 0.8],
    } as const),
    typical: Object.freeze({
      translationX: [-75, 75],
      translationY: [-85, 85],
      rotation: [-25, 25],
      distortionRotation: [-8, 8],
      distortionShift: [4, 22],
      distortionDirection: [0, 360],
      distortionBrake: [45, 85],
      closeContact: [0.22, 0.4],
      contactOffsetX: [-0.15, 0.15],
      contactOffsetY: [-0.15, 0.15],
      contactScale: [0.65, 0.95],
      pressure: [-0.6, 0.6],
      moisture: [-0.75, 0.75],
      skinNoise: [0.6, 1],
      contrast: [90, 190],
      background: [190, 240],
      noise: [5, 12],
      blur: [0.7, 1.3],
    } as const),
    poor: Object.freeze({
      translationX: [-80, 80],
      translationY: [-90, 90],
      rotation: [-30, 30],
      distortionRotation: [-9, 9],
      distortionShift: [6, 25],
      distortionDirection: [0, 360],
      distortionBrake: [40, 80],
      closeContact: [0.2, 0.35],
      contactOffsetX: [-0.2, 0.2],
      contactOffsetY: [-0.2, 0.2],
      contactScale: [0.5, 0.8],
      pressure: [-0.85, 0.85],
      moisture: [-1, 1],
      skinNoise: [0.6, 1],
      contrast: [60, 130],
      background: [175, 235],
      noise: [10, 18],
      blur: [1, 1.8],
    } as const),
  });

/** Draws one impression's parameters from the ranges of `preset`, in {@link IMPRESSION_PARAMETER_NAMES} order. */
export function sampleImpressionParameters(preset: ImpressionPreset, prng: Prng): ImpressionParameters {
  const ranges = IMPRESSION_PRESET_RANGES[preset];
  const out = {} as Record<ImpressionParameterName, number>;
  for (const name of IMPRESSION_PARAMETER_NAMES) {
    const [min, max] = ranges[name];
    out[name] = prng.range(min, max);
  }
  return out;
}
