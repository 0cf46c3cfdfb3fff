/**
 * Fingerprint image to minutiae template. The pipeline, every constant at 500 dpi:
 * resample → validate (size, contrast) → equalise contrast → orientation field → segmentation → oriented Gabor
 * enhancement at the local ridge period → binarise → thin ridges and valleys → trace skeleton graphs → remove
 * pores, gaps, tails and fragments → ridge skeleton end points are ridge endings, valley skeleton end points are
 * bifurcations (a bifurcation is where a valley ends, ISO/IEC 19794-2:2005 clause 6.4.1) → drop minutiae near the
 * boundary and in clouds → keep the best.
 *
 * Deterministic: no randomness, fixed iteration orders, so one image always gives the same template.
 */
import { EngineError } from '../errors.js';
import { ENGINE_DPI, assertGrayImage, type GrayImage } from '../image/gray-image.js';
import { resampleToEngineDpi } from '../image/resample.js';
import { equalizeContrast } from '../image/equalize-contrast.js';
import { BLOCK_SIZE, ORIENTATION_BINS, orientationField } from '../image/orientation-field.js';
import { segment } from '../image/segmentation.js';
import { enhanceRidges } from '../image/ridge-filter.js';
import { IMPRESSION_TYPES, type FingerprintTemplate, type Minutia } from '../template/template.js';
import { thin } from './thinning.js';
import { traceSkeleton } from './skeleton-graph.js';
import { cleanSkeleton, endDirection } from './skeleton-cleanup.js';
import { dropClusters, dropNearEdge, keepBest, type Candidate } from './minutia-filters.js';

/** Smallest usable side after resampling to 500 dpi, in pixels (about 5 mm: a few ridges each way). */
export const MIN_IMAGE_SIDE = 100;
/** Smallest foreground area accepted as a fingerprint, in pixels at 500 dpi (about 0.26 cm²). */
export const MIN_FINGERPRINT_AREA = 10_000;
/** Default template budget: more minutiae add little discrimination and cost matching time. */
export const DEFAULT_MAX_MINUTIAE = 100;
/** Grey-level spread (2nd to 98th percentile) below which a capture is blank or saturated. */
const MIN_GREY_SPREAD = 12;
/**
 * Mean foreground coherence below which the "ridges" are noise: sensor noise and textures stay near 0.1-0.2,
 * the poorest FVC2002/2004 prints above 0.28.
 */
const MIN_MEAN_COHERENCE = 0.2;
/** Foreground area at which the area part of the overall quality saturates (about 1.6 cm²). */
const FULL_QUALITY_AREA = 40_000;

/** Options of {@link extract}. */
export interface ExtractOptions {
  /** ISO/IEC 19794-2 finger position, 0 (unknown) .. 10. */
  readonly fingerPosition?: number;
  /** One of IMPRESSION_TYPES; live plain by default. */
  readonly impressionType?: number;
  /** Upper bound on the number of minutiae kept; {@link DEFAULT_MAX_MINUTIAE} by default. */
  readonly maxMinutiae?: number;
}

/** Result of {@link extract}: the template plus diagnostics for capture feedback. */
export interface Extraction {
  readonly template: FingerprintTemplate;
  /**
   * Overall image quality 0..100: the square root of the foreground area (saturating at 1.6 cm²) times the mean
   * of ridge clarity (share of blocks with a measurable ridge period) and ridge coherence. FVC2002/2004 prints
   * score 55..100 (median about 90); captures with no fingerprint throw instead of scoring low.
   */
  readonly quality: number;
  /** Foreground (segmented fingerprint) area in pixels at 500 dpi. */
  readonly maskArea: number;
  /** Fraction 0..1 of the foreground whose ridge period could be measured directly: a ridge-clarity signal. */
  readonly clarity: number;
  /** Mean orientation coherence 0..1 over the foreground: how much of it shows parallel ridges. */
  readonly coherence: number;
  /** Minutiae found before the {@link ExtractOptions.maxMinutiae} cut. */
  readonly detectedMinutiae: number;
}

/**
 * Extracts a minutiae template from a grayscale fingerprint image (dark ridges on a light background).
 * Throws ENGINE_IMAGE_TOO_SMALL, ENGINE_IMAGE_BLANK or ENGINE_NO_FINGERPRINT when the capture cannot give a
 * template; ENGINE_IMAGE_INVALID / ENGINE_IMAGE_TOO_LARGE for malformed rasters.
 */
export function extract(image: GrayImage, options: ExtractOptions = {}): Extraction {
  assertGrayImage(image);
  const working = resampleToEngineDpi(image);
  const { width, height, pixels } = working;
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
    throw new EngineError(
      'ENGINE_IMAGE_TOO_SMALL',
      `image is ${width}x${height} px at ${ENGINE_DPI} dpi, at least ${MIN_IMAGE_SIDE}x${MIN_IMAGE_SIDE} needed`,
    );
  }
  const spread = greySpread(pixels);
  if (spread < MIN_GREY_SPREAD) {
    throw new EngineError('ENGINE_IMAGE_BLANK', `image has a grey-level spread of ${spread}, at least ${MIN_GREY_SPREAD} needed`);
  }

  const values = equalizeContrast(pixels, width, height);
  const field = orientationField(values, width, height);
  const segmentation = segment(pixels, field, width, height);
  if (segmentation.area < MIN_FINGERPRINT_AREA) {
    throw new EngineError(
      'ENGINE_NO_FINGERPRINT',
      `segmentation found ${segmentation.area} px of ridge area, at least ${MIN_FINGERPRINT_AREA} needed`,
    );
  }
  let coherent = 0;
  let coherenceSum = 0;
  let foregroundBlocks = 0;
  for (let j = 0; j < segmentation.blocks.length; j++) {
    if (segmentation.blocks[j] !== 1) continue;
    foregroundBlocks++;
    coherenceSum += field.coherence[j]!;
    coherent += clamp01((field.coherence[j]! - 0.2) / 0.5);
  }
  const coherence = coherenceSum / foregroundBlocks;
  if (coherence < MIN_MEAN_COHERENCE) {
    throw new EngineError(
      'ENGINE_NO_FINGERPRINT',
      `foreground has a mean ridge coherence of ${coherence.toFixed(2)}, at least ${MIN_MEAN_COHERENCE} needed`,
    );
  }
  const { mask, edgeDistance } = segmentation;
  const enhancement = enhanceRidges(values, field.pixelBins, segmentation.blocks, field.cols, field.rows, width, height);

  const ridges = new Uint8Array(width * height);
  const valleys = new Uint8Array(width * height);
  const response = enhancement.response;
  for (let i = 0; i < ridges.length; i++) {
    if (mask[i] === 1) {
      if (response[i]! < 0) ridges[i] = 1;
      else valleys[i] = 1;
    }
  }

  const candidates: Candidate[] = [];
  for (const [map, bifurcation] of [
    [ridges, false],
    [valleys, true],
  ] as const) {
    const graph = traceSkeleton(thin(map, width, height), width, height);
    cleanSkeleton(graph);
    for (const node of graph.nodes) {
      if (node.edges.length !== 1) continue;
      // ISO/IEC 19794-2 points an ending's direction from the end point into its ridge (and a bifurcation's into
      // its valley), the opposite of the outward direction the cleanup rules use.
      const traced = endDirection(node) + Math.PI;
      const angle = blendDirection(traced, field.pixelBins[node.y * width + node.x]!);
      candidates.push({ x: node.x, y: node.y, angle, bifurcation, quality: 0 });
    }
  }

  let kept = dropNearEdge(candidates, edgeDistance, width);
  kept = dropClusters(kept);
  for (const m of kept) m.quality = minutiaQuality(m, field.coherence, field.cols, edgeDistance, width);
  const detectedMinutiae = kept.length;
  kept = keepBest(kept, options.maxMinutiae ?? DEFAULT_MAX_MINUTIAE);

  let measured = 0;
  for (let j = 0; j < segmentation.blocks.length; j++) {
    if (segmentation.blocks[j] === 1) measured += enhancement.periodMeasured[j]!;
  }
  const clarity = measured / foregroundBlocks;
  const areaFactor = Math.min(1, segmentation.area / FULL_QUALITY_AREA);
  const quality = Math.round(100 * Math.sqrt(areaFactor) * (0.5 * clarity + 0.5 * (coherent / foregroundBlocks)));

  const minutiae: Minutia[] = kept.map((m) => ({
    x: m.x,
    y: m.y,
    direction: templateDirection(m.angle),
    type: m.bifurcation ? 'bifurcation' : 'ending',
    quality: m.quality,
  }));
  const template: FingerprintTemplate = {
    width,
    height,
    fingerPosition: options.fingerPosition ?? 0,
    impressionType: options.impressionType ?? IMPRESSION_TYPES.livePlain,
    quality,
    minutiae,
  };
  return { template, quality, maskArea: segmentation.area, clarity, coherence, detectedMinutiae };
}

/**
 * Weight of the orientation field in a minutia's direction. The traced ridge gives the sense (which way along
 * the ridge) but wobbles with the skeleton; the smoothed field gives a steadier axis. A 40 % blend measured best
 * on FVC (EER 3.0 -> 2.8 % against 0 % or 100 %).
 */
const FIELD_WEIGHT = 0.4;

/** Blends the traced direction with the field orientation turned to the same sense (image coordinates). */
function blendDirection(traced: number, bin: number): number {
  let orientation = (bin * Math.PI) / ORIENTATION_BINS;
  if (Math.cos(orientation - traced) < 0) orientation += Math.PI;
  const x = (1 - FIELD_WEIGHT) * Math.cos(traced) + FIELD_WEIGHT * Math.cos(orientation);
  const y = (1 - FIELD_WEIGHT) * Math.sin(traced) + FIELD_WEIGHT * Math.sin(orientation);
  return Math.atan2(y, x);
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Spread between the 2nd and 98th percentile grey levels. */
function greySpread(pixels: Uint8Array): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]!]!++;
  const cut = Math.floor(pixels.length * 0.02);
  let low = 0;
  for (let seen = 0; low < 255 && seen + histogram[low]! <= cut; low++) seen += histogram[low]!;
  let high = 255;
  for (let seen = 0; high > 0 && seen + histogram[high]! <= cut; high--) seen += histogram[high]!;
  return Math.max(0, high - low);
}

/**
 * Image-frame angle (y down, from +x towards +y) to the template convention (counter-clockwise as viewed, in
 * [0, 2π)): the image vector (cos a, sin a) is (cos θ, -sin θ) with θ = -a.
 */
function templateDirection(angle: number): number {
  const t = -angle % (2 * Math.PI);
  const wrapped = t < 0 ? t + 2 * Math.PI : t;
  return wrapped >= 2 * Math.PI ? 0 : wrapped;
}

/** Quality 1..100 of one minutia from the ridge coherence of its block and its distance to the boundary. */
function minutiaQuality(
  m: Candidate,
  coherence: Float32Array,
  cols: number,
  edgeDistance: Float32Array,
  width: number,
): number {
  const block = Math.floor(m.y / BLOCK_SIZE) * cols + Math.floor(m.x / BLOCK_SIZE);
  const clear = clamp01((coherence[block]! - 0.2) / 0.6);
  const inside = clamp01(edgeDistance[m.y * width + m.x]! / 40);
  return Math.max(1, Math.round(100 * Math.sqrt(clear * inside)));
}
