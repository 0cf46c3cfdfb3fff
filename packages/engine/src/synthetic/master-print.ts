/**
 * Master prints: the whole ridge pattern of a finger that does not exist, as SFinGe's first stage produces it
 * (Cappelli, Erol, Maio, Maltoni, ICPR 2000; Handbook of Fingerprint Recognition, 2nd ed., 2009, chapter 6). A master
 * print is a clean, near-binary image with its ground truth (orientation, ridge period, silhouette, class,
 * singular points); impressions of the finger ({@link generateImpression}) are rendered from it.
 *
 * Stages, each on its own PRNG stream so that one stage's draws never shift another's: class, silhouette,
 * singular points, orientation field, period map, ridge growth, rendering, skin wear.
 */
import { ENGINE_DPI, type GrayImage, MAX_IMAGE_SIDE } from '../image/gray-image.js';
import { EngineError } from '../errors.js';
import { type FingerprintClass, sampleFingerprintClass } from './fingerprint-class.js';
import {
  type FingertipShape,
  fingertipMask,
  fingertipRadius,
  sampleFingertipShape,
} from './fingertip-mask.js';
import { orientationField } from './orientation-model.js';
import { deriveSeed, Prng } from './prng.js';
import { growRidges } from './ridge-growth.js';
import { ridgePeriodMap } from './ridge-period.js';
import { sampleSingularPoints, type SingularPoint } from './singular-points.js';
import { sampleSkinWear } from './skin-wear.js';
import { smoothstep } from './smoothstep.js';

/** Default master frame: 400 x 500 px at 500 dpi (20 x 25 mm), room for any plain fingertip. */
export const MASTER_WIDTH = 400;
export const MASTER_HEIGHT = 500;

/** Options of {@link generateMasterPrint}. */
export interface MasterPrintOptions {
  /** Pattern class; drawn with natural class frequencies when absent. */
  readonly class?: FingerprintClass;
  /** Frame width in pixels (default {@link MASTER_WIDTH}). */
  readonly width?: number;
  /** Frame height in pixels (default {@link MASTER_HEIGHT}). */
  readonly height?: number;
}

/** A synthetic finger: its clean image and the ground truth it was generated from. */
export interface MasterPrint {
  /** Near-binary 500-dpi image: dark ridges on white, white outside the silhouette. */
  readonly image: GrayImage;
  /** Ridge orientation per pixel, radians in [0, π), counter-clockwise from +x as viewed. */
  readonly orientation: Float32Array;
  /** Ridge frequency per pixel, in cycles per pixel (1 / ridge period). */
  readonly frequency: Float32Array;
  /** 1 inside the fingertip silhouette, 0 outside. */
  readonly mask: Uint8Array;
  /** Smooth ridge field in [-1, 1]: positive on ridges. Impressions threshold it to vary ridge width. */
  readonly ridges: Float32Array;
  readonly class: FingerprintClass;
  /** Cores and deltas in pixels of the frame; some deltas may lie outside the silhouette. */
  readonly singularities: readonly SingularPoint[];
  /** The silhouette's geometry. */
  readonly shape: FingertipShape;
  /**
   * How worn the finger's skin is, 0 (healthy) to 1 (badly worn): every impression of a worn finger has drier,
   * more broken and fainter ridges (see skin-wear.ts).
   */
  readonly skinWear: number;
  /** The seed the print was generated from. */
  readonly seed: number;
}

/** PRNG streams of the master-print stages. */
const STREAM = { class: 1, shape: 2, singular: 3, orientation: 4, period: 5, growth: 6, wear: 7 } as const;

/** Half-width of the anti-aliased ridge edge in ridge-field units; width of the silhouette's fade in pixels. */
const RIDGE_EDGE = 0.25;
const SILHOUETTE_EDGE = 3;

/**
 * Generates the master print of the synthetic finger `seed` (any number; equal seeds and options give identical
 * bytes). Throws ENGINE_IMAGE_INVALID for a non-integer frame size, ENGINE_IMAGE_TOO_SMALL for a frame smaller than
 * a fingertip (MIN_MASTER_WIDTH x MIN_MASTER_HEIGHT, 308 x 358 px) and ENGINE_IMAGE_TOO_LARGE above
 * MAX_IMAGE_SIDE (4096 px) per side.
 */
export function generateMasterPrint(seed: number, options: MasterPrintOptions = {}): MasterPrint {
  const width = options.width ?? MASTER_WIDTH;
  const height = options.height ?? MASTER_HEIGHT;
  if (!Number.isInteger(width) || !Number.isInteger(height)) {
    throw new EngineError('ENGINE_IMAGE_INVALID', `master frame size must be integers, got ${width}x${height}`);
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new EngineError('ENGINE_IMAGE_TOO_LARGE', `master frame ${width}x${height} exceeds ${MAX_IMAGE_SIDE} px per side`);
  }
  const cls = options.class ?? sampleFingerprintClass(new Prng(deriveSeed(seed, STREAM.class)));
  const shape = sampleFingertipShape(width, height, new Prng(deriveSeed(seed, STREAM.shape)));
  const singularities = sampleSingularPoints(cls, shape, new Prng(deriveSeed(seed, STREAM.singular)));
  const orientation = orientationField(width, height, shape, singularities, new Prng(deriveSeed(seed, STREAM.orientation)));
  const period = ridgePeriodMap(width, height, shape, singularities, new Prng(deriveSeed(seed, STREAM.period)));
  const mask = fingertipMask(shape, width, height);
  // Grow a little beyond the silhouette so ridges reach its edge at full strength instead of fading into it.
  const region = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) region[y * width + x] = fingertipRadius(shape, x + 0.5, y + 0.5) <= 1.04 ? 1 : 0;
  }
  const ridges = growRidges(width, height, orientation, period, region, new Prng(deriveSeed(seed, STREAM.growth)));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const ink = smoothstep(-RIDGE_EDGE, RIDGE_EDGE, ridges[i]);
      const inside = silhouetteWeight(shape, x + 0.5, y + 0.5);
      pixels[i] = Math.round(255 - 235 * ink * inside);
    }
  }
  const frequency = period.map((p) => 1 / p);
  return {
    image: { width, height, dpi: ENGINE_DPI, pixels },
    orientation,
    frequency,
    mask,
    ridges,
    class: cls,
    singularities,
    shape,
    skinWear: sampleSkinWear(new Prng(deriveSeed(seed, STREAM.wear))),
    seed,
  };
}

/**
 * 0 on and outside the silhouette's border, rising to 1 about {@link SILHOUETTE_EDGE} px inside it: the print
 * fades in over a few pixels instead of being cut, and the background outside the mask stays pure white.
 */
function silhouetteWeight(shape: FingertipShape, x: number, y: number): number {
  const r = fingertipRadius(shape, x, y);
  // Radius units to pixels: the smaller semi-axis is a safe (slightly steep) scale.
  const px = (1 - r) * Math.min(shape.left, shape.right, shape.top, shape.bottom);
  return smoothstep(0, SILHOUETTE_EDGE, px);
}
