/**
 * Deterministic synthetic fingers for tests: a "finger" is a seeded set of minutiae; an "impression" of it is the
 * same minutiae rotated, moved, jittered, with some missed, as another capture of that finger would give. Encoded
 * as ISO/IEC 19794-2, ANSI/INCITS 378 or Sarhad templates in base64, the way lane devices send them. No real
 * person's fingerprints are involved.
 */
import {
  Prng,
  encodeAnsi378,
  encodeIso19794,
  encodeTemplate,
  generateImpression,
  generateMasterPrint,
  type FingerprintTemplate,
  type Minutia,
} from '@sarhad/engine';

const WIDTH = 400; // px at 500 dpi
const HEIGHT = 500; // px at 500 dpi
const MINUTIAE = 40;

/** The master minutiae of finger `position` of synthetic person `person`. */
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

/** Impression `capture` of finger `position` of person `person`: a small rotation and shift, jitter, misses. */
export function impression(person: number, position: number, capture: number): FingerprintTemplate {
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
      const direction = ((((m.direction + angle + rng.normal(0, 0.06)) % turn) + turn) % turn);
      return { ...m, x: Math.min(WIDTH - 1, Math.max(0, x)), y: Math.min(HEIGHT - 1, Math.max(0, y)), direction };
    });
  return { width: WIDTH, height: HEIGHT, fingerPosition: position, impressionType: 0, quality: 70, minutiae };
}

export type TemplateEncoding = 'iso' | 'ansi' | 'sarhad';

/** Base64 of an impression in the given format. */
export function templateBase64(template: FingerprintTemplate, encoding: TemplateEncoding = 'iso'): string {
  const bytes = encoding === 'iso' ? encodeIso19794(template) : encoding === 'ansi' ? encodeAnsi378(template) : encodeTemplate(template);
  return Buffer.from(bytes).toString('base64');
}

/** A capture body for the API: fingers `positions` of `person`, impression `capture`. */
export function fingerCaptures(
  person: number,
  positions: readonly number[],
  capture = 1,
  encoding: TemplateEncoding = 'iso',
): { position: number; template: string; capturedAt: string }[] {
  return positions.map((position) => ({
    position,
    template: templateBase64(impression(person, position, capture), encoding),
    capturedAt: '2026-11-26T07:59:00.000Z',
  }));
}

/** A synthetic grey raster of a finger (SFinGe-style, see packages/engine/SYNTHETIC.md), as the API takes it. */
export function syntheticRaster(seed: number, capture: number): { width: number; height: number; dpi: number; pixelsBase64: string } {
  const image = generateImpression(generateMasterPrint(seed), capture);
  return { width: image.width, height: image.height, dpi: image.dpi, pixelsBase64: Buffer.from(image.pixels).toString('base64') };
}
