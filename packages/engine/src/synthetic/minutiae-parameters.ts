/**
 * The numbers behind template-level synthetic fingers (minutiae-master.ts, minutiae-impression.ts), in one place
 * because they were chosen together: each is a statistic of the minutiae templates our extractor gives on the
 * FVC2002/FVC2004 B sets at 500 dpi, or a choice made so that the matcher's genuine and impostor score
 * distributions on synthetic templates come near its distributions on those sets. They were fitted to distribution
 * statistics (counts, distances, direction tables, score shares), never to particular images; the comparison is
 * packages/engine/scripts/check-synthetic-templates.ts and the measured table is in SYNTHETIC.md. Distances are
 * pixels at 500 dpi, angles radians.
 */
import type { ImpressionPreset } from './impression-parameters.js';

/**
 * Mean minutia density of a finger's skin away from creases, per px², before any impression loses or adds
 * minutiae. Each finger scales it by exp(N(0, FINGER_DENSITY_SPREAD)): some fingers have many more minutiae than
 * others (per-image density through our extractor spans 0.29-0.63 per 1,000 px², 5th to 95th percentile, on FVC).
 */
export const MASTER_DENSITY = 0.00044; // minutiae per px²
export const FINGER_DENSITY_SPREAD = 0.2; // sd of the log density

/**
 * Minutiae are not spread uniformly: part of a finger's minutiae gather in a few Gaussian clusters, often around a
 * core or delta where the flow forces ridges to end and split. Zhu, Dass and Jain ("Statistical models for
 * assessing the individuality of fingerprints", IEEE TIFS 2(3), 2007) fit such mixtures to real minutiae and find
 * that a uniform model underestimates how often two different fingers agree by chance.
 */
export const CLUSTERED_SHARE = 0.4;
/** Mean number of clusters per finger (1 + Poisson). */
export const CLUSTER_COUNT_MEAN = 3;
/** Standard deviation of a cluster, px, drawn per cluster. */
export const CLUSTER_SD: readonly [number, number] = [30, 60];
/** Chance that a cluster is centred on one of the finger's singular points rather than anywhere. */
export const SINGULAR_CLUSTER_CHANCE = 0.6;

/**
 * Hard core: no two minutiae of a finger closer than this. The extractor cannot resolve minutiae much closer than a
 * ridge period, and FVC templates have 5 % of nearest-neighbour distances below 7-8.5 px, against 6 px for a
 * Poisson process of the same density.
 */
export const HARD_CORE_DISTANCE = 6; // px

/**
 * Direction polarity. A minutia points along its ridge's tangent t or against it; on FVC the choice is far from a
 * coin toss, and through the matcher it matters more than anything else: flipping the polarity of real minutiae at
 * random lowers the share of FVC impostor comparisons reaching score 20 from 1.07 % to 0.09 %. Three terms set the
 * log-odds of pointing along t:
 * - POLARITY_GAIN · div t (1/px): where ridges spread apart along t, new ridges begin, and both kinds of minutia
 *   there point along +t (an ending into its ridge, a bifurcation into the valley between its branches, ISO/IEC
 *   19794-2:2005 clause 6.4.1);
 * - INWARD_GAIN · cos(t, towards the finger's centre): of FVC minutiae within 45° of the line to their template's
 *   centroid, 66 % point towards it (FVC2002 DB1_B, DB2_B, FVC2004 DB1_B);
 * - DOWN_GAIN · cos(t, down towards the palm): in the middle band of FVC templates, 59-62 % of minutiae within 60°
 *   of vertical point down and 15-32 % up.
 */
export const POLARITY_GAIN = 150; // px
export const INWARD_GAIN = 0.5;
export const DOWN_GAIN = 1.5;
/** Step of the finite differences that estimate div t, px. */
export const DIVERGENCE_STEP = 3; // px

/**
 * Direction scatter of a finger's minutiae around the local ridge orientation. Small: our extractor blends each
 * traced direction with the smoothed orientation field, and scatter of 0.2 rad added to real templates lowers the
 * FVC impostor share at score 20 from 1.07 % to 0.09 %.
 */
export const MASTER_DIRECTION_SD = 0.03; // rad

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
  /** Spurious minutiae inside the print per true minutia found, drawn per impression. */
  readonly spurious: readonly [number, number];
  /** Spurious minutiae along the print's border per true minutia found, drawn per impression. */
  readonly border: readonly [number, number];
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
  good: {
    missing: [0.02, 0.08],
    missingLowQuality: 0.1,
    spurious: [0.02, 0.08],
    border: [0.05, 0.15],
    typeFlip: 0.05,
    positionSd: 1.5,
    directionSd: 0.02,
  },
  typical: {
    missing: [0.02, 0.1],
    missingLowQuality: 0.15,
    spurious: [0.03, 0.15],
    border: [0.1, 0.3],
    typeFlip: 0.1,
    positionSd: 2,
    directionSd: 0.03,
  },
  poor: {
    missing: [0.15, 0.35],
    missingLowQuality: 0.4,
    spurious: [0.1, 0.3],
    border: [0.15, 0.35],
    typeFlip: 0.15,
    positionSd: 2.5,
    directionSd: 0.06,
  },
});

/**
 * Ridges cut at the print's border end just inside the extractor's border margin (MIN_EDGE_DISTANCE, 12 px), and
 * those ends point into the print. They fall within BORDER_BAND px beyond the margin and are endings more often
 * than not.
 */
export const BORDER_BAND = 14; // px
export const BORDER_ENDING_SHARE = 0.65;

/** Distance from the print's border at which a minutia's quality stops rising (as the extractor's: 40 px). */
export const QUALITY_EDGE_RAMP = 40; // px

/**
 * Ridges around the pattern area follow the fingertip's outline (concentric with it) rather than the zero-pole
 * field, which alone leaves them nearly horizontal at the sides: FVC minutia directions are close to uniform over
 * the half turn, synthetic ones were twice as often horizontal as vertical. The blend weight rises from 0 at
 * normalised silhouette radius OUTLINE_INNER to 1 at OUTLINE_OUTER and fades out below normalised height
 * OUTLINE_LOWEST (0 at the widest line, 1 at the bottom) over OUTLINE_FADE, because towards the crease ridges run
 * across the finger.
 */
export const OUTLINE_INNER = 0.2;
export const OUTLINE_OUTER = 0.7;
export const OUTLINE_LOWEST = 0.4;
export const OUTLINE_FADE = 0.3;
