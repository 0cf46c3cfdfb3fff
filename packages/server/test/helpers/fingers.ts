/**
 * Deterministic synthetic fingers for tests: a "finger" is a seeded set of minutiae; an "impression" of it is the
 * same minutiae rotated, moved, jittered, with some missed, as another capture of that finger would give. Encoded
 * as ISO/IEC 19794-2, ANSI/INCITS 378 or Sarhad templates in base64, the way lane devices send them. No real
 * person's fingerprints are involved.
 */
import {
  syntheticMinutiaeImpression,
  encodeAnsi378,
  encodeIso19794,
  encodeTemplate,
  generateImpression,
  generateMasterPrint,
  type FingerprintTemplate,
} from '@sarhad/engine';

/** Impression `capture` of finger `position` of person `person` (the engine's template-level synthetic fingers). */
export const impression = syntheticMinutiaeImpression;

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
