/**
 * Smooth random fields: value noise on a coarse lattice interpolated with a quintic fade (Perlin, "Improving
 * noise", SIGGRAPH 2002, for the C2-continuous fade curve). They perturb the orientation and frequency maps of a
 * master print and vary pressure, moisture, background and contact across an impression. A field with lattice cell
 * `cell` pixels has no detail finer than about `cell`, which is how each use states its spatial scale.
 */
import type { Prng } from './prng.js';

/** Quintic fade 6t^5 - 15t^4 + 10t^3: zero first and second derivatives at the lattice nodes. */
function fade(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

/**
 * A width x height field of value noise with lattice spacing `cell` pixels, values in [-1, 1] (lattice values
 * are uniform in [-1, 1]; interpolation never leaves their range), row-major.
 */
export function smoothNoise(width: number, height: number, cell: number, prng: Prng): Float32Array {
  const gw = Math.ceil(width / cell) + 2;
  const gh = Math.ceil(height / cell) + 2;
  const lattice = new Float32Array(gw * gh);
  for (let i = 0; i < lattice.length; i++) lattice[i] = prng.range(-1, 1);
  // A random sub-cell offset, so lattice nodes of different fields do not line up.
  const ox = prng.uniform() * cell;
  const oy = prng.uniform() * cell;
  const out = new Float32Array(width * height);
  const fx = new Float32Array(width);
  const ix = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const gx = (x + ox) / cell;
    ix[x] = Math.floor(gx);
    fx[x] = fade(gx - ix[x]);
  }
  for (let y = 0; y < height; y++) {
    const gy = (y + oy) / cell;
    const iy = Math.floor(gy);
    const ty = fade(gy - iy);
    const row0 = iy * gw;
    const row1 = row0 + gw;
    for (let x = 0; x < width; x++) {
      const i = ix[x];
      const tx = fx[x];
      const a = lattice[row0 + i] + (lattice[row0 + i + 1] - lattice[row0 + i]) * tx;
      const b = lattice[row1 + i] + (lattice[row1 + i + 1] - lattice[row1 + i]) * tx;
      out[y * width + x] = a + (b - a) * ty;
    }
  }
  return out;
}

/**
 * Sum of `octaves` {@link smoothNoise} fields, each with half the cell and half the amplitude of the previous
 * ("fractal" noise), rescaled so the result stays within [-1, 1].
 */
export function fractalNoise(width: number, height: number, cell: number, octaves: number, prng: Prng): Float32Array {
  const out = new Float32Array(width * height);
  let amplitude = 1;
  let total = 0;
  for (let o = 0; o < octaves; o++) {
    const layer = smoothNoise(width, height, Math.max(1, cell / 2 ** o), prng);
    for (let i = 0; i < out.length; i++) out[i] += amplitude * layer[i];
    total += amplitude;
    amplitude /= 2;
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}
