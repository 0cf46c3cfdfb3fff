/**
 * Parser for a national stop-list CSV, the format a border agency keeps its own list in. The schema is documented
 * in docs/national-stop-list.md; validation is strict because the file is written by people: every value is
 * checked and the first bad one rejects the whole file with its line and column, so an operator fixes the file
 * instead of importing a list with a person silently missing.
 */
import type { DocumentKind, ListedDate, ListedDocument, ListedName, WatchlistEntry } from '../entry.js';
import { DOCUMENT_KINDS } from '../entry.js';
import { isCountryCode } from '../countries.js';
import { ScreeningError } from '../errors.js';
import { readCsvRecords, type CsvRecord } from './csv-records.js';
import { approximateDate, betweenDate, dateKey, parseIsoDate } from './listed-dates.js';
import { collapseSpace } from './listed-name-text.js';
import type { ParsedList } from './parsed-list.js';

/** The header line, exactly and in this order. */
export const NATIONAL_HEADER = ['id', 'names', 'aliases', 'dob', 'nationality', 'documents', 'reason', 'valid_until', 'list'] as const;
export type NationalColumn = (typeof NATIONAL_HEADER)[number];

/** Separates several values in one field (aliases, dates, nationalities, documents). */
export const VALUE_SEPARATOR = '|';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
const DOCUMENT_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$/;
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** Options for {@link parseNationalCsv}. */
export interface NationalCsvOptions {
  readonly file?: string;
}

/**
 * Reads one date of birth: `YYYY` (exact year), `YYYY-MM`, `YYYY-MM-DD`, `~YYYY` (about that year) or
 * `YYYY..YYYY` (between, inclusive).
 */
export function parseNationalDate(text: string): ListedDate | undefined {
  const approximate = /^~(\d{4})$/.exec(text);
  if (approximate !== null) return approximateDate(Number(approximate[1]));
  const range = /^(\d{4})\.\.(\d{4})$/.exec(text);
  if (range !== null) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    // A one-year range is a typo for a year or a range; refuse it rather than guess.
    return from < to ? betweenDate(from, to) : undefined;
  }
  const date = parseIsoDate(text);
  return date?.kind === 'year' ? date : date?.kind === 'exact' ? date : undefined;
}

/** Parses a national stop-list. Throws {@link ScreeningError} (SCREENING_PARSE_CSV, SCREENING_INVALID_RECORD...). */
export function parseNationalCsv(text: string, options: NationalCsvOptions = {}): ParsedList {
  const file = options.file;
  const records = readCsvRecords(text, NATIONAL_HEADER.length, file);
  const [header, ...rows] = records;
  const found = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  if (found.join(',') !== NATIONAL_HEADER.join(',')) {
    throw new ScreeningError('SCREENING_PARSE_CSV', `the header must be "${NATIONAL_HEADER.join(',')}", found "${found.join(',')}"`, {
      location: { file, line: header?.line ?? 1 },
    });
  }
  const entries: WatchlistEntry[] = [];
  const recordOf = new Map<string, CsvRecord>();
  for (const record of rows) {
    const entry = toEntry(record, file);
    const previous = recordOf.get(entry.id);
    if (previous !== undefined) {
      throw new ScreeningError('SCREENING_DUPLICATE_ID', `id ${entry.id} is listed twice (first on line ${previous.line})`, {
        location: { file, line: record.line },
      });
    }
    recordOf.set(entry.id, record);
    entries.push(entry);
  }
  return { source: 'national', entries };
}

function toEntry(record: CsvRecord, file: string | undefined): WatchlistEntry {
  const field = (column: NationalColumn): string => {
    const raw = record.fields[NATIONAL_HEADER.indexOf(column)]!;
    if (CONTROL_CHARACTERS.test(raw.replace(/[\r\n\t]/g, ' '))) bad(column, raw, 'contains control characters');
    return collapseSpace(raw);
  };
  const bad = (column: NationalColumn, value: string, why: string): never => {
    throw new ScreeningError('SCREENING_INVALID_RECORD', `column ${column}: "${value}" ${why}`, { location: { file, line: record.line } });
  };
  const list = (column: NationalColumn): string[] => {
    const text = field(column);
    if (text === '') return [];
    const items = text.split(VALUE_SEPARATOR).map((item) => item.trim());
    if (items.some((item) => item === '')) bad(column, text, `has an empty value between "${VALUE_SEPARATOR}" separators`);
    return items;
  };

  const id = field('id');
  if (!ID_PATTERN.test(id)) bad('id', id, 'is not an id (1-64 letters, digits and . _ : / -, starting with a letter or digit)');

  const primary = field('names');
  if (primary === '') bad('names', primary, 'is empty: every entry needs a full name');
  if (primary.includes(VALUE_SEPARATOR)) bad('names', primary, `holds several names: put the others in aliases`);
  if (!/\p{L}/u.test(primary)) bad('names', primary, 'has no letters');
  const names: ListedName[] = [{ full: primary, kind: 'primary', quality: 'good' }];
  const seen = new Set([primary]);
  for (const alias of list('aliases')) {
    if (!/\p{L}/u.test(alias)) bad('aliases', alias, 'has no letters');
    if (!seen.has(alias)) {
      seen.add(alias);
      names.push({ full: alias, kind: 'alias', quality: 'good' });
    }
  }

  const datesOfBirth: ListedDate[] = [];
  for (const text of list('dob')) {
    const date = parseNationalDate(text) ?? bad('dob', text, 'is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, ~YYYY or YYYY..YYYY)');
    if (!datesOfBirth.some((d) => dateKey(d) === dateKey(date))) datesOfBirth.push(date);
  }

  const nationalities: string[] = [];
  for (const code of list('nationality')) {
    if (!isCountryCode(code)) bad('nationality', code, 'is not an ISO 3166-1 alpha-3 country code (upper case, e.g. AFG)');
    if (!nationalities.includes(code)) nationalities.push(code);
  }

  const documents: ListedDocument[] = [];
  for (const text of list('documents')) {
    const [kind, number, country, ...rest] = text.split(':').map((part) => part.trim());
    if (rest.length > 0 || number === undefined) bad('documents', text, 'is not kind:number or kind:number:country');
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind!)) bad('documents', text, `has kind "${kind}" (expected ${DOCUMENT_KINDS.join(', ')})`);
    if (!DOCUMENT_NUMBER_PATTERN.test(number!)) bad('documents', text, 'has a number that is not 1-40 letters, digits, spaces and . / -');
    if (country !== undefined && !isCountryCode(country)) bad('documents', text, `has country "${country}", not an ISO 3166-1 alpha-3 code`);
    documents.push({ kind: kind as DocumentKind, number: number!, ...(country !== undefined ? { country } : {}) });
  }

  const reason = field('reason');
  if (reason === '') bad('reason', reason, 'is empty: a stop-list entry must say why the person is listed');
  const validUntil = field('valid_until');
  if (validUntil !== '') {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(validUntil) ? parseIsoDate(validUntil) : undefined;
    if (date?.kind !== 'exact' || date.day === undefined) bad('valid_until', validUntil, 'is not a date YYYY-MM-DD');
  }
  const listType = field('list');
  if (listType === '') bad('list', listType, 'is empty: name the list the entry belongs to');

  return {
    id,
    source: 'national',
    kind: 'individual',
    listType,
    names,
    titles: [],
    datesOfBirth,
    nationalities,
    documents,
    remarks: reason,
    ...(validUntil !== '' ? { validUntil } : {}),
  };
}
