/**
 * Test fixture generator: small fingerprint-like images from the phase model of Larkin and Fletcher ("A coherent
 * framework for fingerprint analysis", Optics Express 15(14), 2007): a ridge pattern is cos φ, with φ a smooth
 * carrier phase plus one spiral phase ±atan2(y - yi, x - xi) per minutia, so each spiral point is a ridge ending
 * or bifurcation. A "finger" is a seed (carrier centre, minutia points, signs); an "impression" views it through a
 * small rotation and shift with fresh pixel noise. Images are deterministic for a seed, so CLI tests need no data
 * from outside the repository.
 */

/** mulberry32: a tiny seeded generator, enough for fixtures (not for statistics). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ridge period in pixels at 500 dpi (about 0.46 mm, typical of adult fingers). */
const PERIOD = 9;

/** An 8-bit grey raster `size` x `size` of impression `impression` of finger `finger`. */
export function ridgeImage(finger: number, impression: number, size = 240): Uint8Array {
  const shape = seeded(1000 + finger);
  const cx = size * (0.3 + 0.4 * shape());
  const cy = size * (0.3 + 0.4 * shape());
  const points = Array.from({ length: 14 }, () => ({
    x: size * (0.15 + 0.7 * shape()),
    y: size * (0.15 + 0.7 * shape()),
    s: shape() < 0.5 ? -1 : 1,
  }));
  const view = seeded(2000 + finger * 31 + impression);
  const angle = (view() - 0.5) * 0.2; // within ±5.7 degrees
  const dx = (view() - 0.5) * 12;
  const dy = (view() - 0.5) * 12;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const out = new Uint8Array(size * size);
  const c = size / 2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // The finger coordinates seen at this pixel of this impression.
      const x = cos * (px - c) - sin * (py - c) + c + dx;
      const y = sin * (px - c) + cos * (py - c) + c + dy;
      let phase = (2 * Math.PI * Math.hypot(x - cx, (y - cy) * 1.3)) / PERIOD;
      for (const p of points) phase += p.s * Math.atan2(y - p.y, x - p.x);
      const value = 128 + 90 * Math.cos(phase) + (view() - 0.5) * 40;
      out[py * size + px] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  return out;
}

/**
 * Writes `<finger>_<impression>.tif` for every finger and impression into `dir`: uncompressed 8-bit grey TIFFs
 * without a resolution tag, like the FVC sets.
 */
export async function writeRidgeSet(dir: string, fingers: readonly number[], impressions: readonly number[], size = 240): Promise<void> {
  const { default: sharp } = await import('sharp');
  const { join } = await import('node:path');
  for (const f of fingers) {
    for (const i of impressions) {
      await sharp(ridgeImage(f, i, size), { raw: { width: size, height: size, channels: 1 } })
        .toColourspace('b-w')
        .tiff({ compression: 'none' })
        .toFile(join(dir, `${f}_${i}.tif`));
    }
  }
}
