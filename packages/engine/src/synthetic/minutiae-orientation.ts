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
import { DIVERGENCE_STEP } from './minutiae-parameters.js';
import { modelOrientation, type OrientationModel, sampleOrientationModel } from './orientation-model.js';
import type { Prng } from './prng.js';
import type { SingularPoint } from './singular-points.js';

const STEP = DIVERGENCE_STEP;

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
  return { model, octaves: octaves.map((o) => ({ ...o, weight: o.weight / total })) };
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

/** Ridge orientation at (x, y): radians, not wrapped (callers add 0 or π and wrap once). */
export function orientationAt(field: PointOrientation, x: number, y: number): number {
  return modelOrientation(field.model, x, y) + field.model.amplitude * noiseAt(field.octaves, x, y);
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
