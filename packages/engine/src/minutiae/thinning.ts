/**
 * Thinning of a binary ridge (or valley) map to one-pixel-wide, 8-connected skeletons. Zhang and Suen's two
 * sub-iteration scheme (1984) peels boundary pixels symmetrically so the skeleton stays centred; its decisions
 * depend only on the 8-neighbourhood, so they are read from 256-entry tables. Zhang-Suen leaves staircase corners
 * two pixels thick, which would look like tiny junctions to minutiae detection, so a final raster pass removes
 * every remaining simple pixel that is not an end point (Hilditch crossing number 1: removing it changes no
 * connectivity).
 *
 * Neighbourhood code bits, clockwise from north: 0 N, 1 NE, 2 E, 3 SE, 4 S, 5 SW, 6 W, 7 NW.
 */

/** Neighbourhood code of pixel `i` in a binary map with a cleared one-pixel border. */
export function neighbourhood(map: Uint8Array, i: number, width: number): number {
  return (
    map[i - width]! |
    (map[i - width + 1]! << 1) |
    (map[i + 1]! << 2) |
    (map[i + width + 1]! << 3) |
    (map[i + width]! << 4) |
    (map[i + width - 1]! << 5) |
    (map[i - 1]! << 6) |
    (map[i - width - 1]! << 7)
  );
}

function bit(code: number, k: number): number {
  return (code >> k) & 1;
}

/** Number of set bits in an 8-bit code. */
export const NEIGHBOUR_COUNT = Uint8Array.from({ length: 256 }, (_, code) => {
  let n = 0;
  for (let k = 0; k < 8; k++) n += bit(code, k);
  return n;
});

/** 0→1 transitions around the ring (Zhang-Suen's A). */
function transitions(code: number): number {
  let a = 0;
  for (let k = 0; k < 8; k++) if (bit(code, k) === 0 && bit(code, (k + 1) % 8) === 1) a++;
  return a;
}

/** Hilditch crossing number: 8-connected components among the neighbours. */
function hilditch(code: number): number {
  let x = 0;
  for (const k of [0, 2, 4, 6]) {
    if (bit(code, k) === 0 && (bit(code, (k + 1) % 8) === 1 || bit(code, (k + 2) % 8) === 1)) x++;
  }
  return x;
}

function zhangSuenTable(second: boolean): Uint8Array {
  return Uint8Array.from({ length: 256 }, (_, code) => {
    const b = NEIGHBOUR_COUNT[code]!;
    if (b < 2 || b > 6 || transitions(code) !== 1) return 0;
    const [n, e, s, w] = [bit(code, 0), bit(code, 2), bit(code, 4), bit(code, 6)];
    if (!second) return n * e * s === 0 && e * s * w === 0 ? 1 : 0;
    return n * e * w === 0 && n * s * w === 0 ? 1 : 0;
  });
}

const FIRST = zhangSuenTable(false);
const SECOND = zhangSuenTable(true);
/** Simple, not an end point, and not interior (some 4-neighbour is background). */
const REDUNDANT = Uint8Array.from({ length: 256 }, (_, code) => {
  const interior = bit(code, 0) & bit(code, 2) & bit(code, 4) & bit(code, 6);
  return NEIGHBOUR_COUNT[code]! >= 2 && hilditch(code) === 1 && interior === 0 ? 1 : 0;
});

/**
 * Thins `map` (1 = foreground) in place to a one-pixel-wide skeleton. The outermost pixel rows and columns are
 * cleared first so neighbourhood reads need no bounds checks.
 */
export function thin(map: Uint8Array, width: number, height: number): Uint8Array {
  for (let x = 0; x < width; x++) {
    map[x] = 0;
    map[(height - 1) * width + x] = 0;
  }
  for (let y = 0; y < height; y++) {
    map[y * width] = 0;
    map[y * width + width - 1] = 0;
  }
  // Foreground pixels still in play, compacted after every iteration; removals are collected first so that each
  // sub-iteration decides on the same image (Zhang-Suen is a parallel algorithm).
  let count = 0;
  for (let i = 0; i < map.length; i++) if (map[i] === 1) count++;
  const active = new Int32Array(count);
  count = 0;
  for (let i = 0; i < map.length; i++) if (map[i] === 1) active[count++] = i;
  const remove = new Int32Array(count);
  for (;;) {
    let changed = false;
    for (const table of [FIRST, SECOND]) {
      let removed = 0;
      for (let k = 0; k < count; k++) {
        const i = active[k]!;
        if (map[i] === 1 && table[neighbourhood(map, i, width)] === 1) remove[removed++] = i;
      }
      for (let k = 0; k < removed; k++) map[remove[k]!] = 0;
      if (removed > 0) changed = true;
    }
    if (!changed) break;
    let kept = 0;
    for (let k = 0; k < count; k++) if (map[active[k]!] === 1) active[kept++] = active[k]!;
    count = kept;
  }
  // Sequential pass: each removal is visible to the next decision, so a staircase loses exactly its corners.
  for (let k = 0; k < count; k++) {
    const i = active[k]!;
    if (map[i] === 1 && REDUNDANT[neighbourhood(map, i, width)] === 1) map[i] = 0;
  }
  return map;
}
