/**
 * Reads a template record (ISO/IEC 19794-2, ANSI/INCITS 378 or Sarhad's own format, detected from the bytes) for
 * every sample of a data set, optionally maps it back to the original capture frame (map-template-frame.ts), and
 * prepares it. A record that does not decode, or has no finger view, is a failure that scores 0, like a failed
 * extraction; a file that cannot be read at all stops the run.
 */
import { readFileSync } from 'node:fs';
import { cpuMs } from './cpu-clock.js';
import { basename, extname } from 'node:path';
import { decodeAnyTemplate, prepare } from '@sarhad/engine';
import { CliError } from './errors.js';
import { mapTemplateFrame, type CaptureFrame } from './map-template-frame.js';
import { sampleFailure, type SampleOutcome } from './sample-outcome.js';

/** Options of {@link decodeTemplateSamples}. */
export interface DecodeTemplateSamplesOptions {
  /** The original capture the records' coordinates are mapped to; none keeps them as decoded. */
  readonly frame?: CaptureFrame;
  readonly onProgress?: (done: number) => void;
}

/** Decodes, maps and prepares the first finger view of every file in `files`, in order. */
export function decodeTemplateSamples(
  files: readonly string[],
  options: DecodeTemplateSamplesOptions = {},
): SampleOutcome[] {
  const outcomes: SampleOutcome[] = [];
  for (const file of files) {
    const sample = basename(file, extname(file));
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      throw new CliError('CLI_DATASET_INVALID', `${file}: cannot read the template (${(error as Error).message})`, {
        cause: error,
      });
    }
    const start = cpuMs();
    let ms = 0;
    try {
      const { views } = decodeAnyTemplate(bytes);
      const view = views[0];
      if (view === undefined) throw new CliError('CLI_DATASET_INVALID', `${file}: the record holds no finger view`);
      const template = options.frame === undefined ? view : mapTemplateFrame(view, options.frame);
      ms = cpuMs() - start;
      const prepareStart = cpuMs();
      const prepared = prepare(template);
      const prepareMs = cpuMs() - prepareStart;
      outcomes.push({ sample, prepared, minutiae: template.minutiae.length, ms, prepareMs });
    } catch (error) {
      // If decoding threw, its time to fail is the decoding time; if prepare threw, ms already holds it.
      const failedMs = ms || cpuMs() - start;
      outcomes.push({ sample, failure: sampleFailure(error), minutiae: 0, ms: failedMs, prepareMs: 0 });
    }
    options.onProgress?.(outcomes.length);
  }
  return outcomes;
}
