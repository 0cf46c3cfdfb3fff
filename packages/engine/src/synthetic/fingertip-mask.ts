/**
 * The silhouette of a fingertip pressed on a plain (flat) 500-dpi sensor. SFinGe builds it from four elliptical
 * quarters with independent semi-axes (Cappelli, Erol, Maio, Maltoni, "Synthetic fingerprint-image generation",
 * ICPR 2000); we use superellipse quarters instead, |dx/a|^p + |dy/b|^p <= 1, so the lower half can be
 * squarer (p > 2) as a finger is where it meets the first flexion crease, while the top stays round (p near 2).
 *
 * Sizes are those of plain 500-dpi captures: a fingertip is 15-19 mm wide (300-380 px) and the pressed area is
 * 18-24 mm tall (350-480 px) on a sensor as tall as the FVC2002 ones.
 */
import { EngineError } from '../errors.js';
import type { Prng } from './prng.js';

/** Superellipse quarters around a centre, in pixels at 500 dpi (y grows downwards). */
export interface FingertipShape {
  readonly cx: number;
  readonly cy: number;
  /** Semi-axis to the left of the centre. */
  readonly left: number;
  /** Semi-axis to the right of the centre. */
  readonly right: number;
  /** Semi-axis above the centre (towards the fingertip). */
  readonly top: number;
  /** Semi-axis below the centre (towards the palm). */
  readonly bottom: number;
  /** Superellipse exponent of the upper half. */
  readonly topExponent: number;
  /** Superellipse exponent of the lower half. */
  readonly bottomExponent: number;
}

/** Smallest frame a master print fits in: the smallest silhouette drawn below plus a 4-px margin. */
export const MIN_MASTER_WIDTH = 308;
export const MIN_MASTER_HEIGHT = 358;

/**
 * Draws a silhouette that fits a width x height frame with a 4-px margin: width 300-380 px and height 350-480 px
 * where the frame allows, centred horizontally within ±8 px and touching the upper part of the frame, as a
 * fingertip does when it is placed on a sensor.
 * Throws ENGINE_IMAGE_TOO_SMALL when the frame is smaller than {@link MIN_MASTER_WIDTH} x {@link MIN_MASTER_HEIGHT}.
 */
export function sampleFingertipShape(width: number, height: number, prng: Prng): FingertipShape {
  if (width < MIN_MASTER_WIDTH || height < MIN_MASTER_HEIGHT) {
    throw new EngineError(
      'ENGINE_IMAGE_TOO_SMALL',
      `a master print needs a frame of at least ${MIN_MASTER_WIDTH}x${MIN_MASTER_HEIGHT} px, got ${width}x${height}`,
    );
  }
  const margin = 4;
  const totalWidth = Math.min(prng.range(300, 380), width - 2 * margin);
  const asymmetry = prng.range(-0.06, 0.06);
  const left = (totalWidth / 2) * (1 + asymmetry);
  const right = totalWidth - left;
  const totalHeight = Math.min(prng.range(350, 480), height - 2 * margin);
  // The round top takes 40-50 % of the height: a fingertip is longer below its widest line than above it.
  const top = totalHeight * prng.range(0.4, 0.5);
  const bottom = totalHeight - top;
  const shift = Math.min(8, width / 2 - margin - Math.max(left, right));
  const cx = width / 2 + prng.range(-shift, shift);
  const slack = height - 2 * margin - totalHeight;
  const cy = margin + top + slack * prng.range(0, 0.35);
  return {
    cx,
    cy,
    left,
    right,
    top,
    bottom,
    topExponent: prng.range(2, 2.4),
    bottomExponent: prng.range(3, 4.5),
  };
}

/**
 * The superellipse "radius" of (x, y): below 1 inside the silhouette, 1 on its border, above 1 outside. Callers
 * use it both for the mask and for soft edges (contact fading towards the border).
 */
export function fingertipRadius(shape: FingertipShape, x: number, y: number): number {
  const dx = Math.abs(x - shape.cx) / (x < shape.cx ? shape.left : shape.right);
  const upper = y < shape.cy;
  const dy = Math.abs(y - shape.cy) / (upper ? shape.top : shape.bottom);
  const p = upper ? shape.topExponent : shape.bottomExponent;
  return (dx ** p + dy ** p) ** (1 / p);
}

/** Rasterises the silhouette: 1 inside, 0 outside, row-major width x height. */
export function fingertipMask(shape: FingertipShape, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) mask[y * width + x] = fingertipRadius(shape, x + 0.5, y + 0.5) <= 1 ? 1 : 0;
  }
  return mask;
}
