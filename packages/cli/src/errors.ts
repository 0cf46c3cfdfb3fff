/**
 * Command-line errors. Failures that belong to the command line itself (option values, files on disk, data-set
 * layout) carry a stable string code, listed in docs/errors.md and kept in step by test/errors.test.ts; errors of
 * the libraries keep their own codes (ENGINE_*, SCREENING_*). `main` prints any coded error as `code: message`.
 */

export const CLI_ERROR_CODES = [
  /** An option or argument value cannot be parsed or is out of range (`--dpi abc`, `--frame 300x`). */
  'CLI_INVALID_OPTION',
  /** An image carries no usable resolution and none was given with `--dpi`. */
  'CLI_DPI_UNKNOWN',
  /** An image file cannot be read or decoded (not PNG, TIFF or JPEG, truncated, unreadable). */
  'CLI_IMAGE_UNREADABLE',
  /** An evaluation data set is missing, empty, or not a complete finger x impression grid. */
  'CLI_DATASET_INVALID',
  /** A benchmark could not run: its server did not start, or set-up through the API was refused. */
  'CLI_BENCH_FAILED',
  /** The traffic simulator could not start or continue: the server refused its set-up (no demo data, credentials). */
  'CLI_SIMULATE_FAILED',
  /** A travellers import file is invalid; the message names the line and column. Nothing was imported. */
  'CLI_IMPORT_INVALID',
] as const;

/** One of {@link CLI_ERROR_CODES}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

/** An error raised by the command line, with a stable {@link CliErrorCode}. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `error` is a {@link CliError}, optionally with the given code. */
export function isCliError(error: unknown, code?: CliErrorCode): error is CliError {
  return error instanceof CliError && (code === undefined || error.code === code);
}
