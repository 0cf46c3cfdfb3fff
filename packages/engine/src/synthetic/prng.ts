/**
 * The seeded pseudo-random generator behind every synthetic fingerprint. Synthetic prints are test fixtures and
 * demo data, so the same seed must give the same bytes on every machine and Node version: `Math.random` is neither
 * seedable nor specified, hence this module.
 *
 * The generator is xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47(4), 2021): 128 bits of state, period 2^128 - 1, passes BigCrush, and needs only 32-bit integer arithmetic,
 * which JavaScript does exactly with `Math.imul` and `>>>`. Its state is filled by SplitMix32 (a 32-bit variant of
 * Steele, Lea and Flood's SplitMix, OOPSLA 2014), which Vigna recommends for seeding so that similar seeds give
 * unrelated streams.
 */

/** One step of SplitMix32's output function: a bijective avalanche mix of a 32-bit word. */
function mix32(z: number): number {
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

// Explicit little-endian access, so a seed means the same stream on a big-endian machine too.
const seedView = new DataView(new ArrayBuffer(8));

/**
 * Folds any JavaScript number (integer or not, negative, NaN) into a 32-bit seed word. Every bit of the IEEE-754
 * representation takes part, so seeds 1 and 2 ** 32 + 1 stay distinct instead of being truncated to the same word.
 */
export function seedWord(seed: number): number {
  seedView.setFloat64(0, seed, true);
  const low = seedView.getUint32(0, true);
  const high = seedView.getUint32(4, true);
  return mix32((low ^ mix32(high + 0x9e3779b9)) >>> 0);
}

/**
 * The seed of an independent sub-stream: generation stages draw from their own stream (`deriveSeed(seed, 3)`)
 * so that a change in how many numbers one stage consumes does not shift every later stage.
 */
export function deriveSeed(seed: number, stream: number): number {
  return mix32((seedWord(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);
}

/** A deterministic xoshiro128** stream. Not for cryptography. */
export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  /** Seeds the state from `seed` (any number, see {@link seedWord}) through SplitMix32. */
  constructor(seed: number) {
    let z = seedWord(seed);
    const next = (): number => {
      z = (z + 0x9e3779b9) >>> 0;
      return mix32(z);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    // The all-zero state is the one fixed point of xoshiro; SplitMix32 output makes it practically impossible,
    // but guard it so the generator is total.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform number in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** A uniform integer in [0, n) for a positive integer n (multiply-shift; the bias is below 2^-32 · n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** -1 or +1 with equal probability. */
  sign(): number {
    return this.nextUint32() & 1 ? 1 : -1;
  }

  /** A normal deviate (Box-Muller; the second value of each pair is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * z;
    }
    // 1 - uniform() is in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const phi = 2 * Math.PI * this.uniform();
    this.spareNormal = r * Math.sin(phi);
    return mean + sd * r * Math.cos(phi);
  }

  /** An index drawn with probability proportional to `weights[i]` (non-negative, not all zero). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
