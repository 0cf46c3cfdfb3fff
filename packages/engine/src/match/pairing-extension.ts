/**
 * Extension of a grown pairing across distorted skin. Growth (pairing.ts) follows edges between nearest
 * neighbours, so it stops where distortion, a missed or a spurious minutia breaks the chain of agreeing edges,
 * even though the prints go on matching beyond. Here every minutia the growth left unpaired is placed in the
 * candidate by the rigid motion of its nearest paired neighbour (that pair's rotation and translation) and
 * paired with the closest free candidate minutia of similar direction. The tolerance grows with the distance to
 * that neighbour, as skin distortion does, so a genuine pairing extends over the whole overlap while a chance
 * pairing between different fingers extends little: its local motion predicts nothing beyond itself.
 */
import type { PreparedTemplate } from './prepared-template.js';
import type { MatchScratch } from './scratch.js';
import * as parameters from './match-parameters.js';

// Module-local copies, as in root-pairs.ts.
const DISTANCE_BASE = parameters.EXTENSION_DISTANCE_BASE;
const DISTANCE_SLOPE = parameters.EXTENSION_DISTANCE_SLOPE;
const ANGLE_TOLERANCE = parameters.EXTENSION_ANGLE_TOLERANCE;

/** cos and sin of every byte angle, so that the extension does no trigonometry. */
const COS = Float64Array.from({ length: 256 }, (_, a) => Math.cos((a * 2 * Math.PI) / 256));
const SIN = Float64Array.from({ length: 256 }, (_, a) => Math.sin((a * 2 * Math.PI) / 256));

/**
 * Extends the pairing held in `scratch` (as left by growPairing, `paired` pairs) and returns how many pairs the
 * extension added. The pairing in `scratch` is left as it was.
 */
export function extendPairing(
  probe: PreparedTemplate,
  candidate: PreparedTemplate,
  paired: number,
  scratch: MatchScratch,
): number {
  const { probeToCandidate, candidateToProbe, pairedProbe, extensionOrder, extensionAnchor, extensionDistance } =
    scratch;
  const { x: px, y: py, direction: pd } = probe;
  const { x: cx, y: cy, direction: cd, byX } = candidate;
  const nc = candidate.count;

  // Each unpaired probe minutia with its nearest paired one, in order of that distance (insertion sort: n is small).
  let pending = 0;
  for (let a = 0; a < probe.count; a++) {
    if (probeToCandidate[a]! >= 0) continue;
    let anchor = 0;
    let nearest = Infinity;
    for (let i = 0; i < paired; i++) {
      const q = pairedProbe[i]!;
      const dx = px[a]! - px[q]!;
      const dy = py[a]! - py[q]!;
      const d = dx * dx + dy * dy;
      if (d < nearest) {
        nearest = d;
        anchor = q;
      }
    }
    const distance = Math.sqrt(nearest);
    let at = pending++;
    while (at > 0 && extensionDistance[at - 1]! > distance) {
      extensionDistance[at] = extensionDistance[at - 1]!;
      extensionOrder[at] = extensionOrder[at - 1]!;
      extensionAnchor[at] = extensionAnchor[at - 1]!;
      at--;
    }
    extensionDistance[at] = distance;
    extensionOrder[at] = a;
    extensionAnchor[at] = anchor;
  }

  let added = 0;
  for (let k = 0; k < pending; k++) {
    const a = extensionOrder[k]!;
    const q = extensionAnchor[k]!;
    const qc = probeToCandidate[q]!;
    // The anchor pair's rotation, counter-clockwise as viewed; with y pointing down a view rotation by θ maps
    // (dx, dy) to (cos θ dx + sin θ dy, -sin θ dx + cos θ dy).
    const rotation = (cd[qc]! - pd[q]!) & 255;
    const cos = COS[rotation]!;
    const sin = SIN[rotation]!;
    const dx = px[a]! - px[q]!;
    const dy = py[a]! - py[q]!;
    const ex = cx[qc]! + cos * dx + sin * dy;
    const ey = cy[qc]! - sin * dx + cos * dy;
    const tolerance = DISTANCE_BASE + DISTANCE_SLOPE * extensionDistance[k]!;
    let best = -1;
    let bestDistance = tolerance * tolerance;
    // Only candidate minutiae within the tolerance in x can qualify: binary-search the first, scan while in range.
    let lo = 0;
    let hi = nc;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cx[byX[mid]!]! < ex - tolerance) lo = mid + 1;
      else hi = mid;
    }
    for (let k2 = lo; k2 < nc; k2++) {
      const b = byX[k2]!;
      const ox = cx[b]! - ex;
      if (ox > tolerance) break;
      if (candidateToProbe[b]! >= 0) continue;
      const oy = cy[b]! - ey;
      const d = ox * ox + oy * oy;
      if (d >= bestDistance) continue;
      let da = (cd[b]! - pd[a]! - rotation) & 255;
      if (da > 128) da = 256 - da;
      if (da > ANGLE_TOLERANCE) continue;
      bestDistance = d;
      best = b;
    }
    if (best >= 0) {
      probeToCandidate[a] = best;
      candidateToProbe[best] = a;
      extensionOrder[added++] = a; // reuse: pending entries before k are no longer needed
    }
  }
  // Undo the extension's pairs so the scratch holds the grown pairing again.
  for (let i = 0; i < added; i++) {
    const a = extensionOrder[i]!;
    candidateToProbe[probeToCandidate[a]!] = -1;
    probeToCandidate[a] = -1;
  }
  return added;
}
