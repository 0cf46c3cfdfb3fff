import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertGrayImage, type GrayImage } from '../src/image/gray-image.js';
import { isEngineError } from '../src/errors.js';
import {
  FINGERPRINT_CLASSES,
  generateImpression,
  generateMasterPrint,
  IMPRESSION_PRESETS,
  type MasterPrint,
} from '../src/synthetic/index.js';

// Measurements made here, independently of the generator: gradient-based orientation, Poincaré index and ridge
// period from the image pixels alone (Maltoni et al., Handbook of Fingerprint Recognition, 2009, sections 3.2-3.6).

/** Ridge orientation (radians in [0, π), counter-clockwise as viewed) and coherence around (cx, cy). */
function orientationAt(img: GrayImage, cx: number, cy: number, half: number): { theta: number; coherence: number } {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  const { width, height, pixels } = img;
  for (let y = Math.max(1, Math.round(cy) - half); y <= Math.min(height - 2, Math.round(cy) + half); y++) {
    for (let x = Math.max(1, Math.round(cx) - half); x <= Math.min(width - 2, Math.round(cx) + half); x++) {
      const gx = pixels[y * width + x + 1]! - pixels[y * width + x - 1]!;
      const gy = pixels[(y - 1) * width + x]! - pixels[(y + 1) * width + x]!; // y up
      xx += gx * gx;
      yy += gy * gy;
      xy += gx * gy;
    }
  }
  // The doubled-angle mean gradient direction; ridges run perpendicular to it.
  let theta = Math.atan2(2 * xy, xx - yy) / 2 + Math.PI / 2;
  theta %= Math.PI;
  return { theta, coherence: Math.hypot(xx - yy, 2 * xy) / (xx + yy + 1e-9) };
}

/** Poincaré index of the image's orientation field on a circle of radius r around (cx, cy), counter-clockwise. */
function poincareIndex(img: GrayImage, cx: number, cy: number, r: number): number {
  const steps = 24;
  let total = 0;
  let previous = orientationAt(img, cx + r, cy, 6).theta;
  for (let k = 1; k <= steps; k++) {
    const t = (2 * Math.PI * k) / steps;
    const theta = orientationAt(img, cx + r * Math.cos(t), cy - r * Math.sin(t), 6).theta;
    let d = theta - previous;
    while (d > Math.PI / 2) d -= Math.PI;
    while (d <= -Math.PI / 2) d += Math.PI;
    total += d;
    previous = theta;
  }
  return total / (2 * Math.PI);
}

/** Ridge period at (cx, cy): autocorrelation peak of the grey-level profile across the ridges (lags 5-16 px). */
function ridgePeriodAt(img: GrayImage, cx: number, cy: number): number | undefined {
  const { theta, coherence } = orientationAt(img, cx, cy, 12);
  if (coherence < 0.5) return undefined;
  const length = 64;
  const profile = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    let sum = 0;
    for (let a = -6; a <= 6; a++) {
      const x = Math.round(cx + (k - length / 2) * Math.sin(theta) + a * Math.cos(theta));
      const y = Math.round(cy + (k - length / 2) * Math.cos(theta) - a * Math.sin(theta));
      sum += img.pixels[Math.min(img.height - 1, Math.max(0, y)) * img.width + Math.min(img.width - 1, Math.max(0, x))]!;
    }
    profile[k] = sum;
  }
  const mean = profile.reduce((s, v) => s + v, 0) / length;
  let best = 0;
  let bestLag: number | undefined;
  for (let lag = 5; lag <= 16; lag++) {
    let c = 0;
    for (let k = 0; k + lag < length; k++) c += (profile[k]! - mean) * (profile[k + lag]! - mean);
    c /= length - lag;
    if (c > best) [best, bestLag] = [c, lag];
  }
  return bestLag;
}

/** Mean filter of radius r (a (2r+1)² box), edges clamped. */
function boxSmooth(img: GrayImage, r: number): GrayImage {
  const { width, height, pixels } = img;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = -r; dy <= r; dy++) {
        const yy = Math.min(height - 1, Math.max(0, y + dy));
        for (let dx = -r; dx <= r; dx++) sum += pixels[yy * width + Math.min(width - 1, Math.max(0, x + dx))]!;
      }
      out[y * width + x] = Math.round(sum / (2 * r + 1) ** 2);
    }
  }
  return { ...img, pixels: out };
}

/** Block orientation field (12-px blocks) as doubled-angle unit vectors, with a foreground flag. */
function blockOrientations(img: GrayImage) {
  const size = 12;
  const bw = Math.floor(img.width / size);
  const bh = Math.floor(img.height / size);
  const cos2 = new Float64Array(bw * bh);
  const sin2 = new Float64Array(bw * bh);
  const foreground = new Uint8Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const { theta, coherence } = orientationAt(img, bx * size + size / 2, by * size + size / 2, size / 2);
      let sum = 0;
      let sum2 = 0;
      for (let y = by * size; y < by * size + size; y++) {
        for (let x = bx * size; x < bx * size + size; x++) {
          const v = img.pixels[y * img.width + x]!;
          sum += v;
          sum2 += v * v;
        }
      }
      const n = size * size;
      const sd = Math.sqrt(Math.max(0, sum2 / n - (sum / n) ** 2));
      cos2[by * bw + bx] = Math.cos(2 * theta);
      sin2[by * bw + bx] = Math.sin(2 * theta);
      foreground[by * bw + bx] = sd > 20 && coherence > 0.3 ? 1 : 0;
    }
  }
  return { bw, bh, cos2, sin2, foreground };
}

/**
 * Orientation similarity of two images: the best, over block shifts of up to ±60 px, mean cos(2Δθ) of the ridge
 * orientations of blocks that are foreground in both (at least 150 of them). 1 means identical flow.
 */
function orientationSimilarity(a: GrayImage, b: GrayImage): number {
  const fa = blockOrientations(a);
  const fb = blockOrientations(b);
  let best = -1;
  for (let sy = -5; sy <= 5; sy++) {
    for (let sx = -5; sx <= 5; sx++) {
      let sum = 0;
      let n = 0;
      for (let y = 0; y < fa.bh; y++) {
        for (let x = 0; x < fa.bw; x++) {
          const xb = x + sx;
          const yb = y + sy;
          if (xb < 0 || yb < 0 || xb >= fb.bw || yb >= fb.bh) continue;
          const i = y * fa.bw + x;
          const j = yb * fb.bw + xb;
          if (fa.foreground[i] === 0 || fb.foreground[j] === 0) continue;
          sum += fa.cos2[i]! * fb.cos2[j]! + fa.sin2[i]! * fb.sin2[j]!;
          n++;
        }
      }
      if (n >= 150) best = Math.max(best, sum / n);
    }
  }
  return best;
}

/** True when the disc of radius r around (x, y) lies inside the master's silhouette. */
function discInsideMask(master: MasterPrint, x: number, y: number, r: number): boolean {
  const { width, height } = master.image;
  for (let k = 0; k < 32; k++) {
    const px = Math.round(x + r * Math.cos((k * Math.PI) / 16));
    const py = Math.round(y + r * Math.sin((k * Math.PI) / 16));
    if (px < 0 || py < 0 || px >= width || py >= height || master.mask[py * width + px] === 0) return false;
  }
  return true;
}

// One master per class, seeds fixed here, shared by the tests below (each takes a fraction of a second).
const mastersByClass = new Map(FINGERPRINT_CLASSES.map((cls, i) => [cls, generateMasterPrint(4100 + i, { class: cls })]));

test('the same seed gives a byte-identical master print and a different seed a different one', () => {
  const a = generateMasterPrint(42);
  const b = generateMasterPrint(42);
  const c = generateMasterPrint(43);
  assert.deepEqual(a.image.pixels, b.image.pixels);
  assert.deepEqual(a.singularities, b.singularities);
  assert.equal(a.class, b.class);
  const differing = a.image.pixels.reduce((n, v, i) => n + (v !== c.image.pixels[i] ? 1 : 0), 0);
  assert.ok(differing > a.image.pixels.length / 5, `only ${differing} pixels differ`);
});

test('master prints are valid 500-dpi grey images with a fingertip-sized silhouette', () => {
  for (const [cls, master] of mastersByClass) {
    assertGrayImage(master.image);
    assert.equal(master.image.dpi, 500);
    assert.equal(master.class, cls);
    assert.ok(master.skinWear >= 0 && master.skinWear < 1, `${cls}: skin wear ${master.skinWear}`);
    const { width, height } = master.image;
    let minX = width;
    let maxX = 0;
    let minY = height;
    let maxY = 0;
    let area = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (master.mask[y * width + x] === 0) continue;
        area++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    assert.ok(w >= 295 && w <= 385, `${cls}: silhouette ${w} px wide`);
    assert.ok(h >= 345 && h <= 485, `${cls}: silhouette ${h} px tall`);
    // A superellipse-quartered silhouette fills between an ellipse's π/4 and its bounding box.
    assert.ok(area / (w * h) > 0.75 && area / (w * h) < 0.95, `${cls}: fill ${area / (w * h)}`);
  }
});

test('master prints have dark ridges inside the silhouette and a white background outside it', () => {
  for (const [cls, master] of mastersByClass) {
    let dark = 0;
    let inside = 0;
    for (let i = 0; i < master.mask.length; i++) {
      if (master.mask[i] === 0) {
        assert.equal(master.image.pixels[i], 255, `${cls}: background pixel ${i % master.image.width},${Math.floor(i / master.image.width)}`);
        continue;
      }
      inside++;
      if (master.image.pixels[i]! < 128) dark++;
    }
    // Ridges and valleys are about equally wide.
    assert.ok(dark / inside > 0.35 && dark / inside < 0.65, `${cls}: ridge fraction ${dark / inside}`);
  }
});

test('the dominant ridge period measured on master prints is 7-12 px and matches the declared frequency map', () => {
  for (const [cls, master] of mastersByClass) {
    const periods: number[] = [];
    let declared = 0;
    for (let y = 40; y < master.image.height - 40; y += 30) {
      for (let x = 40; x < master.image.width - 40; x += 30) {
        if (!discInsideMask(master, x, y, 34)) continue;
        const p = ridgePeriodAt(master.image, x, y);
        if (p === undefined) continue;
        periods.push(p);
        declared += 1 / master.frequency[y * master.image.width + x]!;
      }
    }
    assert.ok(periods.length >= 40, `${cls}: only ${periods.length} blocks measured`);
    periods.sort((a, b) => a - b);
    const median = periods[periods.length >> 1]!;
    assert.ok(median >= 7 && median <= 12, `${cls}: median period ${median}`);
    assert.ok(Math.abs(median - declared / periods.length) <= 1.2, `${cls}: ${median} vs ${declared / periods.length}`);
  }
});

test('each class has its singular points where it declares them and none elsewhere on the finger', () => {
  const expected = { arch: [0, 0], tentedArch: [1, 1], leftLoop: [1, 1], rightLoop: [1, 1], whorl: [2, 2] } as const;
  for (const [cls, master] of mastersByClass) {
    const cores = master.singularities.filter((s) => s.type === 'core');
    const deltas = master.singularities.filter((s) => s.type === 'delta');
    assert.deepEqual([cores.length, deltas.length], expected[cls], cls);
    let checked = 0;
    for (const s of master.singularities) {
      // The index is measured on a 16-px circle with 13-px windows: only where all of that lies on the finger.
      if (!discInsideMask(master, s.x, s.y, 30)) continue;
      const index = poincareIndex(master.image, s.x, s.y, 16);
      assert.ok(Math.abs(index - (s.type === 'core' ? 0.5 : -0.5)) < 0.1, `${cls} ${s.type} at ${s.x},${s.y}: ${index}`);
      checked++;
    }
    if (cls !== 'arch') assert.ok(checked >= 2, `${cls}: only ${checked} singular points measurable`);
    // A scan of the whole finger: a non-zero index only on circles that come near a declared point.
    for (let y = 40; y < master.image.height - 40; y += 20) {
      for (let x = 40; x < master.image.width - 40; x += 20) {
        if (!discInsideMask(master, x, y, 30)) continue;
        if (master.singularities.some((s) => Math.hypot(s.x - x, s.y - y) < 30)) continue;
        const index = poincareIndex(master.image, x, y, 16);
        assert.ok(Math.abs(index) < 0.1, `${cls}: undeclared singular point near ${x},${y} (index ${index})`);
      }
    }
  }
});

test('a loop has its delta on the side opposite to its name, as the print is viewed', () => {
  const left = mastersByClass.get('leftLoop')!.singularities;
  const right = mastersByClass.get('rightLoop')!.singularities;
  const dx = (points: typeof left) => points.find((s) => s.type === 'delta')!.x - points.find((s) => s.type === 'core')!.x;
  assert.ok(dx(left) > 0);
  assert.ok(dx(right) < 0);
});

test('a frame too small for a fingertip is refused with ENGINE_IMAGE_TOO_SMALL', () => {
  assert.throws(() => generateMasterPrint(1, { width: 200, height: 300 }), (e) => isEngineError(e, 'ENGINE_IMAGE_TOO_SMALL'));
  assert.throws(() => generateMasterPrint(1, { width: 400.5 }), (e) => isEngineError(e, 'ENGINE_IMAGE_INVALID'));
});

test('the same impression seed gives identical bytes and a different seed a different impression', () => {
  const master = mastersByClass.get('whorl')!;
  const a = generateImpression(master, 7, { preset: 'typical' });
  const b = generateImpression(master, 7, { preset: 'typical' });
  const c = generateImpression(master, 8, { preset: 'typical' });
  assert.deepEqual(a.pixels, b.pixels);
  assert.notDeepEqual(a.pixels, c.pixels);
});

test('impressions are valid 500-dpi grey images of the requested frame size with ridge-like content', () => {
  const master = mastersByClass.get('leftLoop')!;
  for (const preset of IMPRESSION_PRESETS) {
    const image = generateImpression(master, 3, { preset, width: 388, height: 374 });
    assertGrayImage(image);
    assert.equal(image.dpi, 500);
    assert.equal(image.width, 388);
    assert.equal(image.height, 374);
    // Ridge-like content: enough coherent windows, with a ridge period (the skin's, after distortion) of 7-12 px,
    // measured after a 5 x 5 mean filter because a poor capture's pixel noise swamps single-pixel gradients.
    const smooth = boxSmooth(image, 2);
    const periods: number[] = [];
    for (let y = 24; y < image.height - 24; y += 24) {
      for (let x = 24; x < image.width - 24; x += 24) {
        if (orientationAt(smooth, x, y, 12).coherence < 0.5) continue;
        const period = ridgePeriodAt(smooth, x, y);
        if (period !== undefined) periods.push(period);
      }
    }
    // At least 15 of the 24-px grid's windows (about 8,600 px² of clear flow) even on a poor capture.
    assert.ok(periods.length >= 15, `${preset}: only ${periods.length} windows with ridge flow`);
    periods.sort((a, b) => a - b);
    const median = periods[periods.length >> 1]!;
    assert.ok(median >= 7 && median <= 12, `${preset}: median period ${median}`);
  }
  assert.throws(() => generateImpression(master, 1, { width: 100, height: 100 }), (e) => isEngineError(e, 'ENGINE_IMAGE_TOO_SMALL'));
  assert.throws(() => generateImpression(master, 1, { width: 9000 }), (e) => isEngineError(e, 'ENGINE_IMAGE_TOO_LARGE'));
});

test('impressions of one finger are more alike in ridge flow than impressions of different fingers', () => {
  const masters = [4201, 4202, 4203, 4204].map((seed) => generateMasterPrint(seed));
  const impressions = masters.map((m) => [1, 2].map((seed) => generateImpression(m, seed, { preset: 'good' })));
  const genuine = impressions.map(([a, b]) => orientationSimilarity(a!, b!));
  const impostor: number[] = [];
  for (let f = 0; f < masters.length; f++) {
    for (let g = f + 1; g < masters.length; g++) impostor.push(orientationSimilarity(impressions[f]![0]!, impressions[g]![1]!));
  }
  assert.ok(Math.min(...genuine) > Math.max(...impostor), `genuine ${genuine} impostor ${impostor}`);
});
