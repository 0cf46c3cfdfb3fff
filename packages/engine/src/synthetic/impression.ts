/**
 * Impressions: what a sensor captures when the synthetic finger of a {@link MasterPrint} is pressed on it once.
 * SFinGe's second stage (Cappelli, Maio, Maltoni, "Synthetic fingerprint-database generation", ICPR 2002;
 * Handbook of Fingerprint Recognition, 2nd ed., 2009, chapter 6), in its order:
 * 1. skin condition (the capture's, and the finger's own wear, see skin-wear.ts) and pressure change ridge
 *    thickness: the master's smooth ridge field is thresholded above 0 (light pressure, dry skin: thin and broken
 *    ridges) or below 0 (heavy pressure, wet skin: thick, merged ridges), with dry and wet patches from smooth
 *    noise rather than uniformly;
 * 2. only the contact region prints: an ellipse shifted and shrunk from the silhouette with an irregular border,
 *    ridges fading and thinning towards it;
 * 3. plastic distortion (plastic-distortion.ts) moves the skin outside the close-contact region;
 * 4. the finger lands displaced and rotated on the sensor;
 * 5. rendering: optical blur, a slowly varying background, sensor noise.
 * Parameters come from impression-parameters.ts. Each stage draws from its own PRNG stream of the impression
 * seed, so impressions are reproducible byte for byte.
 */
import { EngineError } from '../errors.js';
import { ENGINE_DPI, type GrayImage, MAX_IMAGE_SIDE } from '../image/gray-image.js';
import { fingertipRadius } from './fingertip-mask.js';
import { gaussianBlur } from './gaussian-blur.js';
import {
  type ImpressionParameters,
  type ImpressionPreset,
  sampleImpressionParameters,
} from './impression-parameters.js';
import type { MasterPrint } from './master-print.js';
import { type PlasticDistortion, undistortPoint } from './plastic-distortion.js';
import { deriveSeed, Prng } from './prng.js';
import { fractalNoise, smoothNoise } from './smooth-noise.js';
import { smoothstep } from './smoothstep.js';

/** Options of {@link generateImpression}. */
export interface ImpressionOptions {
  /** Capture-quality preset the parameters are drawn from (default `typical`). */
  readonly preset?: ImpressionPreset;
  /** Output frame width in pixels (default: the master's). The contact region is centred before the finger moves. */
  readonly width?: number;
  /** Output frame height in pixels (default: the master's). */
  readonly height?: number;
}

/** Smallest output side: 150 px (0.3 inch), half the narrowest FVC frame (FVC2002 DB3, 300 x 300 px). */
export const MIN_IMPRESSION_SIDE = 150;

/** Fine skin noise acts where its value field exceeds ±0.4, about a fifth of the area. */
const SKIN_SPOT = 0.4;

/** PRNG streams of the impression stages. */
const STREAM = { parameters: 1, contact: 2, skin: 3, background: 4, sensor: 5 } as const;

/** Half-width of the ridge edge in ridge-field units: the master field goes from -1 to 1 over half a period. */
const RIDGE_EDGE = 0.12;

/**
 * Renders impression `seed` of `master` with parameters drawn from `options.preset` (any number as seed; equal
 * inputs give identical bytes). Throws ENGINE_IMAGE_INVALID for a non-integer frame size, ENGINE_IMAGE_TOO_SMALL
 * below {@link MIN_IMPRESSION_SIDE} px and ENGINE_IMAGE_TOO_LARGE above 4096 px per side.
 */
export function generateImpression(master: MasterPrint, seed: number, options: ImpressionOptions = {}): GrayImage {
  const parameters = impressionParameters(seed, options.preset ?? 'typical');
  return renderImpression(master, parameters, seed, options.width ?? master.image.width, options.height ?? master.image.height);
}

/** The parameters {@link generateImpression} draws for `seed` under `preset`, for reports and tests. */
export function impressionParameters(seed: number, preset: ImpressionPreset = 'typical'): ImpressionParameters {
  return sampleImpressionParameters(preset, new Prng(deriveSeed(seed, STREAM.parameters)));
}

function renderImpression(
  master: MasterPrint,
  p: ImpressionParameters,
  seed: number,
  width: number,
  height: number,
): GrayImage {
  if (!Number.isInteger(width) || !Number.isInteger(height)) {
    throw new EngineError('ENGINE_IMAGE_INVALID', `impression frame size must be integers, got ${width}x${height}`);
  }
  if (width < MIN_IMPRESSION_SIDE || height < MIN_IMPRESSION_SIDE) {
    throw new EngineError(
      'ENGINE_IMAGE_TOO_SMALL',
      `an impression frame needs at least ${MIN_IMPRESSION_SIDE} px per side, got ${width}x${height}`,
    );
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new EngineError('ENGINE_IMAGE_TOO_LARGE', `impression frame ${width}x${height} exceeds ${MAX_IMAGE_SIDE} px per side`);
  }
  const mw = master.image.width;
  const mh = master.image.height;
  const shape = master.shape;
  const halfWidth = (shape.left + shape.right) / 2;

  // Contact region, in master coordinates: the silhouette's ellipse shifted and scaled.
  const contactX = shape.cx + p.contactOffsetX * halfWidth;
  const contactY = shape.cy + p.contactOffsetY * (p.contactOffsetY < 0 ? shape.top : shape.bottom);
  const contactRx = p.contactScale * halfWidth;
  const contactTop = p.contactScale * shape.top;
  const contactBottom = p.contactScale * shape.bottom;
  const contactPrng = new Prng(deriveSeed(seed, STREAM.contact));
  // The contact border is not a clean ellipse: ±10 % of the radius, varying over 60-100 px.
  const border = smoothNoise(mw, mh, contactPrng.range(60, 100), contactPrng);

  const distortion: PlasticDistortion = {
    cx: contactX,
    cy: contactY,
    rx: p.closeContact * contactRx,
    ry: p.closeContact * (contactTop + contactBottom) * 0.5,
    rotation: (p.distortionRotation * Math.PI) / 180,
    dx: p.distortionShift * Math.cos((p.distortionDirection * Math.PI) / 180),
    dy: p.distortionShift * Math.sin((p.distortionDirection * Math.PI) / 180),
    k: p.distortionBrake,
  };

  // Skin condition: dry or wet patches (cells of 30-60 px) and the fine grain that breaks dry ridges (5-8 px,
  // about one ridge width, as sweat pores and flakes break real ones).
  const skinPrng = new Prng(deriveSeed(seed, STREAM.skin));
  const patches = smoothNoise(mw, mh, skinPrng.range(30, 60), skinPrng);
  const grain = smoothNoise(mw, mh, skinPrng.range(5, 8), skinPrng);
  // Fine skin noise: only its strongest lobes act, spots of half a ridge width to a ridge width, so it leaves most
  // ridges alone and breaks or bridges a few, the way flakes and sweat drops do.
  const speckle = smoothNoise(mw, mh, skinPrng.range(4, 8), skinPrng);

  const alpha = (p.rotation * Math.PI) / 180;
  const cosA = Math.cos(alpha);
  const sinA = Math.sin(alpha);
  const ink = new Float32Array(width * height);
  const point: [number, number] = [0, 0];
  const baseThreshold = -0.4 * p.pressure;
  // A worn finger (skin-wear.ts) is drier, rougher and fainter in every capture, whatever the capture's own
  // conditions.
  const wear = master.skinWear;
  const dryness = Math.min(1, Math.max(0, -p.moisture) + 0.6 * wear);
  const wetness = Math.max(0, p.moisture);
  const skinNoise = p.skinNoise * (1 + wear);
  const contrast = p.contrast * (1 - 0.3 * wear);
  for (let oy = 0; oy < height; oy++) {
    for (let ox = 0; ox < width; ox++) {
      // Output pixel -> finger position before the rigid move. The subject centres what touches the sensor, so
      // the contact centre lands on the frame centre, then the finger is rotated about it and shifted.
      const ux = ox + 0.5 - width / 2 - p.translationX;
      const uy = oy + 0.5 - height / 2 - p.translationY;
      const wx = cosA * ux + sinA * uy + contactX;
      const wy = -sinA * ux + cosA * uy + contactY;
      undistortPoint(distortion, wx, wy, point);
      const vx = point[0];
      const vy = point[1];
      if (vx < 0 || vy < 0 || vx > mw - 1 || vy > mh - 1) continue;
      const silhouette = 1 - smoothstep(0.985, 1.005, fingertipRadius(shape, vx, vy));
      if (silhouette === 0) continue;
      const i = Math.round(vy) * mw + Math.round(vx);
      const cdx = (vx - contactX) / contactRx;
      const cdy = (vy - contactY) / (vy < contactY ? contactTop : contactBottom);
      const contactRadius = Math.sqrt(cdx * cdx + cdy * cdy) * (1 + 0.1 * border[i]);
      const contact = 1 - smoothstep(0.85, 1.02, contactRadius);
      if (contact === 0) continue;
      const patch = Math.max(0, patches[i]);
      let threshold = baseThreshold + 0.6 * (1 - contact);
      threshold += dryness * (0.15 + 0.45 * patch + 0.5 * Math.max(0, grain[i]));
      threshold -= wetness * (0.2 + 0.6 * patch);
      const spot = speckle[i];
      if (spot > SKIN_SPOT) threshold += (skinNoise * 2 * (spot - SKIN_SPOT)) / (1 - SKIN_SPOT);
      else if (spot < -SKIN_SPOT) threshold += (skinNoise * 2 * (spot + SKIN_SPOT)) / (1 - SKIN_SPOT);
      let value = smoothstep(threshold - RIDGE_EDGE, threshold + RIDGE_EDGE, sampleBilinear(master.ridges, mw, vx, vy));
      value *= 1 - 0.5 * dryness * patch;
      // Wet blotches: sweat fills the valleys too.
      value = Math.max(value, 0.35 * wetness * patch);
      ink[oy * width + ox] = value * contact * silhouette;
    }
  }

  const blurred = gaussianBlur(ink, width, height, p.blur);
  const backgroundPrng = new Prng(deriveSeed(seed, STREAM.background));
  // Uneven illumination of the sensor: ±8 grey levels over 120-200 px.
  const lighting = fractalNoise(width, height, backgroundPrng.range(120, 200), 2, backgroundPrng);
  const sensor = new Prng(deriveSeed(seed, STREAM.sensor));
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const g = p.background + 8 * lighting[i] - contrast * blurred[i] + sensor.normal(0, p.noise);
    pixels[i] = g <= 0 ? 0 : g >= 255 ? 255 : Math.round(g);
  }
  return { width, height, dpi: ENGINE_DPI, pixels };
}

/** Bilinear sample of a row-major field at (x, y), 0 <= x <= width - 1, 0 <= y <= height - 1. */
function sampleBilinear(field: Float32Array, width: number, x: number, y: number): number {
  const x0 = Math.min(Math.floor(x), width - 2);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * width + x0;
  const below = fy > 0 ? width : 0;
  const top = field[i] + (field[i + 1] - field[i]) * fx;
  const bottom = field[i + below] + (field[i + below + 1] - field[i + below]) * fx;
  return top + (bottom - top) * fy;
}
