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
 * impression-parameters.ts: |θ| <= 7°, |d| <= 20 px, k >= 50 px).
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

/** Fixed-point iterations of the inverse; each divides the error by at least 2 in the supported ranges. */
const INVERSE_ITERATIONS = 12;

/** Where the master point (x, y) lands after distortion; writes into `out` [x, y] and returns it. */
export function distortPoint(d: PlasticDistortion, x: number, y: number, out: [number, number]): [number, number] {
  const ex = x - d.cx;
  const ey = y - d.cy;
  const rho = Math.sqrt((ex / d.rx) ** 2 + (ey / d.ry) ** 2);
  if (rho <= 1) {
    out[0] = x;
    out[1] = y;
    return out;
  }
  const s = Math.hypot(ex, ey) * (1 - 1 / rho);
  const brake = 1 - Math.exp(-((s / d.k) ** 2));
  const c = Math.cos(d.rotation);
  const sn = Math.sin(d.rotation);
  const deltaX = c * ex - sn * ey + d.dx - ex;
  const deltaY = sn * ex + c * ey + d.dy - ey;
  out[0] = x + brake * deltaX;
  out[1] = y + brake * deltaY;
  return out;
}

/** The master point that the distortion moves to (x, y); writes into `out` [x, y] and returns it. */
export function undistortPoint(d: PlasticDistortion, x: number, y: number, out: [number, number]): [number, number] {
  let vx = x;
  let vy = y;
  for (let i = 0; i < INVERSE_ITERATIONS; i++) {
    distortPoint(d, vx, vy, out);
    // v ← u - (distortion(v) - v)
    const nx = x - (out[0] - vx);
    const ny = y - (out[1] - vy);
    vx = nx;
    vy = ny;
  }
  out[0] = vx;
  out[1] = vy;
  return out;
}
