/**
 * A template-level synthetic finger: the whole fingertip's minutiae, what every impression of that finger is a
 * partial, distorted and imperfect view of. It shares the master prints' models (class frequencies, fingertip
 * silhouette, singular points, orientation field, skin wear) but places minutiae directly instead of growing ridges,
 * which makes a finger in microseconds rather than half a second, so background galleries of millions of fingers
 * can be made on demand.
 *
 * Minutiae form an inhibited, clustered Poisson process over the silhouette: uniform darts, plus darts from a
 * few Gaussian clusters that gather around the singular points more often than chance, at a density that varies
 * from finger to finger; a dart is kept only if no kept minutia lies within HARD_CORE_DISTANCE. A minutia's
 * direction is the ridge orientation there (minutiae-orientation.ts), plus a little scatter, pointing along the
 * ridge tangent t or against it with log-odds set by the flow's divergence (ridges begin where the flow spreads),
 * by t's alignment with the way to the finger's centre and by its alignment with the way down to the palm, the
 * three polarity tendencies measured on FVC templates. Types are drawn with the real share of endings. Parameters
 * and the data they come from: minutiae-parameters.ts.
 */
import { type FingerprintClass, sampleFingerprintClass } from './fingerprint-class.js';
import { type FingertipShape, fingertipRadius, sampleFingertipShape } from './fingertip-mask.js';
import { MASTER_HEIGHT, MASTER_WIDTH } from './master-print.js';
import * as parameters from './minutiae-parameters.js';
import { divergenceAt, orientationAt, type PointOrientation, samplePointOrientation } from './minutiae-orientation.js';
import { deriveSeed, Prng, seedWord } from './prng.js';
import { sampleSingularPoints, type SingularPoint } from './singular-points.js';
import { sampleSkinWear } from './skin-wear.js';

/** PRNG streams of a finger's stages, so that one stage drawing more numbers does not reshuffle the others. */
const STREAM = { class: 1, shape: 2, singular: 3, orientation: 4, minutiae: 5, wear: 6, sensor: 7 } as const;

const TURN = 2 * Math.PI;

// Module-local copies: imported bindings are live and some loaders compile them to getters, which the loops below
// would call for every dart.
const ENDING_SHARE = parameters.ENDING_SHARE;
const FINGER_DENSITY_SPREAD = parameters.FINGER_DENSITY_SPREAD;
const HARD_CORE_DISTANCE = parameters.HARD_CORE_DISTANCE;
const MASTER_DENSITY = parameters.MASTER_DENSITY;
const MASTER_DIRECTION_SD = parameters.MASTER_DIRECTION_SD;
const POLARITY_GAIN = parameters.POLARITY_GAIN;
const INWARD_GAIN = parameters.INWARD_GAIN;
const DOWN_GAIN = parameters.DOWN_GAIN;

const SENSOR_FRAMES = parameters.SENSOR_FRAMES;
const CLUSTERED_SHARE = parameters.CLUSTERED_SHARE;
const CLUSTER_COUNT_MEAN = parameters.CLUSTER_COUNT_MEAN;
const CLUSTER_SD = parameters.CLUSTER_SD;
const SINGULAR_CLUSTER_CHANCE = parameters.SINGULAR_CLUSTER_CHANCE;

/**
 * Prng seeds are folded into 32-bit words (prng.ts), and 2.2 million fingers folded at random would share a word
 * about 560 times: identical "different" fingers in a background gallery. 2^52 + w for a 32-bit w keeps w intact
 * through the fold (every such double has the same high word, w is its low word), so distinct words give distinct
 * streams.
 */
const INJECTIVE_SEED = 2 ** 52;
const WORD = 2 ** 32;

/** The 32-bit word of a finger id: an integer in [0, 2^32) is its own word; any other number is folded. */
export function fingerWord(id: number): number {
  return Number.isInteger(id) && id >= 0 && id < WORD ? id : seedWord(id);
}

/** An independent stream `stream` of the 32-bit word `word`; distinct (word, stream) pairs never collide. */
export function streamPrng(word: number, stream: number): Prng {
  return new Prng(INJECTIVE_SEED + deriveSeed(INJECTIVE_SEED + word, stream));
}

/** A synthetic finger's minutiae (master frame, px at 500 dpi, y down; directions in [0, 2π)). */
export interface SyntheticFinger {
  /** The finger's 32-bit word ({@link fingerWord}); impressions derive their streams from it. */
  readonly word: number;
  readonly class: FingerprintClass;
  readonly shape: FingertipShape;
  readonly singularities: readonly SingularPoint[];
  readonly orientation: PointOrientation;
  /** Skin wear 0..1 (skin-wear.ts): worn fingers lose more minutiae in every impression. */
  readonly wear: number;
  /** The sensor frame its impressions are captured in, px at 500 dpi. */
  readonly frameWidth: number;
  readonly frameHeight: number;
  readonly count: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /**
   * Directions, filled on first use by {@link fingerDirection} (NaN until then): a background template needs only
   * the minutiae its impression shows, and the orientation field is most of a finger's cost.
   */
  readonly direction: Float64Array;
  /** The uniform draw that picks each minutia's polarity, and its direction scatter (rad). */
  readonly polarity: Float64Array;
  readonly scatter: Float64Array;
  /** 1 for a ridge ending, 0 for a bifurcation. */
  readonly ending: Uint8Array;
}

/** Most darts thrown per finger: far above the mean (about 70), so the cap never binds in practice. */
const MAX_DARTS = 512;

// The minutiae of the finger being made; copied out at the end, so a finger allocates only what it keeps.
const dartX = new Float64Array(MAX_DARTS);
const dartY = new Float64Array(MAX_DARTS);
const dartPolarity = new Float64Array(MAX_DARTS);
const dartScatter = new Float64Array(MAX_DARTS);
const dartDirection = new Float64Array(MAX_DARTS);
const dartEnding = new Uint8Array(MAX_DARTS);

/** Darts kept so far for the finger being made (in dartX, dartY). */
let darts = 0;

/** Keeps the dart (x, y) if it falls inside the silhouette and no kept dart is within HARD_CORE_DISTANCE. */
function throwDart(shape: FingertipShape, x: number, y: number): void {
  if (darts === MAX_DARTS || !insideSilhouette(shape, x, y)) return;
  const minimum2 = HARD_CORE_DISTANCE * HARD_CORE_DISTANCE;
  for (let j = 0; j < darts; j++) {
    const dx = dartX[j]! - x;
    const dy = dartY[j]! - y;
    if (dx * dx + dy * dy < minimum2) return;
  }
  dartX[darts] = x;
  dartY[darts] = y;
  darts++;
}

/** A Poisson deviate of mean `mean` (counting unit-rate exponential gaps; the means here are below a hundred). */
export function poisson(prng: Prng, mean: number): number {
  let n = 0;
  let clock = -Math.log(1 - prng.uniform());
  while (clock < mean) {
    n++;
    clock -= Math.log(1 - prng.uniform());
  }
  return n;
}

/**
 * The synthetic finger `id`: integers in [0, 2^32) are distinct fingers, any other number is folded into that
 * range (see {@link fingerWord}); equal ids give identical fingers.
 */
export function syntheticFinger(id: number): SyntheticFinger {
  const word = fingerWord(id);
  const cls = sampleFingerprintClass(streamPrng(word, STREAM.class));
  const shape = sampleFingertipShape(MASTER_WIDTH, MASTER_HEIGHT, streamPrng(word, STREAM.shape));
  const singularities = sampleSingularPoints(cls, shape, streamPrng(word, STREAM.singular));
  const orientation = samplePointOrientation(
    MASTER_WIDTH,
    MASTER_HEIGHT,
    shape,
    singularities,
    streamPrng(word, STREAM.orientation),
  );
  const wear = sampleSkinWear(streamPrng(word, STREAM.wear));
  const [frameWidth, frameHeight] = SENSOR_FRAMES[streamPrng(word, STREAM.sensor).int(SENSOR_FRAMES.length)]!;

  const prng = streamPrng(word, STREAM.minutiae);
  const left = shape.cx - shape.left;
  const top = shape.cy - shape.top;
  const boxWidth = shape.left + shape.right;
  const boxHeight = shape.top + shape.bottom;
  const density = MASTER_DENSITY * Math.exp(prng.normal(0, FINGER_DENSITY_SPREAD));
  darts = 0;
  // The unclustered part: a Poisson number of uniform darts over the bounding box.
  const uniformDarts = poisson(prng, (1 - CLUSTERED_SHARE) * density * boxWidth * boxHeight);
  for (let i = 0; i < uniformDarts; i++) throwDart(shape, left + prng.uniform() * boxWidth, top + prng.uniform() * boxHeight);
  // The clustered part: Gaussian clusters, centred on singular points more often than chance would put them there.
  const clusters = 1 + poisson(prng, CLUSTER_COUNT_MEAN - 1);
  const clusteredDarts = (CLUSTERED_SHARE * density * Math.PI * boxWidth * boxHeight) / 4; // the silhouette's area, about
  for (let c = 0; c < clusters; c++) {
    let cx: number;
    let cy: number;
    if (singularities.length > 0 && prng.uniform() < SINGULAR_CLUSTER_CHANCE) {
      const s = singularities[prng.int(singularities.length)]!;
      cx = s.x;
      cy = s.y;
    } else {
      cx = left + prng.uniform() * boxWidth;
      cy = top + prng.uniform() * boxHeight;
    }
    const sd = prng.range(CLUSTER_SD[0], CLUSTER_SD[1]);
    const n = poisson(prng, clusteredDarts / clusters);
    for (let i = 0; i < n; i++) throwDart(shape, prng.normal(cx, sd), prng.normal(cy, sd));
  }
  const singles = darts;
  // Directions are computed on first use (fingerDirection); draw what they need now, so the draws do not depend
  // on which minutiae an impression shows.
  for (let i = 0; i < singles; i++) {
    dartPolarity[i] = prng.uniform();
    dartScatter[i] = prng.normal(0, MASTER_DIRECTION_SD);
    dartDirection[i] = NaN;
  }
  for (let i = 0; i < singles; i++) dartEnding[i] = prng.uniform() < ENDING_SHARE ? 1 : 0;

  const count = darts;
  const x = dartX.slice(0, count);
  const y = dartY.slice(0, count);
  const direction = dartDirection.slice(0, count);
  const polarity = dartPolarity.slice(0, count);
  const scatter = dartScatter.slice(0, count);
  const ending = dartEnding.slice(0, count);
  return {
    word,
    class: cls,
    shape,
    singularities,
    orientation,
    wear,
    frameWidth,
    frameHeight,
    count,
    x,
    y,
    direction,
    polarity,
    scatter,
    ending,
  };
}

/**
 * The direction of minutia `i` of `finger`, radians in [0, 2π): the ridge orientation there, turned by π unless
 * the minutia points along the spreading flow (see module comment), plus its scatter. Computed once and cached.
 */
export function fingerDirection(finger: SyntheticFinger, i: number): number {
  const cached = finger.direction[i]!;
  if (cached === cached) return cached; // not NaN
  const x = finger.x[i]!;
  const y = finger.y[i]!;
  const theta = orientationAt(finger.orientation, x, y);
  // The ridge tangent t = (cos θ, -sin θ) against the unit vector towards the silhouette's centre.
  const rx = finger.shape.cx - x;
  const ry = finger.shape.cy - y;
  const inward = (Math.cos(theta) * rx - Math.sin(theta) * ry) / (Math.sqrt(rx * rx + ry * ry) || 1);
  const along = finger.polarity[i]! < spreadingChance(divergenceAt(finger.orientation, x, y, theta), inward, -Math.sin(theta));
  const d = theta + (along ? 0 : Math.PI) + finger.scatter[i]!;
  const wrapped = ((d % TURN) + TURN) % TURN;
  finger.direction[i] = wrapped;
  return wrapped;
}

/**
 * The chance that a minutia points along the ridge tangent t where t has divergence `divergence` (1/px), `inward`
 * is the cosine between t and the direction to the finger's centre and `down` the cosine between t and the image's
 * downward direction (towards the palm).
 */
export function spreadingChance(divergence: number, inward: number, down: number): number {
  return 1 / (1 + Math.exp(-POLARITY_GAIN * divergence - INWARD_GAIN * inward - DOWN_GAIN * down));
}

/**
 * Whether (x, y) lies inside the silhouette. A superellipse of exponent >= 2 contains the ellipse on the same
 * semi-axes, so points inside that ellipse need no powers.
 */
export function insideSilhouette(shape: FingertipShape, x: number, y: number): boolean {
  const dx = (x - shape.cx) / (x < shape.cx ? shape.left : shape.right);
  const dy = (y - shape.cy) / (y < shape.cy ? shape.top : shape.bottom);
  if (dx * dx + dy * dy <= 1) return true;
  return fingertipRadius(shape, x, y) <= 1;
}
