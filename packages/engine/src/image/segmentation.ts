/**
 * Segmentation: which part of the raster is fingerprint. A block is a candidate when it has contrast (the local
 * standard deviation of grey levels, relative to the clearest blocks and above an absolute floor) and ridge
 * structure (orientation coherence, which rejects smudges, latent residue and sensor noise that have contrast
 * but no parallel ridges). The candidate map is then cleaned by majority votes at two radii (SourceAFIS does the
 * same), holes are filled and only the largest connected region is kept, since a capture holds one finger.
 * Minutiae near the region's edge are unreliable (ridges are cut by the boundary), so the mask also carries the
 * distance of every pixel to the background.
 */
import { BLOCK_SIZE, type OrientationField } from './orientation-field.js';

/** Minimum block contrast in grey levels (standard deviation); below it there is nothing to see. */
const MIN_CONTRAST = 7;
/** A block needs at least this fraction of the 90th-percentile block contrast. */
const RELATIVE_CONTRAST = 0.3;
/** Minimum orientation coherence of a candidate block (random noise stays near 0.1, ridges above 0.4). */
const MIN_COHERENCE = 0.15;

/** Segmentation result on the {@link BLOCK_SIZE} grid and per pixel. */
export interface Segmentation {
  readonly cols: number;
  readonly rows: number;
  /** 1 for foreground blocks. */
  readonly blocks: Uint8Array;
  /** 1 for foreground pixels. */
  readonly mask: Uint8Array;
  /** Distance in pixels (chamfer 3-4 approximation) from each pixel to the nearest background or image border. */
  readonly edgeDistance: Float32Array;
  /** Foreground area in pixels at 500 dpi. */
  readonly area: number;
}

/**
 * Segments the print. Contrast is the grey-level standard deviation of each block's own pixels, so that it stops
 * at the print's boundary instead of bleeding outwards as a wider window would.
 */
export function segment(pixels: Uint8Array, field: OrientationField, width: number, height: number): Segmentation {
  const { cols, rows } = field;
  const blocks = cols * rows;
  const sums = new Float64Array(blocks);
  const squares = new Float64Array(blocks);
  const counts = new Float64Array(blocks);
  const blockOfX = new Int32Array(width);
  for (let x = 0; x < width; x++) blockOfX[x] = Math.floor(x / BLOCK_SIZE);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / BLOCK_SIZE) * cols;
    for (let x = 0; x < width; x++) {
      const j = row + blockOfX[x]!;
      const v = pixels[y * width + x]!;
      sums[j] += v;
      squares[j] += v * v;
      counts[j] += 1;
    }
  }
  const contrast = new Float32Array(blocks);
  for (let j = 0; j < blocks; j++) {
    const mean = sums[j]! / counts[j]!;
    contrast[j] = Math.sqrt(Math.max(0, squares[j]! / counts[j]! - mean * mean));
  }
  const sorted = Float32Array.from(contrast).sort();
  const reference = sorted[Math.floor(0.9 * (blocks - 1))]!;
  const threshold = Math.max(MIN_CONTRAST, RELATIVE_CONTRAST * reference);
  let candidates: Uint8Array = new Uint8Array(blocks);
  for (let j = 0; j < blocks; j++) {
    candidates[j] = contrast[j]! >= threshold && field.coherence[j]! >= MIN_COHERENCE ? 1 : 0;
  }
  candidates = vote(candidates, cols, rows, 1, 0.5);
  candidates = vote(candidates, cols, rows, 4, 0.5);
  fillHoles(candidates, cols, rows);
  keepLargestRegion(candidates, cols, rows);

  const mask = new Uint8Array(width * height);
  let area = 0;
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / BLOCK_SIZE) * cols;
    for (let x = 0; x < width; x++) {
      const on = candidates[row + blockOfX[x]!]!;
      mask[y * width + x] = on;
      area += on;
    }
  }
  return { cols, rows, blocks: candidates, mask, edgeDistance: edgeDistance(mask, width, height), area };
}

/**
 * Majority vote over the (2r+1)² neighbourhood: on when more than `fraction` of it is on. Blocks beyond the grid
 * count as background, otherwise a clipped window near the border would vote the background in.
 */
function vote(map: Uint8Array, cols: number, rows: number, radius: number, fraction: number): Uint8Array {
  const out = new Uint8Array(map.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let on = 0;
      const total = (2 * radius + 1) ** 2;
      for (let rr = Math.max(0, r - radius); rr <= Math.min(rows - 1, r + radius); rr++) {
        for (let cc = Math.max(0, c - radius); cc <= Math.min(cols - 1, c + radius); cc++) on += map[rr * cols + cc]!;
      }
      out[r * cols + c] = on > fraction * total ? 1 : 0;
    }
  }
  return out;
}

/** Labels 4-connected regions of value `value`; returns labels (0 = other value) and each region's size. */
function label(map: Uint8Array, cols: number, rows: number, value: number): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(map.length);
  const sizes = [0];
  const stack: number[] = [];
  for (let start = 0; start < map.length; start++) {
    if (map[start] !== value || labels[start] !== 0) continue;
    const id = sizes.length;
    let size = 0;
    labels[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const j = stack.pop()!;
      size++;
      const r = Math.floor(j / cols);
      const c = j - r * cols;
      const next = [r > 0 ? j - cols : -1, r < rows - 1 ? j + cols : -1, c > 0 ? j - 1 : -1, c < cols - 1 ? j + 1 : -1];
      for (const k of next) {
        if (k >= 0 && map[k] === value && labels[k] === 0) {
          labels[k] = id;
          stack.push(k);
        }
      }
    }
    sizes.push(size);
  }
  return { labels, sizes };
}

/** Background regions that do not touch the grid border are holes in the finger (a core, a scar): fill them. */
function fillHoles(map: Uint8Array, cols: number, rows: number): void {
  const { labels, sizes } = label(map, cols, rows, 0);
  const touches = new Uint8Array(sizes.length);
  for (let c = 0; c < cols; c++) {
    touches[labels[c]!] = 1;
    touches[labels[(rows - 1) * cols + c]!] = 1;
  }
  for (let r = 0; r < rows; r++) {
    touches[labels[r * cols]!] = 1;
    touches[labels[r * cols + cols - 1]!] = 1;
  }
  for (let j = 0; j < map.length; j++) if (map[j] === 0 && touches[labels[j]!] === 0) map[j] = 1;
}

/** Clears every foreground region but the largest (the first in raster order on ties). */
function keepLargestRegion(map: Uint8Array, cols: number, rows: number): void {
  const { labels, sizes } = label(map, cols, rows, 1);
  let best = 0;
  for (let id = 1; id < sizes.length; id++) if (sizes[id]! > sizes[best]!) best = id;
  for (let j = 0; j < map.length; j++) if (labels[j] !== best) map[j] = 0;
}

/** Two-pass chamfer (3-4) distance to the nearest background pixel or the image border, in pixels. */
function edgeDistance(mask: Uint8Array, width: number, height: number): Float32Array {
  const big = 1e9;
  const d = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (mask[i] === 0) {
        d[i] = 0;
        continue;
      }
      // Outside the raster counts as background: the border pixel is 1 step (3) from it.
      let v = x === 0 || y === 0 ? 3 : big;
      if (y > 0) {
        v = Math.min(v, d[i - width]! + 3);
        if (x > 0) v = Math.min(v, d[i - width - 1]! + 4);
        if (x < width - 1) v = Math.min(v, d[i - width + 1]! + 4);
      }
      if (x > 0) v = Math.min(v, d[i - 1]! + 3);
      d[i] = v;
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (mask[i] === 0) continue;
      let v = d[i]!;
      if (x === width - 1 || y === height - 1) v = Math.min(v, 3);
      if (y < height - 1) {
        v = Math.min(v, d[i + width]! + 3);
        if (x > 0) v = Math.min(v, d[i + width - 1]! + 4);
        if (x < width - 1) v = Math.min(v, d[i + width + 1]! + 4);
      }
      if (x < width - 1) v = Math.min(v, d[i + 1]! + 3);
      d[i] = v;
    }
  }
  for (let i = 0; i < d.length; i++) d[i]! /= 3;
  return d;
}
