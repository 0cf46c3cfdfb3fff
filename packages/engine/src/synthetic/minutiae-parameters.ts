/**
 * The numbers behind template-level synthetic fingers (minutiae-master.ts, minutiae-impression.ts), in one place
 * because they were chosen together: each is a statistic of minutiae templates that our extractor gives on the
 * FVC2002/FVC2004 B sets at 500 dpi, or a choice made so that the matcher's genuine and impostor score
 * distributions on synthetic templates resemble its distributions on those sets. The comparison that tunes them is
 * packages/engine/scripts/check-synthetic-templates.ts; the measured table is in SYNTHETIC.md. Distances are pixels
 * at 500 dpi, angles radians.
 */
import type { ImpressionPreset } from './impression-parameters.js';

/**
 * Mean minutia density of a finger's skin, per px², before any impression loses or adds minutiae. Each finger
 * scales it by exp(N(0, FINGER_DENSITY_SPREAD)): some fingers have many more minutiae than others (per-image
 * density through our extractor spans 0.29-0.63 per 1,000 px², 5th to 95th percentile, on FVC).
 */
export const MASTER_DENSITY = 0.00056; // minutiae per px²
export const FINGER_DENSITY_SPREAD = 0.2; // sd of the log density

/**
 * Hard core: no two minutiae of a finger closer than this. The extractor cannot resolve minutiae much closer than a
 * ridge period, and FVC templates have 5 % of nearest-neighbour distances below 7-8.5 px, against 6 px for a
 * Poisson process of the same density.
 */
export const HARD_CORE_DISTANCE = 6; // px

/**
 * Direction polarity follows the flow: where ridges spread apart along their direction t (div t > 0), new ridges
 * start, and both kinds of minutia there point along +t (an ending into its ridge, a bifurcation into the valley
 * between its branches, ISO/IEC 19794-2:2005 clause 6.4.1); where they converge, they point along -t. The chance of
 * +t is 1 / (1 + exp(-POLARITY_GAIN · div t)), with div t in 1/px. On FVC, 58 % of nearest neighbours have
 * directions within 45° of each other and 36 % within 45° of opposite, where independent polarities give 47/47.
 */
export const POLARITY_GAIN = 150; // px
/** Step of the finite differences that estimate div t, px. */
export const DIVERGENCE_STEP = 3; // px

/** Direction scatter of a finger's minutiae around the local ridge orientation (a minutia bends its ridge). */
export const MASTER_DIRECTION_SD = 0.12; // rad

/**
 * Share of ridge endings among a finger's minutiae: our extractor gives 55.3 / 57.2 / 57.6 / 44.0 % endings on
 * FVC2002 DB1_B / DB2_B / DB3_B and FVC2004 DB1_B.
 */
export const ENDING_SHARE = 0.54;

/**
 * Sensor frames, px at 500 dpi, of the four FVC B sets the check compares with (FVC2002 DB1 388 x 374, DB2
 * 296 x 560 at 569 dpi, DB3 300 x 300, FVC2004 DB1 640 x 480). Each synthetic finger is captured on one of them.
 */
export const SENSOR_FRAMES: readonly (readonly [width: number, height: number])[] = [
  [388, 374],
  [260, 492],
  [300, 300],
  [640, 480],
];

/** Per-impression error rates of a preset: what a minutiae extractor loses, invents and confuses. */
export interface ImpressionErrorRanges {
  /** Chance that a true minutia of good quality is not found, drawn per impression. */
  readonly missing: readonly [number, number];
  /** Extra chance of missing a minutia, times (1 - quality / 100). */
  readonly missingLowQuality: number;
  /** Spurious minutiae per true minutia found, drawn per impression. */
  readonly spurious: readonly [number, number];
  /** Chance that an ending is reported as a bifurcation or the reverse. */
  readonly typeFlip: number;
  /** Position scatter (sd, px) and direction scatter (sd, rad) of a found minutia. */
  readonly positionSd: number;
  readonly directionSd: number;
}

/**
 * Error rates by preset, named as the image generator's presets (impression-parameters.ts), whose geometric ranges
 * (placement, contact, distortion) the template impressions share.
 */
export const IMPRESSION_ERROR_RANGES: Readonly<Record<ImpressionPreset, ImpressionErrorRanges>> = Object.freeze({
  good: { missing: [0.03, 0.1], missingLowQuality: 0.1, spurious: [0.02, 0.08], typeFlip: 0.05, positionSd: 1.5, directionSd: 0.06 },
  typical: { missing: [0.08, 0.25], missingLowQuality: 0.3, spurious: [0.05, 0.2], typeFlip: 0.1, positionSd: 2, directionSd: 0.09 },
  poor: { missing: [0.15, 0.35], missingLowQuality: 0.4, spurious: [0.1, 0.3], typeFlip: 0.15, positionSd: 2.5, directionSd: 0.12 },
});

/** Distance from the print's border at which a minutia's quality stops rising (as the extractor's: 40 px). */
export const QUALITY_EDGE_RAMP = 40; // px
