/**
 * Where a master print's cores and deltas lie, drawn per class. A core is a point of Poincaré index +1/2 (the
 * innermost recurving ridge), a delta one of index -1/2 (where three ridge flows meet); see Maltoni et al.,
 * Handbook of Fingerprint Recognition, 2nd ed., 2009, chapter 3.
 *
 * The distributions are ours, chosen to match what plain 500-dpi captures show: cores near the middle of the
 * pressed area, slightly above it; deltas 80-150 px (about 9-16 ridges) below and to the side of a loop's core, on
 * the side opposite to where its ridges open; a tented arch's delta right under its core; a whorl's two cores
 * 40-80 px apart along a roughly vertical axis with one delta on each side. Deltas may fall outside the silhouette,
 * as in real plain captures, where the delta of a loop is often not recorded.
 */
import type { FingerprintClass } from './fingerprint-class.js';
import type { FingertipShape } from './fingertip-mask.js';
import type { Prng } from './prng.js';

/** The two kinds of singular point. */
export const SINGULARITY_TYPES = ['core', 'delta'] as const;
export type SingularityType = (typeof SINGULARITY_TYPES)[number];

/** A singular point in pixels of the master frame (y grows downwards). */
export interface SingularPoint {
  readonly type: SingularityType;
  readonly x: number;
  readonly y: number;
}

/** Draws the singular points of a print of class `cls` on the silhouette `shape`; an arch has none. */
export function sampleSingularPoints(cls: FingerprintClass, shape: FingertipShape, prng: Prng): SingularPoint[] {
  const halfWidth = (shape.left + shape.right) / 2;
  // Reference point: the middle of the pressed area, a little above its widest line.
  const rx = shape.cx + prng.range(-0.12, 0.12) * halfWidth;
  const ry = shape.cy + prng.range(-0.15, 0.2) * shape.bottom;
  switch (cls) {
    case 'arch':
      return [];
    case 'tentedArch': {
      const gap = prng.range(50, 90);
      return [
        { type: 'core', x: rx, y: ry - gap / 2 },
        { type: 'delta', x: rx + prng.range(-10, 10), y: ry + gap / 2 },
      ];
    }
    case 'leftLoop':
    case 'rightLoop': {
      const side = cls === 'leftLoop' ? 1 : -1;
      const distance = prng.range(80, 150);
      const angle = prng.range(0.55, 1.2); // below the horizontal, radians
      // Put the pair's midpoint near the reference so the core sits slightly off-centre, away from the delta.
      const cx = rx - (side * distance * Math.cos(angle)) / 3;
      const cy = ry - (distance * Math.sin(angle)) / 3;
      return [
        { type: 'core', x: cx, y: cy },
        { type: 'delta', x: cx + side * distance * Math.cos(angle), y: cy + distance * Math.sin(angle) },
      ];
    }
    case 'whorl': {
      const gap = prng.range(40, 80);
      const axis = Math.PI / 2 + prng.range(-0.6, 0.6);
      const ux = Math.cos(axis) * (gap / 2);
      const uy = Math.sin(axis) * (gap / 2);
      const below = ry + prng.range(60, 110);
      return [
        { type: 'core', x: rx - ux, y: ry - uy },
        { type: 'core', x: rx + ux, y: ry + uy },
        { type: 'delta', x: rx - prng.range(100, 150), y: below + prng.range(-15, 15) },
        { type: 'delta', x: rx + prng.range(100, 150), y: below + prng.range(-15, 15) },
      ];
    }
  }
}
