/**
 * A fingerprint template turned into the flat typed arrays the matcher reads: minutiae and each minutia's edges to
 * its nearest neighbours (the local structure, invariant to rotation and translation). Built once per template by
 * {@link prepare}; comparisons then allocate nothing. The edge hash used to find root pairs is built by
 * probe-index.ts the first time a template serves as a probe, so that a gallery of prepared candidates stays
 * compact.
 *
 * An edge from minutia i to neighbour j is described as in SourceAFIS and NBIS bozorth3 by its length and two
 * angles measured against the edge's own direction: the direction of i, and the direction of j. None of the three
 * change when the print is rotated or moved, so corresponding edges of two impressions compare directly.
 */
import type { FingerprintTemplate, MinutiaType } from '../template/template.js';
import { toByteAngle } from './byte-angle.js';
import { MAX_PREPARED_MINUTIAE, NEIGHBOR_EDGES } from './match-parameters.js';

/** Minutia type codes in {@link PreparedTemplate.type}. */
export const PREPARED_MINUTIA_TYPE: Readonly<Record<MinutiaType, number>> = { other: 0, ending: 1, bifurcation: 2 };

/**
 * A template prepared for matching. Every field is a typed array or a number so that a gallery can be packed into
 * shared buffers. Indices of minutiae are bytes (at most {@link MAX_PREPARED_MINUTIAE} minutiae).
 * 14 bytes per minutia plus 8 per edge (nine edges per minutia): a 60-minutia template takes about 5 KB.
 *
 * Treat it as immutable: the probe's edge hash is cached by object identity (probe-index.ts), so refilling the
 * arrays of a template already used as a probe would compare against the old hash. Keep the same object for a
 * probe across comparisons; a fresh object with the same arrays rebuilds the hash.
 */
export interface PreparedTemplate {
  /** Number of minutiae. */
  readonly count: number;
  /** Minutia positions in px at 500 dpi. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Minutia directions as byte angles (see byte-angle.ts). */
  readonly direction: Uint8Array;
  /** {@link PREPARED_MINUTIA_TYPE} codes. */
  readonly type: Uint8Array;
  /** Minutia quality 0..100 as the template gives it (0 where unknown). */
  readonly quality: Uint8Array;
  /** Minutia indices in order of increasing x, for range scans (pairing-extension.ts). */
  readonly byX: Uint8Array;
  /** Edges of minutia i are `edgeStart[i] .. edgeStart[i + 1] - 1`, sorted by length. */
  readonly edgeStart: Uint16Array;
  /** Source minutia of each edge (redundant with edgeStart, kept so a hash hit needs no search). */
  readonly edgeSource: Uint8Array;
  /** Neighbour minutia of each edge. */
  readonly edgeTarget: Uint8Array;
  /** Edge length in px. */
  readonly edgeLength: Float32Array;
  /** Direction of the source minutia relative to the edge direction, byte angle. */
  readonly edgeSourceAngle: Uint8Array;
  /** Direction of the neighbour minutia relative to the edge direction, byte angle. */
  readonly edgeTargetAngle: Uint8Array;
}

/** Keeps the best `MAX_PREPARED_MINUTIAE` minutiae by quality, stable on ties so preparation is deterministic. */
function selectMinutiae(template: FingerprintTemplate): FingerprintTemplate['minutiae'] {
  const all = template.minutiae;
  if (all.length <= MAX_PREPARED_MINUTIAE) return all;
  const order = all.map((_, i) => i).sort((a, b) => all[b]!.quality - all[a]!.quality || a - b);
  return order.slice(0, MAX_PREPARED_MINUTIAE).sort((a, b) => a - b).map((i) => all[i]!);
}

/**
 * Builds the typed arrays the matcher needs from a template. Cost is O(n² log n) for n minutiae, paid once per
 * template; minutiae with non-finite coordinates or directions are dropped rather than poisoning every distance.
 */
export function prepare(template: FingerprintTemplate): PreparedTemplate {
  const minutiae = selectMinutiae(template).filter(
    (m) => Number.isFinite(m.x) && Number.isFinite(m.y) && Number.isFinite(m.direction),
  );
  const n = minutiae.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const direction = new Uint8Array(n);
  const type = new Uint8Array(n);
  const quality = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const m = minutiae[i]!;
    x[i] = m.x;
    y[i] = m.y;
    direction[i] = toByteAngle(m.direction);
    type[i] = PREPARED_MINUTIA_TYPE[m.type] ?? 0;
    quality[i] = Number.isFinite(m.quality) ? Math.max(0, Math.min(100, Math.round(m.quality))) : 0;
  }

  const byX = Uint8Array.from(
    Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b),
  );

  // Nearest neighbours of each minutia, ties broken by index so the result does not depend on sort stability.
  const k = Math.min(NEIGHBOR_EDGES, Math.max(0, n - 1));
  const edgeCount = n * k;
  const edgeStart = new Uint16Array(n + 1);
  const edgeSource = new Uint8Array(edgeCount);
  const edgeTarget = new Uint8Array(edgeCount);
  const edgeLength = new Float32Array(edgeCount);
  const edgeSourceAngle = new Uint8Array(edgeCount);
  const edgeTargetAngle = new Uint8Array(edgeCount);
  const distances = new Float64Array(n);
  const order: number[] = [];
  let e = 0;
  for (let i = 0; i < n; i++) {
    edgeStart[i] = e;
    order.length = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      distances[j] = Math.hypot(x[j]! - x[i]!, y[j]! - y[i]!);
      order.push(j);
    }
    order.sort((a, b) => distances[a]! - distances[b]! || a - b);
    for (let r = 0; r < k; r++) {
      const j = order[r]!;
      // Edge direction in the template's convention: counter-clockwise as viewed, with y growing downwards.
      const edgeAngle = Math.atan2(-(y[j]! - y[i]!), x[j]! - x[i]!);
      const a = toByteAngle(edgeAngle);
      edgeSource[e] = i;
      edgeTarget[e] = j;
      edgeLength[e] = distances[j]!;
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
