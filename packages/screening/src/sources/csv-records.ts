/**
 * Strict CSV reading for the list parsers (RFC 4180 with csv-parse): every record must have the expected number
 * of fields, and any malformation (an unclosed quote, a stray quote, a wrong field count) rejects the whole file
 * with SCREENING_PARSE_CSV and the line, so a damaged download is never half-imported.
 */
import { parse, type CsvError } from 'csv-parse/sync';
import { ScreeningError } from '../errors.js';

/**
 * One CSV record with the (1-based) line it ends on, for error messages. The line is worked out only when asked
 * for: csv-parse's line tracking costs about 40 % of its time, and lines are needed only to report an error.
 */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

const PARSE_OPTIONS = {
  bom: true,
  // Lists mix CRLF and LF line ends; csv-parse would otherwise fix the delimiter from the first line.
  record_delimiter: ['\r\n', '\n', '\r'],
  skip_empty_lines: true,
  relax_column_count: true,
};

/**
 * Parses CSV text into records of exactly `columns` fields. Blank lines are skipped. The DOS end-of-file marker
 * (Ctrl-Z, 0x1A) that OFAC's exports end with is dropped first: it is not data.
 */
export function readCsvRecords(text: string, columns: number, file: string | undefined): CsvRecord[] {
  // The marker is a control character by definition, which is what the rule guards against elsewhere.
  // eslint-disable-next-line no-control-regex
  const body = text.replace(/\x1a+\s*$/, '');
  let rows: string[][];
  try {
    rows = parse(body, PARSE_OPTIONS) as string[][];
  } catch (cause) {
    const error = cause as Partial<CsvError> & { lines?: number };
    const reason = (error.message ?? String(cause)).replace(/ at line \d+.*$/, '');
    throw new ScreeningError('SCREENING_PARSE_CSV', `malformed CSV: ${reason}`, {
      cause,
      location: { file, ...(typeof error.lines === 'number' ? { line: error.lines } : {}) },
    });
  }
  let lines: number[] | undefined;
  const lineOf = (index: number): number => {
    // The same text parsed a second time, now with line numbers: it parsed once, so it parses again.
    lines ??= (parse(body, { ...PARSE_OPTIONS, info: true }) as unknown as { info: { lines: number } }[]).map((r) => r.info.lines);
    return lines[index]!;
  };
  return rows.map((fields, index) => {
    if (fields.length !== columns) {
      throw new ScreeningError('SCREENING_PARSE_CSV', `expected ${columns} fields, found ${fields.length}`, {
        location: { file, line: lineOf(index) },
      });
    }
    return {
      fields,
      get line(): number {
        return lineOf(index);
      },
    };
  });
}
