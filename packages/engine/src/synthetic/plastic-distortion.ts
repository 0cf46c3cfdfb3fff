/**
 * Plastic (elastic) skin distortion between two impressions of a finger, after Cappelli, Maio and Maltoni,
 * "Modelling plastic distortion in fingerprint images", ICAPR 2001 (LNCS 2013), used by SFinGe to make
 * impressions of one master differ the way real ones do. Pressing and twisting a finger on a flat sensor leaves
 * three regions:
 * - a close-contact region (an ellipse around the contact centre r) held by friction, which does not move;
 * - an external region, far from it, which moves rigidly: rotated by θ about r and translated by d;
 * - a transitional region between them, where the displacement grows smoothly from none to the rigid one.
 * So distortion(v) = v + Δ(v) · brake(s(v)), with Δ(v) = R_θ(v - r) + r + d - v the rigid displacement and s(v)
 * the distance from v to the close-contact ellipse along the ray from r. The paper's brake rises monotonically
 * from 0 to 1 with a sharpness k; we use brake(s) = 1 - exp(-(s/k)²), which is also smooth at s = 0 so the
 * distorted ridges have no kink at the ellipse.
 *
 * Rendering needs the inverse (for each output pixel, where in the master it comes from). The model has no closed
 * form inverse; we solve v + Δ(v)·brake(s(v)) = u by fixed-point iteration from v = u, which converges because
 * the displacement field changes slowly (its Jacobian norm stays well below 1 for the ranges of
 * impression-parameters.ts: |θ| <= 9°, |d| <= 25 px, k >= 40 px; test/synthetic-distortion.test.ts checks the
 * round trip at those limits).
 */

/** One distortion, in pixels and radians of the master frame (y grows downwards). */
export interface PlasticDistortion {
  /** Centre r of the close-contact region. */
  readonly cx: number;
  readonly cy: number;
  /** Semi-axes of the close-contact ellipse. */
  readonly rx: number;
  readonly ry: number;
  /** Rotation θ of the external region about r. */
  readonly rotation: number;
  /** Translation d of the external region. */
  readonly dx: number;
  readonly dy: number;
  /** Brake sharpness k: the transitional region is about 2k wide. */
  readonly k: number;
}

/** Most fixed-point iterations of the inverse; each divides the error by at least 2 in the supported ranges. */
const INVERSE_ITERATIONS = 16;

/** The inverse stops once an iteration moves the estimate by less than this, in pixels. */
const INVERSE_TOLERANCE = 0.002;

/** Where the master point (x, y) lands after distortion; writes into `out` [x, y] and returns it. */
export function distortPoint(d: PlasticDistortion, x: number, y: number, out: [number, number]): [number, number] {
  return distortWith(d, Math.cos(d.rotation), Math.sin(d.rotation), x, y, out);
}

/** The master point that the distortion moves to (x, y); writes into `out` [x, y] and returns it. */
export function undistortPoint(d: PlasticDistortion, x: number, y: number, out: [number, number]): [number, number] {
  const c = Math.cos(d.rotation);
  const s = Math.sin(d.rotation);
  let vx = x;
  let vy = y;
  for (let i = 0; i < INVERSE_ITERATIONS; i++) {
    distortWith(d, c, s, vx, vy, out);
    // v ← u - (distortion(v) - v)
    const nx = x - (out[0] - vx);
    const ny = y - (out[1] - vy);
    const step = Math.abs(nx - vx) + Math.abs(ny - vy);
    vx = nx;
    vy = ny;
    if (step < INVERSE_TOLERANCE) break;
  }
  out[0] = vx;
  out[1] = vy;
  return out;
}

/** {@link distortPoint} with the rotation's cosine and sine computed once by the caller. */
function distortWith(
  d: PlasticDistortion,
  c: number,
  s: number,
  x: number,
  y: number,
  out: [number, number],
): [number, number] {
  const ex = x - d.cx;
  const ey = y - d.cy;
  const rho = Math.sqrt((ex / d.rx) ** 2 + (ey / d.ry) ** 2);
  if (rho <= 1) {
    out[0] = x;
    out[1] = y;
    return out;
  }
  const gap = Math.sqrt(ex * ex + ey * ey) * (1 - 1 / rho);
  const brake = 1 - Math.exp(-((gap / d.k) ** 2));
  out[0] = x + brake * (c * ex - s * ey + d.dx - ex);
  out[1] = y + brake * (s * ex + c * ey + d.dy - ey);
  return out;
}
