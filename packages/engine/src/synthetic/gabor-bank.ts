/**
 * A bank of small even-symmetric Gabor kernels, one per quantised (orientation, period), for the ridge growth of
 * master prints. A Gabor kernel tuned to the local ridge orientation and period reinforces ridges that follow the
 * flow and suppresses anything else (Hong, Wan, Jain, "Fingerprint image enhancement", IEEE TPAMI 20(8), 1998);
 * iterating it from a few seeds grows a ridge pattern (Cappelli, Erol, Maio, Maltoni, ICPR 2000).
 *
 * Kernels are stored sparse (taps as buffer offsets plus weights) over a disc of radius 6 px, about 113 taps. The
 * Gaussian envelope (σ = 0.36 period across the ridges, 0.42 period along them) is cut where it has fallen to
 * about 10-45 % of its peak for 8-11 px periods: a truncation that trades some selectivity for speed, which the
 * repeated passes make up for. A bank can also be built for half resolution (periods 3.75-6 px, radius 3 px,
 * about 29 taps), where the growth does most of its passes at a sixteenth of the cost. Each kernel has zero mean,
 * so flat regions give no response, and unit gain on a cosine of its own period, so a clipped pattern of
 * amplitude 1 (gain 4/π on its fundamental) keeps growing until it saturates.
 */

/** Radius of every kernel's support, in pixels. */
export const GABOR_RADIUS = 6;

/** Orientation steps over [0, π): 7.5 degrees each, finer than the flow changes between neighbouring ridges. */
export const GABOR_ORIENTATIONS = 24;

/** Period steps: 0.25 px from 7.5 px up. */
export const GABOR_PERIOD_MIN = 7.5;
export const GABOR_PERIOD_STEP = 0.25;
export const GABOR_PERIODS = 19;

/** One sparse kernel: `offsets[k]` is the buffer offset of tap k (dy * stride + dx), `weights[k]` its weight. */
export interface SparseKernel {
  readonly offsets: Int32Array;
  readonly weights: Float32Array;
}

/** A bank of kernels for buffers of row length `stride`, indexed by {@link gaborIndex}. */
export interface GaborBank {
  readonly stride: number;
  readonly kernels: readonly SparseKernel[];
}

/** The bank index of the kernel nearest to orientation `theta` (radians, [0, π)) and `period` (pixels). */
export function gaborIndex(theta: number, period: number): number {
  let o = Math.round((theta / Math.PI) * GABOR_ORIENTATIONS) % GABOR_ORIENTATIONS;
  if (o < 0) o += GABOR_ORIENTATIONS;
  const p = Math.min(GABOR_PERIODS - 1, Math.max(0, Math.round((period - GABOR_PERIOD_MIN) / GABOR_PERIOD_STEP)));
  return o * GABOR_PERIODS + p;
}

/**
 * Builds every kernel of the bank for buffers whose rows are `stride` values long, for images sampled `scale`
 * times more coarsely than 500 dpi (1 or 2): periods and the support radius shrink by `scale`, so index
 * {@link gaborIndex} still takes the 500-dpi period.
 */
export function buildGaborBank(stride: number, scale = 1): GaborBank {
  const kernels: SparseKernel[] = [];
  for (let o = 0; o < GABOR_ORIENTATIONS; o++) {
    const theta = (o * Math.PI) / GABOR_ORIENTATIONS;
    for (let p = 0; p < GABOR_PERIODS; p++) {
      const period = GABOR_PERIOD_MIN + p * GABOR_PERIOD_STEP;
      kernels.push(gaborKernel(theta, period / scale, GABOR_RADIUS / scale, stride));
    }
  }
  return { stride, kernels };
}

function gaborKernel(theta: number, period: number, r: number, stride: number): SparseKernel {
  const sigmaAcross = 0.36 * period;
  const sigmaAlong = 0.42 * period;
  const reach = Math.ceil(r);
  const offsets: number[] = [];
  const envelope: number[] = [];
  const carrier: number[] = [];
  // The ridge at angle θ runs along (cos θ, -sin θ) in image coordinates; across it is (sin θ, cos θ).
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      if (dx * dx + dy * dy > r * r + r) continue;
      const across = dx * s + dy * c;
      const along = dx * c - dy * s;
      offsets.push(dy * stride + dx);
      envelope.push(Math.exp(-0.5 * ((across / sigmaAcross) ** 2 + (along / sigmaAlong) ** 2)));
      carrier.push(Math.cos((2 * Math.PI * across) / period));
    }
  }
  // Remove the DC component (a multiple of the envelope) so flat input gives zero response.
  let sumEnvelope = 0;
  let sumProduct = 0;
  for (let k = 0; k < envelope.length; k++) {
    sumEnvelope += envelope[k];
    sumProduct += envelope[k] * carrier[k];
  }
  const dc = sumProduct / sumEnvelope;
  const weights = envelope.map((e, k) => e * (carrier[k] - dc));
  // Unit response to a cosine of the kernel's own period and orientation.
  let gain = 0;
  for (let k = 0; k < weights.length; k++) gain += weights[k] * carrier[k];
  return { offsets: Int32Array.from(offsets), weights: Float32Array.from(weights, (w) => w / gain) };
}
