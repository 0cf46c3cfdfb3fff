/**
 * Parser for OFAC's Specially Designated Nationals list in its legacy CSV form
 * (https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas): sdn.csv (no header:
 * ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks)
 * joined on ent_num with alt.csv (ent_num, alt_num, alt_type, alt_name, alt_remarks), add.csv (ent_num, add_num,
 * address, city/state/postal code, country, add_remarks) and sdn_comments.csv (ent_num, the rest of a Remarks value
 * that sdn.csv cut at 1,000 characters). "-0-" marks an empty field.
 *
 * Individuals are written "LAST, First": the parser keeps that split in `parts` and `surname`. The companion files
 * may be newer than sdn.csv (the data set pairs a May 2024 sdn.csv with January 2025 companions), so rows for
 * ent_nums that sdn.csv does not have are skipped and counted in the list's notes.
 */
import type { ListedName, SubjectKind, WatchlistEntry } from '../entry.js';
import { findCountryCode } from '../countries.js';
import { ScreeningError } from '../errors.js';
import { readCsvRecords, type CsvRecord } from './csv-records.js';
import { collapseSpace } from './listed-name-text.js';
import { readOfacRemarks } from './ofac-remarks.js';
import type { ParsedList } from './parsed-list.js';

/** The texts of an OFAC file set. */
export interface OfacFiles {
  readonly sdn: string;
  readonly alt: string;
  readonly add: string;
  /** sdn_comments.csv; older publications have none. */
  readonly comments?: string;
}

/** File names used in error messages and notes. */
export const OFAC_FILE_NAMES = { sdn: 'sdn.csv', alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv' } as const;

/** sdn.csv cuts Remarks at this many characters and continues them in sdn_comments.csv. */
const REMARKS_LIMIT = 1000;

/** A parsed OFAC list with notes about rows that were skipped (never silently). */
export interface ParsedOfacList extends ParsedList {
  readonly notes: readonly string[];
}

function value(field: string): string {
  const text = collapseSpace(field);
  return text === '-0-' ? '' : text;
}

function invalid(message: string, file: string, record: CsvRecord): never {
  throw new ScreeningError('SCREENING_INVALID_RECORD', message, { location: { file, line: record.line } });
}

function entNum(record: CsvRecord, file: string): string {
  const id = value(record.fields[0]!);
  if (!/^\d+$/.test(id)) invalid(`ent_num "${id}" is not a number`, file, record);
  return id;
}

/**
 * "LAST, First Middle" -> full "First Middle LAST", parts [First Middle, LAST], surname LAST. A name without a
 * comma, or an entity's name, is kept as it is.
 */
export function ofacName(name: string, individual: boolean, kind: ListedName['kind'], quality: ListedName['quality']): ListedName {
  const comma = name.indexOf(', ');
  if (!individual || comma <= 0) return { full: name, kind, quality };
  const surname = name.slice(0, comma).trim();
  const given = name.slice(comma + 2).trim();
  if (given === '' || surname === '') return { full: name, kind, quality };
  return { full: `${given} ${surname}`, parts: [given, surname], surname, asListed: name, kind, quality };
}

/**
 * Joins a cut Remarks value with its continuation. When the continuation comes from another edition it may
 * restate the end of the cut text ("...Listing Date (EO 14024 Directive 3)" + "...Directive 3): 24 Feb 2022"); the
 * overlap is found by the cut text's last words and not repeated.
 */
export function continueRemarks(cut: string, continuation: string): string {
  const tail = cut.slice(-30);
  const at = continuation.lastIndexOf(tail);
  return at >= 0 ? cut + continuation.slice(at + tail.length) : cut + continuation;
}

function groupByEntNum(records: CsvRecord[], file: string): Map<string, CsvRecord[]> {
  const groups = new Map<string, CsvRecord[]>();
  for (const record of records) {
    const id = entNum(record, file);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [record]);
    else group.push(record);
  }
  return groups;
}

/** Parses an OFAC SDN file set. Throws {@link ScreeningError} (SCREENING_PARSE_CSV, SCREENING_INVALID_RECORD...). */
export function parseOfacSdn(files: OfacFiles, names: Partial<Record<keyof OfacFiles, string>> = {}): ParsedOfacList {
  const fileName = { ...OFAC_FILE_NAMES, ...names };
  const sdn = readCsvRecords(files.sdn, 12, fileName.sdn);
  const alts = groupByEntNum(readCsvRecords(files.alt, 5, fileName.alt), fileName.alt);
  const adds = groupByEntNum(readCsvRecords(files.add, 6, fileName.add), fileName.add);
  const comments = groupByEntNum(files.comments === undefined ? [] : readCsvRecords(files.comments, 2, fileName.comments), fileName.comments);

  const entries: WatchlistEntry[] = [];
  const recordOf = new Map<string, CsvRecord>();
  const unread: string[] = [];
  let staleComments = 0;
  for (const record of sdn) {
    const id = entNum(record, fileName.sdn);
    const previous = recordOf.get(id);
    if (previous !== undefined) {
      throw new ScreeningError('SCREENING_DUPLICATE_ID', `ent_num ${id} is listed twice (first on line ${previous.line})`, {
        location: { file: fileName.sdn, line: record.line },
      });
    }
    recordOf.set(id, record);
    const [, rawName, rawType, rawProgram, rawTitle, , , , , , , rawRemarks] = record.fields as string[];
    const name = value(rawName!);
    if (name === '') invalid(`ent_num ${id} has no SDN_Name`, fileName.sdn, record);
    const type = value(rawType!).toLowerCase();
    if (!['', 'individual', 'vessel', 'aircraft'].includes(type)) invalid(`ent_num ${id}: unknown SDN_Type "${type}"`, fileName.sdn, record);
    const individual = type === 'individual';
    // Vessels and aircraft are screened like organisations: by name, never with a date of birth.
    const kind: SubjectKind = individual ? 'individual' : 'entity';
    const program = value(rawProgram!);
    if (program === '') invalid(`ent_num ${id} has no Program`, fileName.sdn, record);

    let remarks = value(rawRemarks!);
    const continuation = comments.get(id);
    if (continuation !== undefined) {
      // Only a Remarks value cut at the limit continues in sdn_comments; otherwise the comment belongs to another
      // edition of the list and appending it would duplicate or garble the text.
      if (rawRemarks!.length >= REMARKS_LIMIT) remarks = continueRemarks(rawRemarks!, continuation.map((c) => c.fields[1]!).join(''));
      else staleComments += 1;
    }
    const facts = readOfacRemarks(remarks, individual);
    unread.push(...facts.unread.map((item) => `${id}: ${item}`));

    const listedNames: ListedName[] = [ofacName(name, individual, 'primary', 'good')];
    const seenNames = new Set([listedNames[0]!.full]);
    const addName = (listed: ListedName): void => {
      if (!seenNames.has(listed.full)) {
        seenNames.add(listed.full);
        listedNames.push(listed);
      }
    };
    for (const alt of alts.get(id) ?? []) {
      const altType = value(alt.fields[2]!).toLowerCase();
      const altName = value(alt.fields[3]!);
      if (altName === '') invalid(`alt_num ${value(alt.fields[1]!)} of ent_num ${id} has no alt_name`, fileName.alt, alt);
      if (!['aka', 'fka', 'nka', 'weak', ''].includes(altType)) invalid(`ent_num ${id}: unknown alt_type "${altType}"`, fileName.alt, alt);
      addName(ofacName(altName, individual, 'alias', altType === 'weak' ? 'low' : 'good'));
    }
    for (const weak of facts.weakAliases) addName({ full: weak, kind: 'alias', quality: 'low' });

    const addressCountries: string[] = [];
    for (const add of adds.get(id) ?? []) {
      const country = findCountryCode(value(add.fields[4]!));
      if (country !== undefined && !addressCountries.includes(country)) addressCountries.push(country);
    }

    const title = value(rawTitle!);
    entries.push({
      id,
      source: 'ofac',
      kind,
      listType: program.split(/\]\s*\[/).join(', '),
      names: listedNames,
      titles: title === '' ? [] : [title],
      datesOfBirth: individual ? facts.datesOfBirth : [],
      nationalities: facts.nationalities,
      documents: facts.documents,
      ...(addressCountries.length > 0 ? { addressCountries } : {}),
      ...(facts.gender !== undefined ? { gender: facts.gender } : {}),
      ...(remarks !== '' ? { remarks } : {}),
    });
  }

  const notes: string[] = [];
  const orphans = (groups: Map<string, CsvRecord[]>, file: string): void => {
    let rows = 0;
    for (const [id, group] of groups) if (!recordOf.has(id)) rows += group.length;
    if (rows > 0) notes.push(`${rows} rows of ${file} name ent_nums absent from ${fileName.sdn} (a different edition); skipped`);
  };
  orphans(alts, fileName.alt);
  orphans(adds, fileName.add);
  orphans(comments, fileName.comments);
  if (files.comments === undefined) notes.push(`no ${fileName.comments}: remarks cut at ${REMARKS_LIMIT} characters stay cut`);
  if (staleComments > 0) notes.push(`${staleComments} rows of ${fileName.comments} continue remarks that are not cut (a different edition); skipped`);
  if (unread.length > 0) {
    notes.push(
      `${unread.length} remark items that look like a date of birth, nationality or document could not be read; kept as text: ${unread.slice(0, 10).join(' | ')}${unread.length > 10 ? ' ...' : ''}`,
    );
  }
  return { source: 'ofac', entries, notes };
}
