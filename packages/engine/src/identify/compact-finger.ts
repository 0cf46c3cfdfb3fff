/**
 * The gallery's compact form of one finger: minutiae as x, y (uint16, pixels at 500 dpi; the type in the two top
 * bits of x as in ISO/IEC 19794-2 clause 6.4.2) and direction (byte angle), 5 bytes a minutia, at most
 * {@link MAX_GALLERY_MINUTIAE} per finger chosen by quality the way `prepare` chooses. A prepared template takes
 * about 5 KB per finger, too much for millions of fingers in memory; the compact form is prepared again on the fly
 * for the few candidates that reach full matching (`compactToTemplate` then `prepare`).
 *
 * Rounding positions to whole pixels and directions to byte angles costs nothing the matcher can see: it compares
 * byte angles already and its tolerances are several pixels wide.
 */
import { toByteAngle, fromByteAngle } from '../match/byte-angle.js';
import type { FingerprintTemplate, Minutia, MinutiaType } from '../template/template.js';
import { MAX_GALLERY_MINUTIAE } from './identify-parameters.js';

/** Largest coordinate the 14 bits left beside the type hold. */
export const MAX_COMPACT_COORDINATE = 0x3fff;
const TYPE_CODE: Readonly<Record<MinutiaType, number>> = { other: 0, ending: 1, bifurcation: 2 };
const TYPE_OF_CODE: readonly MinutiaType[] = ['other', 'ending', 'bifurcation', 'other'];

/** Minutiae of one finger in compact form; `x` carries the type in bits 15-14. */
export interface CompactFinger {
  readonly count: number;
  readonly x: Uint16Array;
  readonly y: Uint16Array;
  readonly direction: Uint8Array;
}

/** The minutiae kept: finite ones, the best {@link MAX_GALLERY_MINUTIAE} by quality, in their original order. */
function keptMinutiae(template: FingerprintTemplate): Minutia[] {
  const all = template.minutiae.filter((m) => Number.isFinite(m.x) && Number.isFinite(m.y) && Number.isFinite(m.direction));
  if (all.length <= MAX_GALLERY_MINUTIAE) return all;
  const order = all.map((_, i) => i).sort((a, b) => all[b]!.quality - all[a]!.quality || a - b);
  return order.slice(0, MAX_GALLERY_MINUTIAE).sort((a, b) => a - b).map((i) => all[i]!);
}

/** Compacts a template (coordinates clamped to 0..16383 px). */
export function compactFinger(template: FingerprintTemplate): CompactFinger {
  const kept = keptMinutiae(template);
  const n = kept.length;
  const x = new Uint16Array(n);
  const y = new Uint16Array(n);
  const direction = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const m = kept[i]!;
    const cx = Math.min(MAX_COMPACT_COORDINATE, Math.max(0, Math.round(m.x)));
    const cy = Math.min(MAX_COMPACT_COORDINATE, Math.max(0, Math.round(m.y)));
    x[i] = cx | ((TYPE_CODE[m.type] ?? 0) << 14);
    y[i] = cy;
    direction[i] = toByteAngle(m.direction);
  }
  return { count: n, x, y, direction };
}

/**
 * A template from compact minutiae (`x`, `y`, `direction` from `offset`, `count` of them), ready for `prepare`.
 * Width and height are the minutiae's extent: the matcher does not read them.
 */
export function compactToTemplate(
  x: Uint16Array,
  y: Uint16Array,
  direction: Uint8Array,
  offset: number,
  count: number,
  position: number,
): FingerprintTemplate {
  const minutiae: Minutia[] = new Array<Minutia>(count);
  let width = 1;
  let height = 1;
  for (let i = 0; i < count; i++) {
    const px = x[offset + i]!;
    const mx = px & MAX_COMPACT_COORDINATE;
    const my = y[offset + i]!;
    if (mx >= width) width = mx + 1;
    if (my >= height) height = my + 1;
    minutiae[i] = { x: mx, y: my, direction: fromByteAngle(direction[offset + i]!), type: TYPE_OF_CODE[px >>> 14]!, quality: 0 };
  }
  return { width, height, fingerPosition: position, impressionType: 0, quality: 0, minutiae };
}
