/**
 * What varies between two impressions of one finger, with the ranges of three capture-quality presets. SFinGe
 * varies the same factors (Cappelli, Maio, Maltoni, "Synthetic fingerprint-database generation", ICPR 2002;
 * Handbook of Fingerprint Recognition, 2nd ed., 2009, section 6.6): position and rotation on the sensor, skin
 * distortion, skin condition (dry or wet), pressure, partial contact, noise and blur.
 *
 * Every parameter is drawn uniformly from its preset's range; ranges are ours, chosen against the FVC2002 and
 * FVC2004 databases as their organisers describe them (Maio et al., "FVC2004: Third Fingerprint Verification
 * Competition", ICBA 2004: volunteers asked to vary placement, pressure, rotation up to about ±20-35 degrees and
 * skin moisture between sessions).
 * - good: a cooperative subject on a clean sensor, as in an enrolment;
 * - typical: an ordinary border-post capture, as FVC2002 DB1-DB2;
 * - poor: hurried or difficult captures, as the harder parts of FVC2004.
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
      contrast: [170, 215],
      background: [220, 245],
      noise: [2, 5],
      blur: [0.5, 0.8],
    } as const),
    typical: Object.freeze({
      translationX: [-30, 30],
      translationY: [-35, 35],
      rotation: [-12, 12],
      distortionRotation: [-4, 4],
      distortionShift: [0, 12],
      distortionDirection: [0, 360],
      distortionBrake: [60, 100],
      closeContact: [0.3, 0.45],
      contactOffsetX: [-0.12, 0.12],
      contactOffsetY: [-0.12, 0.12],
      contactScale: [0.78, 1],
      pressure: [-0.45, 0.5],
      moisture: [-0.55, 0.55],
      contrast: [120, 200],
      background: [200, 240],
      noise: [4, 9],
      blur: [0.6, 1.1],
    } as const),
    poor: Object.freeze({
      translationX: [-45, 45],
      translationY: [-50, 50],
      rotation: [-20, 20],
      distortionRotation: [-7, 7],
      distortionShift: [4, 20],
      distortionDirection: [0, 360],
      distortionBrake: [50, 90],
      closeContact: [0.25, 0.4],
      contactOffsetX: [-0.2, 0.2],
      contactOffsetY: [-0.2, 0.2],
      contactScale: [0.6, 0.85],
      pressure: [-0.75, 0.75],
      moisture: [-0.9, 0.9],
      contrast: [70, 150],
      background: [180, 235],
      noise: [8, 16],
      blur: [0.9, 1.6],
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
