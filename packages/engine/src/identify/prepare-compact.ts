/**
 * `prepare` for the gallery's compact minutiae, without the detour through a template object: the same
 * PreparedTemplate, field for field and bit for bit, as `prepare(compactToTemplate(...))`, in about a tenth of the
 * time. Full matching of a shortlist prepares every candidate on the fly (the gallery keeps no prepared templates,
 * see gallery-chunk.ts), and the general `prepare` spends most of its time sorting every other minutia by distance
 * for each minutia to keep the nine nearest.
 *
 * Here the coordinates are whole pixels, so squared distances are exact integers and order neighbours exactly as
 * their square roots do; the nine nearest are selected by insertion. Where two squared distances are equal,
 * `Math.hypot` (which `prepare` sorts by) decides, then the index, exactly as `prepare` breaks ties. The edge
 * lengths stored are `Math.hypot` values, as `prepare` stores. identify-prepare.test.ts checks the equality.
 */
import { toByteAngle } from '../match/byte-angle.js';
import { NEIGHBOR_EDGES } from '../match/match-parameters.js';
import type { PreparedTemplate } from '../match/prepared-template.js';
import { MAX_COMPACT_COORDINATE } from './compact-finger.js';

/** Type codes of compact minutiae (bits 15-14 of x: 0 other, 1 ending, 2 bifurcation) as PREPARED_MINUTIA_TYPE. */
const PREPARED_TYPE = Uint8Array.of(0, 1, 2, 0);

const nearest = new Int32Array(NEIGHBOR_EDGES);
const nearestD2 = new Float64Array(NEIGHBOR_EDGES);

/** True when neighbour a (squared distance da) comes before neighbour b (db) of minutia i in `prepare`'s order. */
function before(px: Float32Array, py: Float32Array, i: number, a: number, da: number, b: number, db: number): boolean {
  if (da !== db) return da < db;
  const ha = Math.hypot(px[a]! - px[i]!, py[a]! - py[i]!);
  const hb = Math.hypot(px[b]! - px[i]!, py[b]! - py[i]!);
  return ha !== hb ? ha < hb : a < b;
}

/** Prepares compact minutiae `offset .. offset + count - 1` (at most 255) for matching. */
export function prepareCompact(xs: Uint16Array, ys: Uint16Array, directions: Uint8Array, offset: number, count: number): PreparedTemplate {
  const n = count;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const direction = new Uint8Array(n);
  const type = new Uint8Array(n);
  const quality = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const raw = xs[offset + i]!;
    x[i] = raw & MAX_COMPACT_COORDINATE;
    y[i] = ys[offset + i]!;
    direction[i] = directions[offset + i]!;
    type[i] = PREPARED_TYPE[raw >>> 14]!;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
  const byX = Uint8Array.from(order);

  const k = Math.min(NEIGHBOR_EDGES, Math.max(0, n - 1));
  const edgeCount = n * k;
  const edgeStart = new Uint16Array(n + 1);
  const edgeSource = new Uint8Array(edgeCount);
  const edgeTarget = new Uint8Array(edgeCount);
  const edgeLength = new Float32Array(edgeCount);
  const edgeSourceAngle = new Uint8Array(edgeCount);
  const edgeTargetAngle = new Uint8Array(edgeCount);
  let e = 0;
  for (let i = 0; i < n; i++) {
    edgeStart[i] = e;
    const xi = x[i]!;
    const yi = y[i]!;
    let found = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = x[j]! - xi;
      const dy = y[j]! - yi;
      const d2 = dx * dx + dy * dy;
      if (found === k && !before(x, y, i, j, d2, nearest[k - 1]!, nearestD2[k - 1]!)) continue;
      let at = found < k ? found++ : k - 1;
      while (at > 0 && before(x, y, i, j, d2, nearest[at - 1]!, nearestD2[at - 1]!)) {
        nearest[at] = nearest[at - 1]!;
        nearestD2[at] = nearestD2[at - 1]!;
        at--;
      }
      nearest[at] = j;
      nearestD2[at] = d2;
    }
    for (let r = 0; r < k; r++) {
      const j = nearest[r]!;
      const a = toByteAngle(Math.atan2(-(y[j]! - yi), x[j]! - xi));
      edgeSource[e] = i;
      edgeTarget[e] = j;
      edgeLength[e] = Math.hypot(x[j]! - xi, y[j]! - yi);
      edgeSourceAngle[e] = (direction[i]! - a) & 255;
      edgeTargetAngle[e] = (direction[j]! - a) & 255;
      e++;
    }
  }
  edgeStart[n] = e;
  return {
    count: n,
    x,
    y,
    direction,
    type,
    quality,
    byX,
    edgeStart,
    edgeSource,
    edgeTarget,
    edgeLength,
    edgeSourceAngle,
    edgeTargetAngle,
  };
}
