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
 * ones that follow the ridge flow inside the print and inward-pointing ones along its border (ridges cut where the
 * print fades), confuses endings and bifurcations, and scatters positions and directions a little. Positions are
 * whole pixels, as the extractor gives them. Quality is our extractor's formula:
 * 100 · sqrt(clarity · min(1, border distance / 40 px)).
 */
import type { FingerprintTemplate, Minutia } from '../template/template.js';
import { IMPRESSION_TYPES } from '../template/template.js';
import { MIN_EDGE_DISTANCE } from '../minutiae/minutia-filters.js';
import { fingertipRadius } from './fingertip-mask.js';
import { type ImpressionPreset, sampleImpressionParameters } from './impression-parameters.js';
import { fingerDirection, poisson, spreadingChance, streamPrng, type SyntheticFinger } from './minutiae-master.js';
import { divergenceAt, orientationAt } from './minutiae-orientation.js';
import * as parameters from './minutiae-parameters.js';
import { distortPoint, type PlasticDistortion } from './plastic-distortion.js';
import { deriveSeed } from './prng.js';

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
const CONTACT_EDGE = 1.02;

/** Length of the segment whose image gives a minutia's direction after distortion and placement, px. */
const DIRECTION_PROBE = 4; // px

/** Spurious minutiae tried per one placed, before giving up on a crowded or tiny print. */
const SPURIOUS_ATTEMPTS = 8;
/** Border minutiae need a point in a narrow band and a ridge crossing the border: more tries. */
const BORDER_ATTEMPTS = 12;
/** A spurious minutia lies at least this far from every true one found, px. */
const SPURIOUS_CLEARANCE = parameters.HARD_CORE_DISTANCE;
/** Border minutiae lie within this distance beyond the extractor's border margin, px. */
const BORDER_BAND = parameters.BORDER_BAND;
/** A ridge cut at the border gives an ending; a valley cut there, a bifurcation. */
const BORDER_ENDING_SHARE = parameters.BORDER_ENDING_SHARE;

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
    // The silhouette's superellipse radius is at most its ellipse radius, so the distance the ellipse gives is a
    // lower bound: when even that exceeds the contact distance, the powers of the exact radius are not needed.
    const sx = (x - shape.cx) / (x < shape.cx ? shape.left : shape.right);
    const sy = (y - shape.cy) / (y < shape.cy ? shape.top : shape.bottom);
    const sigma = Math.sqrt(sx * sx + sy * sy);
    const reach = Math.sqrt((x - shape.cx) ** 2 + (y - shape.cy) ** 2);
    if (reach * (1 / Math.max(sigma, 1e-9) - 1) >= contact) return contact;
    const silhouette = reach * (1 / Math.max(fingertipRadius(shape, x, y), 1e-9) - 1);
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

  // Spurious minutiae. A point of the print: master (sx, sy), frame (fx, fy), border distance `edge`.
  const spurious = streamPrng(word, STREAM.spurious);
  const found = minutiae.length;
  let sx = 0;
  let sy = 0;
  let fx = 0;
  let fy = 0;
  let edge = 0;
  let frameLimited = false;
  /**
   * Draws a point of the print farther than MIN_EDGE_DISTANCE from its border and from every found minutia:
   * anywhere in the contact region, or, `nearBorder`, in the ring of the contact ellipse where border minutiae lie.
   */
  const drawPoint = (nearBorder: boolean): boolean => {
    if (nearBorder) {
      const phi = spurious.range(0, TURN);
      const c = Math.cos(phi);
      const sn = Math.sin(phi);
      const ry = sn > 0 ? contactBottom : contactTop;
      // Radii along the ray where the border distance is MIN_EDGE_DISTANCE .. + BORDER_BAND (ray approximation).
      const semi = Math.sqrt((c * contactRx) ** 2 + (sn * ry) ** 2);
      const r = CONTACT_EDGE * semi - EDGE_DISTANCE - spurious.range(0, BORDER_BAND);
      sx = contactX + (r * c * contactRx) / semi;
      sy = contactY + (r * sn * ry) / semi;
    } else {
      sx = contactX + spurious.range(-1, 1) * contactRx;
      sy = contactY + spurious.range(-contactTop, contactBottom);
    }
    const skin = skinEdge(sx, sy);
    if (skin < EDGE_DISTANCE) return false;
    place(sx, sy);
    fx = at[0];
    fy = at[1];
    const frame = frameEdge(fx, fy);
    frameLimited = frame < skin;
    edge = Math.min(skin, frame);
    if (edge < EDGE_DISTANCE) return false;
    for (let j = 0; j < found; j++) {
      const dx = minutiae[j]!.x - fx;
      const dy = minutiae[j]!.y - fy;
      if (dx * dx + dy * dy < SPURIOUS_CLEARANCE * SPURIOUS_CLEARANCE) return false;
    }
    return true;
  };
  const push = (d: number, ending: boolean, q: number): void => {
    minutiae.push({ x: Math.round(fx), y: Math.round(fy), direction: d, type: ending ? 'ending' : 'bifurcation', quality: q });
  };

  // Inside the print: skin marks, dirt, broken ridges; directed along the flow like true minutiae.
  const inside = poisson(spurious, found * spurious.range(rates.spurious[0], rates.spurious[1]));
  for (let attempt = 0, added = 0; added < inside && attempt < inside * SPURIOUS_ATTEMPTS; attempt++) {
    if (!drawPoint(false)) continue;
    const theta = orientationAt(finger.orientation, sx, sy);
    const along = spurious.uniform() < spreadingChance(divergenceAt(finger.orientation, sx, sy, theta), 0, 0);
    const d = direction(sx, sy, theta + (along ? 0 : Math.PI), fx, fy);
    push(d, spurious.uniform() < ENDING_SHARE, quality(edge, 0.7 * clarity + spurious.normal(0, 0.15)));
    added++;
  }

  // Along the border: ridges cut where the print fades end there, and the ends the extractor keeps (just inside
  // its border margin) point into the print. A ridge running along the border is not cut, so a point is kept with
  // the chance |cos| of the angle between the ridge and the inward normal.
  const border = poisson(spurious, found * spurious.range(rates.border[0], rates.border[1]));
  for (let attempt = 0, added = 0; added < border && attempt < border * BORDER_ATTEMPTS; attempt++) {
    if (!drawPoint(true) || edge > EDGE_DISTANCE + BORDER_BAND) continue;
    let nx: number;
    let ny: number;
    if (frameLimited) {
      // The nearest side of the sensor frame.
      const sides = [fx, fy, width - 1 - fx, height - 1 - fy];
      const side = sides.indexOf(Math.min(...sides));
      nx = side === 0 ? 1 : side === 2 ? -1 : 0;
      ny = side === 1 ? 1 : side === 3 ? -1 : 0;
    } else {
      // Towards the contact centre, which placement puts at (offsetX, offsetY).
      const r = Math.hypot(offsetX - fx, offsetY - fy) || 1;
      nx = (offsetX - fx) / r;
      ny = (offsetY - fy) / r;
    }
    const d = direction(sx, sy, orientationAt(finger.orientation, sx, sy), fx, fy);
    const cos = Math.cos(d) * nx - Math.sin(d) * ny; // direction vector (cos d, -sin d) against the normal
    if (spurious.uniform() >= Math.abs(cos)) continue;
    const inward = cos >= 0 ? d : (d + Math.PI) % TURN;
    push(inward, spurious.uniform() < BORDER_ENDING_SHARE, quality(edge, clarity + spurious.normal(0, 0.15)));
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
