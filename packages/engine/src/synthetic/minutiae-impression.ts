/**
 * One impression of a template-level synthetic finger (minutiae-master.ts): the minutiae template an extractor would
 * give for one capture of it. The geometry is the image impressions' (impression.ts, SFinGe's order) with their
 * preset ranges (impression-parameters.ts):
 * 1. only a contact region prints: an ellipse shifted and scaled from the silhouette;
 * 2. plastic distortion (plastic-distortion.ts, Cappelli, Maio and Maltoni 2001) moves the skin outside the
 *    close-contact ellipse, rigidly far from it;
 * 3. the contact centre lands at the frame centre, rotated and shifted; the sensor frame crops it;
 * and then what an extractor does to the minutiae it can see: it finds none within MIN_EDGE_DISTANCE of the
 * print's border (as ours drops them), misses some (more where quality is low and on worn skin), invents spurious
 * ones that follow the ridge flow, confuses endings and bifurcations, and scatters positions and directions a
 * little. Positions are whole pixels, as the extractor gives them. Quality is our extractor's formula: 100 · sqrt(clarity · min(1, border distance / 40 px)).
 */
import type { FingerprintTemplate, Minutia } from '../template/template.js';
import { IMPRESSION_TYPES } from '../template/template.js';
import { MIN_EDGE_DISTANCE } from '../minutiae/minutia-filters.js';
import { fingertipRadius } from './fingertip-mask.js';
import { type ImpressionPreset, sampleImpressionParameters } from './impression-parameters.js';
import { fingerDirection, spreadingChance, streamPrng, type SyntheticFinger } from './minutiae-master.js';
import { divergenceAt, orientationAt } from './minutiae-orientation.js';
import * as parameters from './minutiae-parameters.js';
import { distortPoint, type PlasticDistortion } from './plastic-distortion.js';
import { deriveSeed, type Prng } from './prng.js';

/** PRNG streams of an impression. */
const STREAM = { parameters: 1, errors: 2, spurious: 3 } as const;

/** Impression words are the finger's word's streams from this one on (the finger's own stages use 1..7). */
const CAPTURE_STREAM = 1000;

const TURN = 2 * Math.PI;
const DEGREE = Math.PI / 180;

// Module-local copies (imported bindings may compile to getters, called per minutia otherwise).
const ENDING_SHARE = parameters.ENDING_SHARE;
const IMPRESSION_ERROR_RANGES = parameters.IMPRESSION_ERROR_RANGES;
const QUALITY_EDGE_RAMP = parameters.QUALITY_EDGE_RAMP;
const EDGE_DISTANCE = MIN_EDGE_DISTANCE;

/**
 * The contact ellipse prints out to this normalised radius: the image impressions fade ink out between 0.85 and
 * 1.02, and our extractor's segmentation keeps the part that still shows ridges.
 */
const CONTACT_EDGE = 0.95;

/** Length of the segment whose image gives a minutia's direction after distortion and placement, px. */
const DIRECTION_PROBE = 4; // px

/** Silhouette radius above which a border distance uses the exact superellipse rather than its ellipse. */
const SILHOUETTE_EXACT = 0.75;

/** Spurious minutiae tried per one placed, before giving up on a crowded or tiny print. */
const SPURIOUS_ATTEMPTS = 8;

/**
 * Impression `capture` (an integer >= 0) of `finger` under `preset`: a template in the finger's sensor frame,
 * minutiae in raster order, finger position 0. Deterministic for its arguments.
 */
export function syntheticImpression(finger: SyntheticFinger, capture: number, preset: ImpressionPreset): FingerprintTemplate {
  const word = deriveSeed(2 ** 52 + finger.word, CAPTURE_STREAM + capture);
  const p = sampleImpressionParameters(preset, streamPrng(word, STREAM.parameters));
  const rates = IMPRESSION_ERROR_RANGES[preset];
  const prng = streamPrng(word, STREAM.errors);
  const width = finger.frameWidth;
  const height = finger.frameHeight;
  const shape = finger.shape;
  const halfWidth = (shape.left + shape.right) / 2;

  const contactX = shape.cx + p.contactOffsetX * halfWidth;
  const contactY = shape.cy + p.contactOffsetY * (p.contactOffsetY < 0 ? shape.top : shape.bottom);
  const contactRx = p.contactScale * halfWidth;
  const contactTop = p.contactScale * shape.top;
  const contactBottom = p.contactScale * shape.bottom;
  const distortion: PlasticDistortion = {
    cx: contactX,
    cy: contactY,
    rx: p.closeContact * contactRx,
    ry: p.closeContact * (contactTop + contactBottom) * 0.5,
    rotation: p.distortionRotation * DEGREE,
    dx: p.distortionShift * Math.cos(p.distortionDirection * DEGREE),
    dy: p.distortionShift * Math.sin(p.distortionDirection * DEGREE),
    k: p.distortionBrake,
  };
  const cosA = Math.cos(p.rotation * DEGREE);
  const sinA = Math.sin(p.rotation * DEGREE);
  const offsetX = width / 2 + p.translationX;
  const offsetY = height / 2 + p.translationY;
  const at: [number, number] = [0, 0];
  /** Master point -> frame point, into `at`. */
  const place = (x: number, y: number): void => {
    distortPoint(distortion, x, y, at);
    const wx = at[0] - contactX;
    const wy = at[1] - contactY;
    at[0] = cosA * wx - sinA * wy + offsetX;
    at[1] = sinA * wx + cosA * wy + offsetY;
  };
  /**
   * Distance from master point (x, y) to the border of what prints (contact ellipse, silhouette), px, measured
   * along the ray from each region's centre; negative outside.
   */
  const skinEdge = (x: number, y: number): number => {
    const ex = x - contactX;
    const ey = y - contactY;
    const rho = Math.sqrt((ex / contactRx) ** 2 + (ey / (ey < 0 ? contactTop : contactBottom)) ** 2);
    const contact = Math.sqrt(ex * ex + ey * ey) * (CONTACT_EDGE / Math.max(rho, 1e-9) - 1);
    // The silhouette's superellipse radius is at most its ellipse radius, and equal to it near the axes: use the
    // cheap ellipse radius unless the point is near enough to the border for the difference to matter.
    const sx = (x - shape.cx) / (x < shape.cx ? shape.left : shape.right);
    const sy = (y - shape.cy) / (y < shape.cy ? shape.top : shape.bottom);
    let sigma = Math.sqrt(sx * sx + sy * sy);
    if (sigma > SILHOUETTE_EXACT) sigma = fingertipRadius(shape, x, y);
    const silhouette = Math.sqrt((x - shape.cx) ** 2 + (y - shape.cy) ** 2) * (1 / Math.max(sigma, 1e-9) - 1);
    return Math.min(contact, silhouette);
  };
  const frameEdge = (fx: number, fy: number): number => Math.min(fx, fy, width - 1 - fx, height - 1 - fy);

  // How clear this capture's ridges are (the extractor's coherence term), lower on worn skin.
  const clarity = Math.max(0.05, 1 - 0.5 * finger.wear - prng.range(0, 0.25));
  const missing = prng.range(rates.missing[0], rates.missing[1]) + 0.3 * finger.wear;
  const quality = (edge: number, local: number): number =>
    Math.max(1, Math.round(100 * Math.sqrt(Math.min(1, Math.max(0, local)) * Math.min(1, edge / QUALITY_EDGE_RAMP))));

  const minutiae: Minutia[] = [];
  /** The direction in the frame of master direction `d` at master point (x, y), placed at frame point (px, py). */
  const direction = (x: number, y: number, d: number, px: number, py: number): number => {
    place(x + DIRECTION_PROBE * Math.cos(d), y - DIRECTION_PROBE * Math.sin(d));
    const out = Math.atan2(py - at[1], at[0] - px) + prng.normal(0, rates.directionSd);
    return ((out % TURN) + TURN) % TURN;
  };
  for (let i = 0; i < finger.count; i++) {
    const x = finger.x[i]!;
    const y = finger.y[i]!;
    const skin = skinEdge(x, y);
    if (skin < EDGE_DISTANCE) continue;
    place(x, y);
    const px = at[0];
    const py = at[1];
    const fx = px + prng.normal(0, rates.positionSd);
    const fy = py + prng.normal(0, rates.positionSd);
    const edge = Math.min(skin, frameEdge(fx, fy));
    if (edge < EDGE_DISTANCE) continue;
    const q = quality(edge, clarity + prng.normal(0, 0.15));
    if (prng.uniform() < missing + rates.missingLowQuality * (1 - q / 100)) continue;
    const flip = prng.uniform() < rates.typeFlip;
    const ending = (finger.ending[i] === 1) !== flip;
    minutiae.push({
      x: Math.round(fx),
      y: Math.round(fy),
      direction: direction(x, y, fingerDirection(finger, i), px, py),
      type: ending ? 'ending' : 'bifurcation',
      quality: q,
    });
  }

  // Spurious minutiae: uniform over the contact ellipse where it prints, directed along the flow.
  const spurious = streamPrng(word, STREAM.spurious);
  const wanted = poisson(spurious, minutiae.length * spurious.range(rates.spurious[0], rates.spurious[1]));
  const found = minutiae.length;
  for (let attempt = 0, added = 0; added < wanted && attempt < wanted * SPURIOUS_ATTEMPTS; attempt++) {
    const x = contactX + spurious.range(-1, 1) * contactRx;
    const y = contactY + spurious.range(-contactTop, contactBottom);
    const skin = skinEdge(x, y);
    if (skin < EDGE_DISTANCE) continue;
    place(x, y);
    const fx = at[0];
    const fy = at[1];
    const edge = Math.min(skin, frameEdge(fx, fy));
    if (edge < EDGE_DISTANCE) continue;
    let crowded = false;
    for (let j = 0; j < found && !crowded; j++) crowded = Math.hypot(minutiae[j]!.x - fx, minutiae[j]!.y - fy) < EDGE_DISTANCE;
    if (crowded) continue;
    const theta = orientationAt(finger.orientation, x, y);
    const along = spurious.uniform() < spreadingChance(divergenceAt(finger.orientation, x, y, theta));
    minutiae.push({
      x: Math.round(fx),
      y: Math.round(fy),
      direction: direction(x, y, theta + (along ? 0 : Math.PI), fx, fy),
      type: spurious.uniform() < ENDING_SHARE ? 'ending' : 'bifurcation',
      quality: quality(edge, 0.7 * clarity + spurious.normal(0, 0.15)),
    });
    added++;
  }
  minutiae.sort((a, b) => a.y - b.y || a.x - b.x);
  return {
    width,
    height,
    fingerPosition: 0,
    impressionType: IMPRESSION_TYPES.livePlain,
    quality: Math.round(100 * clarity),
    minutiae,
  };
}

/** A Poisson deviate of mean `mean` (counting unit-rate exponential gaps; means here are a few). */
function poisson(prng: Prng, mean: number): number {
  let n = 0;
  let clock = -Math.log(1 - prng.uniform());
  while (clock < mean) {
    n++;
    clock -= Math.log(1 - prng.uniform());
  }
  return n;
}
