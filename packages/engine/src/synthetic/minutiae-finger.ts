/**
 * Template-level synthetic fingers, for tests and benchmarks that need many fingers fast: a finger is a seeded set
 * of minutiae spread uniformly over a 400 x 500 px (500 dpi) frame; an impression is the same minutiae rotated
 * (±0.2 rad), moved (±15 px), jittered (σ 1.5 px, 0.06 rad) with about 15 % missed, as another capture of that
 * finger would give. They exercise the matcher's cost and the service's paths, not accuracy: real minutiae follow
 * the ridge flow (generate images with generateMasterPrint for that). No real person's fingerprints are involved.
 */
import type { FingerprintTemplate, Minutia } from '../template/template.js';
import { Prng } from './prng.js';

const WIDTH = 400; // px at 500 dpi
const HEIGHT = 500; // px at 500 dpi
const MINUTIAE = 40; // per finger, close to what the extractor keeps on a plain 500-dpi capture

/** The master minutiae of finger `position` (1..10) of synthetic person `person`. */
function masterMinutiae(person: number, position: number): Minutia[] {
  const rng = new Prng(person * 100 + position);
  return Array.from({ length: MINUTIAE }, () => ({
    x: rng.range(40, WIDTH - 40),
    y: rng.range(40, HEIGHT - 40),
    direction: rng.range(0, 2 * Math.PI),
    type: rng.uniform() < 0.5 ? ('ending' as const) : ('bifurcation' as const),
    quality: 60 + rng.int(40),
  }));
}

/**
 * Impression `capture` of finger `position` of synthetic person `person`: deterministic for the three numbers,
 * and different captures of one finger match each other while different fingers do not.
 */
export function syntheticMinutiaeImpression(person: number, position: number, capture: number): FingerprintTemplate {
  const rng = new Prng(person * 100_000 + position * 1000 + capture);
  const angle = rng.range(-0.2, 0.2);
  const dx = rng.range(-15, 15);
  const dy = rng.range(-15, 15);
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const turn = 2 * Math.PI;
  const minutiae = masterMinutiae(person, position)
    .filter(() => rng.uniform() > 0.15)
    .map((m) => {
      const x = cx + (m.x - cx) * Math.cos(angle) + (m.y - cy) * Math.sin(angle) + dx + rng.normal(0, 1.5);
      const y = cy - (m.x - cx) * Math.sin(angle) + (m.y - cy) * Math.cos(angle) + dy + rng.normal(0, 1.5);
      const direction = (((m.direction + angle + rng.normal(0, 0.06)) % turn) + turn) % turn;
      return { ...m, x: Math.min(WIDTH - 1, Math.max(0, x)), y: Math.min(HEIGHT - 1, Math.max(0, y)), direction };
    });
  return { width: WIDTH, height: HEIGHT, fingerPosition: position, impressionType: 0, quality: 70, minutiae };
}
