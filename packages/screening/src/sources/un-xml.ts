/**
 * Parser for the UN Security Council Consolidated List XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml,
 * schema https://www.un.org/sc/resources/sc-sanctions.xsd). The file is read as a stream with saxes: only one
 * INDIVIDUAL or ENTITY subtree is held in memory at a time, then turned into a {@link WatchlistEntry}.
 *
 * The list is hand-edited and irregular; the shapes handled here were found in the 2026 files, not only in the
 * schema: ALIAS_NAME values holding several names (";", "a) b)", parenthesised original-script forms), names in
 * alias NOTEs ("name in original script: ...", "original script: ..."), QUALITY values "a.k.a."/"f.k.a." besides
 * Good/Low, dates of birth given only in a NOTE ("Nov. 1973", "24/06/1402 (Hijri Calendar)", "30-35 years old"),
 * dates of birth on aliases, and document types in French and Spanish. Any value that cannot be read (a bad date,
 * an unknown country) rejects the whole file with the element path and line: a half-understood list is not
 * imported.
 */
import { SaxesParser } from 'saxes';
import type { AliasQuality, DocumentKind, ListedDate, ListedDocument, ListedName, SubjectKind, WatchlistEntry } from '../entry.js';
import { findCountryCode } from '../countries.js';
import { ScreeningError } from '../errors.js';
import {
  approximateDate,
  betweenDate,
  exactDate,
  findMonth,
  hijriToGregorian,
  parseIsoDate,
  pushDate,
  yearDate,
} from './listed-dates.js';
import { collapseSpace, hasNonLatinLetter, namesInNote, splitListedNames } from './listed-name-text.js';
import { textChunks, type ListText, type ParsedList } from './parsed-list.js';

/** One element of a record subtree, with where it sits in the file for error messages. */
interface XmlNode {
  readonly name: string;
  readonly path: string;
  readonly line: number;
  text: string;
  readonly children: XmlNode[];
}

const ROOT = 'CONSOLIDATED_LIST';
const SECTIONS: Readonly<Record<string, { record: string; kind: SubjectKind }>> = {
  INDIVIDUALS: { record: 'INDIVIDUAL', kind: 'individual' },
  ENTITIES: { record: 'ENTITY', kind: 'entity' },
};
const NAME_SLOTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'] as const;
/** Country values that mean "not stated" rather than naming a country. */
const NO_COUNTRY = new Set(['', 'na', 'n/a', 'unknown']);

/** Options for {@link parseUnXml}. */
export interface UnXmlOptions {
  /** File name used in error messages. */
  readonly file?: string;
}

/** Parses a UN consolidated list. Throws {@link ScreeningError} (SCREENING_PARSE_XML, SCREENING_INVALID_RECORD...). */
export async function parseUnXml(input: ListText, options: UnXmlOptions = {}): Promise<ParsedList> {
  const file = options.file;
  const parser = new SaxesParser({ position: true });
  const entries: WatchlistEntry[] = [];
  const seen = new Map<string, string>();
  let generatedOn: string | undefined;
  let rootSeen = false;
  /** Open elements from the root down, with per-name child counters so paths read `INDIVIDUAL[12]`. */
  const stack: { name: string; path: string; counts: Map<string, number> }[] = [];
  /** Open elements of the record being collected; empty outside records. */
  const record: XmlNode[] = [];
  let recordKind: SubjectKind | undefined;

  const fail = (message: string, path?: string, line = parser.line): never => {
    throw new ScreeningError('SCREENING_PARSE_XML', message, { location: { file, line, path } });
  };

  parser.on('opentag', (tag) => {
    const parent = stack.at(-1);
    const index = (parent?.counts.get(tag.name) ?? 0) + 1;
    parent?.counts.set(tag.name, index);
    const path = parent === undefined ? tag.name : `${parent.path}/${tag.name}${index > 1 || isRepeated(tag.name) ? `[${index}]` : ''}`;
    stack.push({ name: tag.name, path, counts: new Map() });
    const depth = stack.length;
    if (depth === 1) {
      if (tag.name !== ROOT) fail(`the root element is <${tag.name}>, expected <${ROOT}>: not a UN consolidated list`, path);
      rootSeen = true;
      const generated = tag.attributes['dateGenerated'];
      if (typeof generated === 'string' && generated.trim() !== '') {
        if (Number.isNaN(Date.parse(generated))) fail(`dateGenerated "${generated}" is not a date`, path);
        generatedOn = generated.trim();
      }
    } else if (depth === 3 && parent !== undefined && SECTIONS[parent.name] !== undefined) {
      const section = SECTIONS[parent.name]!;
      if (tag.name !== section.record) fail(`unexpected <${tag.name}> in <${parent.name}>, expected <${section.record}>`, path);
      recordKind = section.kind;
      record.push({ name: tag.name, path, line: parser.line, text: '', children: [] });
    } else if (record.length > 0) {
      const node: XmlNode = { name: tag.name, path, line: parser.line, text: '', children: [] };
      record.at(-1)!.children.push(node);
      record.push(node);
    }
  });
  const onText = (text: string): void => {
    const node = record.at(-1);
    if (node !== undefined) node.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    stack.pop();
    const node = record.pop();
    if (node !== undefined && record.length === 0) {
      const entry = toEntry(node, recordKind!, file);
      const previous = seen.get(entry.id);
      if (previous !== undefined) {
        throw new ScreeningError('SCREENING_DUPLICATE_ID', `reference number ${entry.id} is listed twice (first at ${previous})`, {
          location: { file, line: node.line, path: node.path },
        });
      }
      seen.set(entry.id, node.path);
      entries.push(entry);
    }
  });

  try {
    for await (const chunk of textChunks(input, (cause) => {
      throw new ScreeningError('SCREENING_PARSE_XML', 'the file is not valid UTF-8', { cause, location: { file, line: parser.line } });
    })) {
      parser.write(chunk);
    }
    parser.close();
  } catch (error) {
    if (error instanceof ScreeningError) throw error;
    // saxes reports well-formedness errors as "file:line:column: message"; keep its message, add our path.
    const message = error instanceof Error ? error.message.replace(/^[^:]*:\d+:\d+: /, '') : String(error);
    throw new ScreeningError('SCREENING_PARSE_XML', `malformed XML: ${message}`, {
      cause: error,
      location: { file, line: parser.line, column: parser.column, path: stack.at(-1)?.path },
    });
  }
  if (!rootSeen) fail(`no <${ROOT}> element`, undefined);
  return generatedOn === undefined ? { source: 'un', entries } : { source: 'un', entries, generatedOn };
}

/** Elements that repeat inside a record get an index in paths even for the first one, so paths stay unambiguous. */
function isRepeated(name: string): boolean {
  return /^(INDIVIDUAL|ENTITY)(_ALIAS|_DATE_OF_BIRTH|_DOCUMENT|_ADDRESS|_PLACE_OF_BIRTH)?$/.test(name) || name === 'VALUE';
}

function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

function childText(node: XmlNode, name: string): string {
  const child = node.children.find((c) => c.name === name);
  return child === undefined ? '' : collapseSpace(child.text);
}

/** The VALUE children of a multi-valued field (NATIONALITY, TITLE), trimmed, empties dropped. */
function values(node: XmlNode, name: string): { text: string; node: XmlNode }[] {
  return children(node, name)
    .flatMap((field) => children(field, 'VALUE'))
    .map((value) => ({ text: collapseSpace(value.text), node: value }))
    .filter((v) => v.text !== '');
}

function invalid(message: string, node: XmlNode, file: string | undefined): never {
  throw new ScreeningError('SCREENING_INVALID_RECORD', message, { location: { file, line: node.line, path: node.path } });
}

function toEntry(node: XmlNode, kind: SubjectKind, file: string | undefined): WatchlistEntry {
  const id = childText(node, 'REFERENCE_NUMBER');
  if (id === '') invalid('a record has no REFERENCE_NUMBER', node, file);
  const listType = childText(node, 'UN_LIST_TYPE');
  if (listType === '') invalid(`record ${id} has no UN_LIST_TYPE`, node, file);

  const names: ListedName[] = [];
  const seenNames = new Set<string>();
  const addName = (name: ListedName): void => {
    const key = `${name.kind}\u0000${name.full}`;
    if (!seenNames.has(key)) {
      seenNames.add(key);
      names.push(name);
    }
  };
  const parts = NAME_SLOTS.map((slot) => childText(node, slot)).filter((part) => part !== '');
  if (parts.length === 0) invalid(`record ${id} has no name (FIRST_NAME..FOURTH_NAME are empty)`, node, file);
  const primary = parts.join(' ');
  addName(kind === 'individual' ? { full: primary, parts, kind: 'primary', quality: 'good' } : { full: primary, kind: 'primary', quality: 'good' });
  // Entity names pack several names into one value ("COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES
  // BUSINESS COMPANY (GLBC)"); each is also listed on its own, as an alias of the entity.
  if (kind === 'entity') {
    for (const full of splitListedNames(primary)) if (full !== primary) addName({ full, kind: 'alias', quality: 'good', asListed: primary });
  }
  for (const original of children(node, 'NAME_ORIGINAL_SCRIPT')) {
    const listed = collapseSpace(original.text);
    for (const full of splitListedNames(listed)) addName({ full, kind: 'original-script', quality: 'good', ...(full !== listed ? { asListed: listed } : {}) });
  }

  const datesOfBirth: ListedDate[] = [];
  const listedOnText = childText(node, 'LISTED_ON');
  const listedOn = withoutTimezone(listedOnText);
  if (listedOn !== '' && parseIsoDate(listedOn)?.kind !== 'exact') invalid(`record ${id}: LISTED_ON "${listedOnText}" is not a date`, node, file);

  for (const alias of children(node, kind === 'individual' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS')) {
    const quality = aliasQuality(childText(alias, 'QUALITY'), alias, file);
    const aliasName = childText(alias, 'ALIAS_NAME');
    for (const full of splitListedNames(aliasName)) addName({ full, kind: 'alias', quality, ...(full !== aliasName ? { asListed: aliasName } : {}) });
    const note = childText(alias, 'NOTE');
    if (note !== '') {
      const found = namesInNote(note, aliasName !== '' && hasNonLatinLetter(aliasName) && !/\p{Script=Latin}/u.test(aliasName));
      for (const full of found.originalScript) addName({ full, kind: 'original-script', quality });
      for (const full of found.latin) addName({ full, kind: 'alias', quality });
    }
    // The same person's date of birth, stated on the alias (ISO date): part of the record's dates.
    const aliasDob = childText(alias, 'DATE_OF_BIRTH');
    if (aliasDob !== '') {
      const date = parseIsoDate(withoutTimezone(aliasDob));
      if (date === undefined) invalid(`record ${id}: alias DATE_OF_BIRTH "${aliasDob}" is not a date`, alias, file);
      pushDate(datesOfBirth, date);
    }
  }

  for (const dob of children(node, 'INDIVIDUAL_DATE_OF_BIRTH')) pushDate(datesOfBirth, dateOfBirth(dob, id, listedOn, file));

  const nationalities: string[] = [];
  for (const { text, node: valueNode } of values(node, 'NATIONALITY')) {
    const code = country(text, valueNode, id, file);
    if (code !== undefined && !nationalities.includes(code)) nationalities.push(code);
  }

  // Address countries are free text more often than nationalities ("a territory on the border of..."): a value
  // that names no country is left out rather than rejecting the list.
  const addressCountries: string[] = [];
  for (const address of children(node, kind === 'individual' ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS')) {
    const code = findCountryCode(childText(address, 'COUNTRY'));
    if (code !== undefined && !addressCountries.includes(code)) addressCountries.push(code);
  }

  const documents: ListedDocument[] = [];
  for (const doc of children(node, 'INDIVIDUAL_DOCUMENT')) {
    const document = toDocument(doc, id, file);
    if (document !== undefined) documents.push(document);
  }

  const titles = values(node, 'TITLE')
    .map((v) => stripQuotes(v.text))
    .filter((t, i, all) => t !== '' && all.indexOf(t) === i);

  const genderText = childText(node, 'GENDER').toLowerCase();
  const gender = genderText === 'male' || genderText === 'female' ? genderText : undefined;
  if (genderText !== '' && gender === undefined) invalid(`record ${id}: GENDER "${genderText}" is neither Male nor Female`, node, file);
  const remarks = childText(node, 'COMMENTS1');

  return {
    id,
    source: 'un',
    kind,
    listType,
    names,
    titles,
    datesOfBirth,
    nationalities,
    documents,
    ...(addressCountries.length > 0 ? { addressCountries } : {}),
    ...(gender !== undefined ? { gender } : {}),
    ...(remarks !== '' ? { remarks } : {}),
    ...(listedOn !== '' ? { listedOn } : {}),
  };
}

/**
 * XML Schema dates may carry a time zone (`2015-04-07-04:00`, `2015-04-07Z`); a calendar date of listing or birth
 * does not change with it, so it is dropped.
 */
function withoutTimezone(text: string): string {
  return text.replace(/^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})$/, '$1');
}

const QUOTES = new Set([...`"'“”`]);

/** `"Amir"` -> `Amir`, with loops rather than an end-anchored pattern (quadratic on long runs of quotes). */
function stripQuotes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && QUOTES.has(text[start]!)) start += 1;
  while (end > start && QUOTES.has(text[end - 1]!)) end -= 1;
  return text.slice(start, end).trim();
}

function aliasQuality(text: string, alias: XmlNode, file: string | undefined): AliasQuality {
  switch (text.toLowerCase()) {
    case 'low':
      return 'low';
    // "a.k.a." and "f.k.a." (formerly known as) are strong aliases in the UN's own terms; an empty QUALITY is
    // how entity aliases are mostly listed.
    case 'good':
    case 'a.k.a.':
    case 'f.k.a.':
    case '':
      return 'good';
    default:
      return invalid(`alias QUALITY "${text}" is not Good, Low, a.k.a. or f.k.a.`, alias, file);
  }
}

function country(text: string, node: XmlNode, id: string, file: string | undefined): string | undefined {
  if (NO_COUNTRY.has(text.toLowerCase())) return undefined;
  const code = findCountryCode(text);
  if (code === undefined) invalid(`record ${id}: unknown country "${text}" (add it to countries.ts)`, node, file);
  return code;
}

const HIJRI = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*\(Hijri Calendar\)$/i;
const MONTH_YEAR = /^([A-Za-z]+\.?)\s+(\d{4})$/;
const AGE_RANGE = /^(\d{1,3})\s*-\s*(\d{1,3}) years old$/i;

/**
 * One INDIVIDUAL_DATE_OF_BIRTH. Beyond the schema's EXACT (DATE or YEAR), APPROXIMATELY (YEAR) and BETWEEN
 * (FROM_YEAR/TO_YEAR), the list puts dates in the NOTE: a month with the YEAR ("Sep."), "Nov. 1973", a Hijri date,
 * "Between Aug. and Sep. 1977", and an age at listing ("30-35 years old", turned into a year range).
 */
function dateOfBirth(node: XmlNode, id: string, listedOn: string, file: string | undefined): ListedDate | undefined {
  const type = childText(node, 'TYPE_OF_DATE').toUpperCase();
  const date = childText(node, 'DATE');
  const year = childText(node, 'YEAR');
  const fromYear = childText(node, 'FROM_YEAR');
  const toYear = childText(node, 'TO_YEAR');
  const note = childText(node, 'NOTE');
  const bad = (what: string): never => invalid(`record ${id}: date of birth ${what}`, node, file);
  const checkYear = (text: string): number => (/^\d{4}$/.test(text) ? Number(text) : bad(`year "${text}" is not a year`));

  if (type === '' && date === '' && year === '' && fromYear === '' && toYear === '' && note === '') return undefined;
  if (type === 'BETWEEN' || (type === '' && fromYear !== '')) {
    if (fromYear === '' || toYear === '') bad('BETWEEN without FROM_YEAR and TO_YEAR');
    return betweenDate(checkYear(fromYear), checkYear(toYear)) ?? bad(`range ${fromYear}..${toYear} is not valid`);
  }
  if (type === 'APPROXIMATELY') {
    if (year !== '') return approximateDate(checkYear(year)) ?? bad(`year ${year} is out of range`);
    const age = AGE_RANGE.exec(note);
    if (age !== null && /^\d{4}/.test(listedOn)) {
      const listedYear = Number(listedOn.slice(0, 4));
      return betweenDate(listedYear - Number(age[2]), listedYear - Number(age[1])) ?? bad(`age "${note}" gives no valid years`);
    }
    return bad(`APPROXIMATELY with no YEAR and no readable note ("${note}")`);
  }
  if (type === 'EXACT' || type === '') {
    if (date !== '') return parseIsoDate(withoutTimezone(date)) ?? bad(`DATE "${date}" is not an ISO date`);
    if (year !== '') {
      const y = checkYear(year);
      const month = findMonth(note);
      // "Sep." next to a YEAR refines the year to a month.
      return (month !== undefined ? exactDate(y, month) : yearDate(y)) ?? bad(`year ${year} is out of range`);
    }
    const hijri = HIJRI.exec(note);
    if (hijri !== null) {
      const g = hijriToGregorian(Number(hijri[3]), Number(hijri[2]), Number(hijri[1]));
      return exactDate(g.year, g.month, g.day) ?? bad(`Hijri date "${note}" is not valid`);
    }
    const monthYear = MONTH_YEAR.exec(note);
    if (monthYear !== null && findMonth(monthYear[1]!) !== undefined) {
      return exactDate(Number(monthYear[2]), findMonth(monthYear[1]!)) ?? bad(`"${note}" is not a valid month`);
    }
    // "Between Aug. and Sep. 1977": the year is certain, the month is not.
    const trailingYear = /\b(\d{4})$/.exec(note);
    if (trailingYear !== null) return yearDate(Number(trailingYear[1])) ?? bad(`"${note}" has no valid year`);
    return bad(`EXACT with no DATE or YEAR and no readable note ("${note}")`);
  }
  return bad(`TYPE_OF_DATE "${type}" is not EXACT, APPROXIMATELY or BETWEEN`);
}

/** Document type text in English, French or Spanish (the list mixes them) to a {@link DocumentKind}. */
export function documentKind(type: string): DocumentKind {
  const t = type.toLowerCase();
  if (/passport|passeport|pasaporte/.test(t)) return 'passport';
  if (/identi|\bid\b|\bcni\b|tazkira|\btaz/.test(t)) return 'national-id';
  return 'other';
}

function toDocument(node: XmlNode, id: string, file: string | undefined): ListedDocument | undefined {
  const number = childText(node, 'NUMBER');
  // A document element without a number (an empty placeholder, or "passport issued in X" with no number)
  // carries nothing a traveller's document could be matched against.
  if (number === '') return undefined;
  const type = childText(node, 'TYPE_OF_DOCUMENT');
  const type2 = childText(node, 'TYPE_OF_DOCUMENT2');
  const countryText = childText(node, 'ISSUING_COUNTRY') || childText(node, 'COUNTRY_OF_ISSUE');
  const issuedBy = countryText === '' ? undefined : country(countryText, node, id, file);
  const noteParts = [
    type2,
    childText(node, 'NOTE'),
    childText(node, 'DATE_OF_ISSUE') && `issued ${childText(node, 'DATE_OF_ISSUE')}`,
    childText(node, 'CITY_OF_ISSUE') && `in ${childText(node, 'CITY_OF_ISSUE')}`,
    childText(node, 'DATE_OF_EXPIRY') && `expires ${childText(node, 'DATE_OF_EXPIRY')}`,
  ].filter((part) => part !== '');
  return {
    kind: documentKind(type) === 'other' ? documentKind(type2) : documentKind(type),
    number,
    ...(issuedBy !== undefined ? { country: issuedBy } : {}),
    ...(noteParts.length > 0 ? { note: noteParts.join('; ') } : {}),
  };
}
