/**
 * What loading one sample of an evaluation set produced: a prepared template, or the reason there is none. Shared
 * by image extraction (`eval fvc`, `bench engine`) and template decoding (`eval fvc-iso`), so the protocol runner
 * does not care where templates came from. A failure is kept, not skipped: its comparisons score 0 (FVC protocol).
 */
import type { PreparedTemplate } from '@sarhad/engine';

/** Why a sample has no template: the error's stable code (ENGINE_NO_FINGERPRINT...) and its message. */
export interface SampleFailure {
  readonly code: string;
  readonly message: string;
}

/** The result of loading one sample. */
export interface SampleOutcome {
  /** The FVC file stem, `101_1`. */
  readonly sample: string;
  /** Undefined exactly when `failure` is set. */
  readonly prepared?: PreparedTemplate;
  readonly failure?: SampleFailure;
  /** Minutiae in the template (0 on failure). */
  readonly minutiae: number;
  /** Milliseconds to extract the template from the decoded image, or to decode (and map) the template record. */
  readonly ms: number;
  /** Milliseconds to prepare the template for matching (0 on failure). */
  readonly prepareMs: number;
}

/** The code and message of anything thrown while making a template; errors without a code keep their name. */
export function sampleFailure(error: unknown): SampleFailure {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return { code: typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error', message };
}
