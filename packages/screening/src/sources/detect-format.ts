/**
 * Recognising a list file's format from its first bytes, so that `sarhad watchlist import <file>` needs no
 * --format for the files the lists publish.
 */
import { basename } from 'node:path';
import { ScreeningError } from '../errors.js';
import { LIST_FORMATS, type ListFormat } from '../versions/list-version.js';
import { NATIONAL_HEADER } from './national-csv.js';

/** Reads a format name given by a user (`--format`), or throws SCREENING_UNKNOWN_FORMAT. */
export function parseListFormat(name: string): ListFormat {
  if ((LIST_FORMATS as readonly string[]).includes(name)) return name as ListFormat;
  throw new ScreeningError('SCREENING_UNKNOWN_FORMAT', `unknown list format "${name}" (expected ${LIST_FORMATS.join(', ')})`);
}

/**
 * The format of a list file judged from its head (the first few kilobytes):
 * - `un`: XML whose root is CONSOLIDATED_LIST;
 * - `csv`: a national stop-list, whose first line is the documented header;
 * - `ofac`: sdn.csv, headerless, each line starting with a numeric ent_num, a quoted name and 12 fields.
 * Throws SCREENING_UNKNOWN_FORMAT otherwise.
 */
export function detectListFormat(head: string, path: string): ListFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) {
    if (/<CONSOLIDATED_LIST[\s>]/.test(text)) return 'un';
    throw new ScreeningError('SCREENING_UNKNOWN_FORMAT', `${basename(path)} is XML but not a UN consolidated list (no <CONSOLIDATED_LIST>)`);
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.replace(/\s/g, '').toLowerCase() === NATIONAL_HEADER.join(',')) return 'csv';
  if (/^\d+,"[^"]*",/.test(firstLine)) return 'ofac';
  throw new ScreeningError(
    'SCREENING_UNKNOWN_FORMAT',
    `cannot tell the format of ${basename(path)}: not UN consolidated XML, not an OFAC sdn.csv, not a national stop-list with the header ${NATIONAL_HEADER.join(',')}; pass --format`,
  );
}
