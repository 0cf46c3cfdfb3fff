/**
 * The ridge orientation of a template-level synthetic finger, evaluated at single points. The model is the master
 * prints' (orientation-model.ts: Sherlock-Monro zero-pole field around the cores and deltas, the arch ridge family
 * blended in away from them, a smooth random perturbation); only the perturbation differs in how it is stored: a
 * master print rasterises it for every pixel, while a template needs the field at a few dozen minutiae, so here
 * the same two-octave value noise (smooth-noise.ts: lattice cell 100-160 px, quintic fade) is kept as its lattice
 * and interpolated on demand.
 *
 * Also the flow's divergence div t of the unit ridge tangent t: positive where neighbouring ridges spread apart
 * along t, which is where ridges must begin (minutiae-parameters.ts, POLARITY_GAIN).
 */
import type { FingertipShape } from './fingertip-mask.js';
import * as parameters from './minutiae-parameters.js';
import { modelOrientation, type OrientationModel, sampleOrientationModel } from './orientation-model.js';
import type { Prng } from './prng.js';
import type { SingularPoint } from './singular-points.js';

const STEP = parameters.DIVERGENCE_STEP;
// Module-local copies of the outline blend (minutiae-parameters.ts): imported bindings may compile to getters.
const OUTLINE_INNER = parameters.OUTLINE_INNER;
const OUTLINE_OUTER = parameters.OUTLINE_OUTER;
const OUTLINE_LOWEST = parameters.OUTLINE_LOWEST;
const OUTLINE_FADE = parameters.OUTLINE_FADE;

/** Octaves of the perturbation, as the master prints' fractalNoise(…, 2, …). */
const NOISE_OCTAVES = 2;

/** One octave of value noise kept as its lattice. */
interface NoiseLattice {
  readonly cell: number;
  readonly columns: number;
  readonly values: Float32Array;
  readonly ox: number;
  readonly oy: number;
  readonly weight: number;
}

/** A finger's orientation model with its perturbation lattices. */
export interface PointOrientation {
  readonly model: OrientationModel;
  readonly octaves: readonly NoiseLattice[];
  readonly shape: FingertipShape;
}

/** Draws the orientation of a finger of `width` x `height` px whose silhouette is `shape`. */
export function samplePointOrientation(
  width: number,
  height: number,
  shape: FingertipShape,
  singularities: readonly SingularPoint[],
  prng: Prng,
): PointOrientation {
  const model = sampleOrientationModel(shape, singularities, prng);
  const cell = prng.range(100, 160);
  const octaves: NoiseLattice[] = [];
  let weight = 1;
  let total = 0;
  for (let o = 0; o < NOISE_OCTAVES; o++) {
    const c = cell / 2 ** o;
    const columns = Math.ceil(width / c) + 2;
    const rows = Math.ceil(height / c) + 2;
    const values = new Float32Array(columns * rows);
    for (let i = 0; i < values.length; i++) values[i] = prng.range(-1, 1);
    octaves.push({ cell: c, columns, values, ox: prng.uniform() * c, oy: prng.uniform() * c, weight });
    total += weight;
    weight /= 2;
  }
  return { model, octaves: octaves.map((o) => ({ ...o, weight: o.weight / total })), shape };
}

function fade(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

/** The perturbation at (x, y), in [-1, 1]. Points outside the lattice are clamped to its border. */
function noiseAt(octaves: readonly NoiseLattice[], x: number, y: number): number {
  let sum = 0;
  for (const o of octaves) {
    const gx = Math.max(0, (x + o.ox) / o.cell);
    const gy = Math.max(0, (y + o.oy) / o.cell);
    const rows = o.values.length / o.columns;
    const ix = Math.min(o.columns - 2, Math.floor(gx));
    const iy = Math.min(rows - 2, Math.floor(gy));
    const tx = fade(Math.min(1, gx - ix));
    const ty = fade(Math.min(1, gy - iy));
    const r0 = iy * o.columns + ix;
    const r1 = r0 + o.columns;
    const v = o.values;
    const a = v[r0]! + (v[r0 + 1]! - v[r0]!) * tx;
    const b = v[r1]! + (v[r1 + 1]! - v[r1]!) * tx;
    sum += o.weight * (a + (b - a) * ty);
  }
  return sum;
}

/**
 * Ridge orientation at (x, y): radians, not wrapped (callers add 0 or π and wrap once). The model's, turned towards
 * the fingertip's outline near it (see {@link outlineWeight}).
 */
export function orientationAt(field: PointOrientation, x: number, y: number): number {
  const theta = modelOrientation(field.model, x, y) + field.model.amplitude * noiseAt(field.octaves, x, y);
  const shape = field.shape;
  const ex = (x - shape.cx) / (x < shape.cx ? shape.left : shape.right);
  const ey = (y - shape.cy) / (y < shape.cy ? shape.top : shape.bottom);
  const w = outlineWeight(Math.sqrt(ex * ex + ey * ey), ey);
  if (w === 0) return theta;
  // Tangent of the ellipse through (x, y): perpendicular to its normal (ex / a, ey / b), as an orientation with
  // y up (the template convention).
  const nx = ex / (x < shape.cx ? shape.left : shape.right);
  const ny = ey / (y < shape.cy ? shape.top : shape.bottom);
  const outline = Math.atan2(-nx, -ny); // tangent (-ny, nx) in image axes, angle measured with y up
  return theta + w * orientationDifference(outline, theta);
}

/**
 * How far the ridges at normalised silhouette radius `radius` (1 on the outline) and normalised height `height`
 * (-1 at the top, 1 at the bottom) follow the outline instead of the pattern: ridges around the pattern area run
 * parallel to the fingertip's edge, down its sides, while towards the crease they run across the finger. On FVC,
 * minutiae at the left and right of the pattern area point down in 61-62 % of cases and up in 24-31 % (along the
 * outline), where the zero-pole field alone keeps them mostly horizontal. Parameters: minutiae-parameters.ts.
 */
function outlineWeight(radius: number, height: number): number {
  const r = Math.min(1, Math.max(0, (radius - OUTLINE_INNER) / (OUTLINE_OUTER - OUTLINE_INNER)));
  const h = Math.min(1, Math.max(0, (OUTLINE_LOWEST - height) / OUTLINE_FADE));
  return r * r * (3 - 2 * r) * h;
}

/** Difference of two orientations folded into [-π/2, π/2): orientations are undirected. */
function orientationDifference(a: number, b: number): number {
  let d = (a - b) % Math.PI;
  if (d >= Math.PI / 2) d -= Math.PI;
  else if (d < -Math.PI / 2) d += Math.PI;
  return d;
}

/**
 * The divergence of the unit ridge tangent t = (cos θ, -sin θ) at (x, y), 1/px, for the orientation `theta`
 * already evaluated there. div t = -sin θ ∂θ/∂x - cos θ ∂θ/∂y is the derivative of θ along n = (-sin θ, -cos θ),
 * the normal to the ridges, so one forward difference over DIVERGENCE_STEP along n gives it. Its sign is relative
 * to t (θ, not θ + π).
 */
export function divergenceAt(field: PointOrientation, x: number, y: number, theta: number): number {
  const ahead = orientationAt(field, x - STEP * Math.sin(theta), y - STEP * Math.cos(theta));
  return orientationDifference(ahead, theta) / STEP;
}
