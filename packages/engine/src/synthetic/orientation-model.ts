/**
 * The ridge orientation field of a master print.
 *
 * Classes with singular points use the zero-pole model of Sherlock and Monro ("A model for interpreting
 * fingerprint topology", Pattern Recognition 26(7), 1993): seen as a complex plane, the orientation at z is
 *   θ(z) = θ∞ + ½ [ Σ_cores arg(z - c) - Σ_deltas arg(z - d) ],
 * so every core has Poincaré index +1/2 and every delta -1/2 by construction. Each arg is discontinuous across its
 * branch cut by 2π, which the factor ½ turns into a jump of π: no jump at all for an undirected orientation.
 *
 * An arch has no singular point, and the zero-pole model then gives parallel straight ridges. Instead we use the
 * ridge family y = c + h·exp(-(x/w)²) (bumps of height h and width w whose height fades towards the palm),
 * whose slope gives the orientation, in the spirit of the arch model SFinGe adds to Sherlock-Monro (Cappelli,
 * Erol, Maio, Maltoni, ICPR 2000; Vizcaya and Gerhardt, Pattern Recognition 29(7), 1996, for the need to correct the
 * zero-pole field).
 *
 * Far from their singular points (beyond 60-180 px) the other classes get the same arch slope added, with a
 * smaller height, because the zero-pole field alone flattens into horizontal lines there while real ridges keep
 * arching over the pattern area. Both additions are continuous and single-valued, so neither moves a singular point.
 *
 * A smooth random field (cell 100-160 px, amplitude up to ±0.2 rad) is then added to the angle. Being continuous
 * and single-valued it cannot create or move a singular point: the Poincaré index around any loop is unchanged.
 *
 * Angles are radians in [0, π), counter-clockwise from +x as the image is viewed (y grows downwards), the
 * convention of the engine's templates, so a ridge at angle θ runs along the image vector (cos θ, -sin θ).
 */
import type { FingertipShape } from './fingertip-mask.js';
import type { Prng } from './prng.js';
import type { SingularPoint } from './singular-points.js';
import { fractalNoise } from './smooth-noise.js';

/** Parameters of the arch ridge family, drawn per print. */
interface ArchModel {
  readonly x0: number;
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The drawn parameters of one print's orientation field apart from its noise raster: the singular points, the arch
 * ridge family and the amplitude of the smooth perturbation. Template-level generators (minutiae-*.ts) evaluate it
 * at single points with {@link modelOrientation} instead of rasterising the whole field.
 */
export interface OrientationModel {
  readonly singularities: readonly SingularPoint[];
  readonly arch: ArchModel;
  /** Amplitude of the smooth random perturbation, radians. */
  readonly amplitude: number;
}

/** Distances (px) from the nearest singular point over which the arch slope is blended into the zero-pole field. */
const ARCH_BLEND_NEAR = 60;
const ARCH_BLEND_FAR = 180;

/** Wraps an angle into [0, π). */
export function wrapOrientation(theta: number): number {
  const t = theta % Math.PI;
  return t < 0 ? t + Math.PI : t;
}

/** Draws the arch family and the perturbation amplitude of a print on `shape` with these singular points. */
export function sampleOrientationModel(
  shape: FingertipShape,
  singularities: readonly SingularPoint[],
  prng: Prng,
): OrientationModel {
  const plainArch = singularities.length === 0;
  const arch: ArchModel = {
    x0: shape.cx + prng.range(-0.15, 0.15) * shape.left,
    width: prng.range(0.4, 0.6) * (shape.left + shape.right) * 0.5,
    height: plainArch ? prng.range(60, 130) : prng.range(30, 70),
    top: shape.cy - shape.top,
    bottom: shape.cy + shape.bottom,
  };
  return { singularities, arch, amplitude: prng.range(0.08, 0.2) };
}

/**
 * The model's orientation at (x, y) before the smooth perturbation, radians, not wrapped: the zero-pole field
 * with the arch slope blended in away from the singular points, or the arch slope alone for a plain arch.
 */
export function modelOrientation(model: OrientationModel, x: number, y: number): number {
  const { singularities } = model;
  const base = archOrientation(model.arch, x, y);
  if (singularities.length === 0) return base;
  // Far from the singular points the zero-pole field tends to straight horizontal ridges, while ridges really
  // arch over the pattern area following the fingertip; blend the arch slope in with distance.
  let nearest = Infinity;
  for (const s of singularities) nearest = Math.min(nearest, Math.hypot(x - s.x, y - s.y));
  const t = Math.min(1, Math.max(0, (nearest - ARCH_BLEND_NEAR) / (ARCH_BLEND_FAR - ARCH_BLEND_NEAR)));
  return zeroPoleOrientation(singularities, x, y) + t * t * (3 - 2 * t) * base;
}

/**
 * The orientation field of a width x height master: zero-pole model around `singularities`, or the arch model
 * when there are none, plus a smooth random perturbation. Per pixel, radians in [0, π).
 */
export function orientationField(
  width: number,
  height: number,
  shape: FingertipShape,
  singularities: readonly SingularPoint[],
  prng: Prng,
): Float32Array {
  const out = new Float32Array(width * height);
  const model = sampleOrientationModel(shape, singularities, prng);
  const noise = fractalNoise(width, height, prng.range(100, 160), 2, prng);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      out[y * width + x] = wrapOrientation(modelOrientation(model, x, y) + model.amplitude * noise[y * width + x]);
    }
  }
  return out;
}

/** Sherlock-Monro orientation at pixel (x, y); θ∞ = 0 (horizontal ridges far from every singular point). */
export function zeroPoleOrientation(singularities: readonly SingularPoint[], x: number, y: number): number {
  let sum = 0;
  for (const s of singularities) {
    // Complex plane with the imaginary axis pointing up, so arg is counter-clockwise as viewed.
    const a = Math.atan2(s.y - y, x - s.x);
    sum += s.type === 'core' ? a : -a;
  }
  return sum / 2;
}

function archOrientation(arch: ArchModel, x: number, y: number): number {
  // The bumps are highest near the fingertip and flatten towards the crease, as arch ridges do.
  const t = Math.min(1, Math.max(0, (arch.bottom - y) / (arch.bottom - arch.top)));
  const h = arch.height * (0.15 + 0.85 * t);
  const u = (x - arch.x0) / arch.width;
  // Slope of y_up = c + h·exp(-u²) with respect to x: rising left of the peak, falling right of it.
  const slope = ((-2 * h * u) / arch.width) * Math.exp(-u * u);
  return Math.atan(slope);
}
