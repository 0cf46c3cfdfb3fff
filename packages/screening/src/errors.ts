/**
 * Screening errors. Every failure the screening library reports carries a stable string code (listed in
 * docs/errors.md and kept in step by test/parse-error-codes.test.ts) so that the CLI, the server and callers can act
 * on it without parsing messages. Parse errors also say where the input broke (line, XML element path) because an
 * operator fixing a list file needs the place, not just the fact.
 */

export const SCREENING_ERROR_CODES = [
  /** The XML is not well-formed or not shaped like the UN consolidated list (missing root, unexpected nesting). */
  'SCREENING_PARSE_XML',
  /** The CSV is not well-formed (unterminated quote, wrong column count, missing or unexpected header). */
  'SCREENING_PARSE_CSV',
  /** A well-formed record holds an invalid value: a missing id or name, a bad date, an unknown country, a bad document. */
  'SCREENING_INVALID_RECORD',
  /** Two records in one list carry the same id, so updates and change reports would be ambiguous. */
  'SCREENING_DUPLICATE_ID',
  /** The list format was not given and cannot be recognised from the file, or an unknown format name was given. */
  'SCREENING_UNKNOWN_FORMAT',
  /** A list file (or a file it needs beside it, such as OFAC alt.csv) cannot be read. */
  'SCREENING_FILE_UNREADABLE',
  /** A change report was asked between versions of two different sources (a UN list against an OFAC list). */
  'SCREENING_VERSION_MISMATCH',
  /** The watchlist store cannot read or write its data directory. */
  'SCREENING_STORE_IO',
  /** A stored list version is damaged or does not match its recorded content hash. */
  'SCREENING_STORE_CORRUPT',
  /** A screening threshold or false-alert rate outside [0, 1]. */
  'SCREENING_INVALID_THRESHOLD',
  /** A calibration was asked for without any negatives to calibrate on. */
  'SCREENING_CALIBRATION_INPUT',
  /** A screening query holds an invalid value (a date of birth that is not YYYY, YYYY-MM or YYYY-MM-DD). */
  'SCREENING_INVALID_QUERY',
] as const;

export type ScreeningErrorCode = (typeof SCREENING_ERROR_CODES)[number];

/** Where in an input file a parse error happened. Lines are 1-based. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** XML element path such as `CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[12]/INDIVIDUAL_DATE_OF_BIRTH`. */
  readonly path?: string;
}

function describe(location: ErrorLocation | undefined): string {
  if (location === undefined) return '';
  const where: string[] = [];
  if (location.file !== undefined) where.push(location.file);
  if (location.line !== undefined) where.push(`line ${location.line}${location.column !== undefined ? `:${location.column}` : ''}`);
  if (location.path !== undefined) where.push(`at ${location.path}`);
  return where.length > 0 ? ` (${where.join(', ')})` : '';
}

/** An error raised by the screening library, with a stable {@link ScreeningErrorCode} and, for parse errors, a location. */
export class ScreeningError extends Error {
  override readonly name = 'ScreeningError';
  readonly code: ScreeningErrorCode;
  readonly location: ErrorLocation | undefined;

  constructor(code: ScreeningErrorCode, message: string, options?: { cause?: unknown; location?: ErrorLocation }) {
    super(`${message}${describe(options?.location)}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = options?.location;
  }
}

/** True when `error` is a {@link ScreeningError}, optionally with the given code. */
export function isScreeningError(error: unknown, code?: ScreeningErrorCode): error is ScreeningError {
  return error instanceof ScreeningError && (code === undefined || error.code === code);
}
