/**
 * Recognising a list file's format from its first bytes (and, failing that, its name), so that
 * `sarhad watchlist import <file>` needs no --format for the files the lists publish.
 */
import { basename } from 'node:path';
import { ScreeningError } from '../errors.js';
import { LIST_FORMATS, type ListFormat } from '../versions/list-version.js';

/** Reads a format name given by a user (`--format`), or throws SCREENING_UNKNOWN_FORMAT. */
export function parseListFormat(name: string): ListFormat {
  if ((LIST_FORMATS as readonly string[]).includes(name)) return name as ListFormat;
  throw new ScreeningError('SCREENING_UNKNOWN_FORMAT', `unknown list format "${name}" (expected ${LIST_FORMATS.join(', ')})`);
}

/**
 * The format of a list file judged from its head (the first few kilobytes): `un` is XML whose root is
 * CONSOLIDATED_LIST. Throws SCREENING_UNKNOWN_FORMAT otherwise.
 */
export function detectListFormat(head: string, path: string): ListFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) {
    if (/<CONSOLIDATED_LIST[\s>]/.test(text)) return 'un';
    throw new ScreeningError('SCREENING_UNKNOWN_FORMAT', `${basename(path)} is XML but not a UN consolidated list (no <CONSOLIDATED_LIST>)`);
  }
  throw new ScreeningError('SCREENING_UNKNOWN_FORMAT', `cannot tell the format of ${basename(path)}: not UN consolidated XML; pass --format`);
}
