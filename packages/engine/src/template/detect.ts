/**
 * Format detection for template bytes of unknown origin (uploads, imports, vendor SDK output): Sarhad's own
 * format by its "SRHD" magic, and the two "FMR\0" formats by their length fields (fmr-header.ts). Then one call
 * decodes any of them to engine templates.
 */
import { EngineError } from '../errors.js';
import { decodeAnsiRecord } from './ansi378.js';
import { classifyFmrRecord, startsLikeFmr } from './fmr-header.js';
import { decodeTemplate, SARHAD_TEMPLATE_MAGIC } from './internal-format.js';
import { decodeIsoRecord } from './iso19794-2.js';
import { ANSI378_2004_FORMAT, ISO19794_2_2005_FORMAT, SARHAD_FORMAT } from './template-format.js';
import type { TemplateFormat } from './template-format.js';
import type { FingerprintTemplate } from './template.js';

/** Templates decoded by {@link decodeAnyTemplate}, with the format they were found in. */
export interface DecodedTemplates {
  readonly format: TemplateFormat;
  /** One template per finger view; a Sarhad template always has exactly one. */
  readonly views: FingerprintTemplate[];
}

/** True when the first min(4, length) bytes agree with "SRHD". */
function startsLikeSarhad(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SARHAD_TEMPLATE_MAGIC.length);
  for (let i = 0; i < n; i++) if (bytes[i] !== SARHAD_TEMPLATE_MAGIC[i]) return false;
  return true;
}

/**
 * The format of `bytes`, from their first 12 bytes at most. Throws ENGINE_TEMPLATE_TRUNCATED when the bytes are
 * a prefix of a known header too short to decide (including no bytes at all), and ENGINE_TEMPLATE_FORMAT for
 * anything else that is not a known magic number and version. Detection does not validate the rest: decode to
 * do that.
 */
export function detectTemplateFormat(bytes: Uint8Array): TemplateFormat {
  if (!(bytes instanceof Uint8Array)) {
    throw new EngineError('ENGINE_TEMPLATE_FORMAT', `template: expected a Uint8Array, got ${typeof bytes}`);
  }
  if (startsLikeSarhad(bytes)) {
    if (bytes.length >= SARHAD_TEMPLATE_MAGIC.length) return SARHAD_FORMAT;
    throw new EngineError('ENGINE_TEMPLATE_TRUNCATED', `template: ${bytes.length} bytes are too few to identify`);
  }
  if (startsLikeFmr(bytes)) return classifyFmrRecord(bytes);
  throw new EngineError(
    'ENGINE_TEMPLATE_FORMAT',
    'template: unknown format (expected a Sarhad template, ISO/IEC 19794-2:2005 or ANSI/INCITS 378-2004 record)',
  );
}

/**
 * Detects the format of `bytes` and decodes them to engine templates (500 dpi, radians). Throws the errors of
 * {@link detectTemplateFormat} and of the format's decoder.
 */
export function decodeAnyTemplate(bytes: Uint8Array): DecodedTemplates {
  const format = detectTemplateFormat(bytes);
  switch (format) {
    case SARHAD_FORMAT:
      return { format, views: [decodeTemplate(bytes)] };
    case ISO19794_2_2005_FORMAT:
      return { format, views: decodeIsoRecord(bytes).views };
    case ANSI378_2004_FORMAT:
      return { format, views: decodeAnsiRecord(bytes).views };
  }
}
