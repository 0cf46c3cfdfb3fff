/**
 * Reading the facts OFAC keeps in the free-text Remarks column of sdn.csv: dates of birth ("DOB 12 Jan 1960",
 * "DOB circa 1958", "DOB 1960 to 1962", "alt. DOB ..."), nationality and citizenship, gender, passports and national
 * identity numbers ("Passport A1234567 (Iran) expires 12 Mar 2020", "National ID No. ...", "Cedula No. ...",
 * "C.U.R.P. ...") and weak aliases ("a.k.a. 'ABU MUHAMMAD'": OFAC's convention for low-quality aliases, matching
 * the UN's QUALITY Low). Remarks are "; "-separated items; items that say something else (POB, Linked To, tax and
 * registration numbers, digital currency addresses) stay in the remarks text only. Remarks are prose, so an item
 * that cannot be read is skipped and counted, never fatal.
 */
import type { DocumentKind, Gender, ListedDate, ListedDocument } from '../entry.js';
import { findCountryCode } from '../countries.js';
import { approximateDate, betweenDate, exactDate, findMonth, pushDate, yearDate } from './listed-dates.js';
import { collapseSpace } from './listed-name-text.js';

/** What the remarks of one SDN record say about the person, beyond the prose. */
export interface OfacRemarkFacts {
  readonly datesOfBirth: ListedDate[];
  readonly nationalities: string[];
  readonly documents: ListedDocument[];
  /** Names from "a.k.a. '...'" (also f.k.a./n.k.a.): weak aliases. */
  readonly weakAliases: string[];
  gender?: Gender;
  /** Items that looked like a DOB, nationality or document but could not be read. */
  readonly unread: string[];
}

/**
 * Remark items longer than this are prose, not a date or a document, and are not matched against the patterns
 * below (whose lazy groups would otherwise cost quadratic time on a hostile file).
 */
const MAX_ITEM_LENGTH = 300;

interface DatePoint {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** "12 Jan 1960", "Jan 1960" or "1960". */
function readDatePoint(text: string): DatePoint | undefined {
  const match = /^(?:(\d{1,2}) )?(?:([A-Za-z]{3,9}\.?) )?(\d{4})$/.exec(text.trim());
  if (match === null) return undefined;
  const [, day, monthName, year] = match;
  if (day !== undefined && monthName === undefined) return undefined;
  const month = monthName === undefined ? undefined : findMonth(monthName);
  if (monthName !== undefined && month === undefined) return undefined;
  const date = exactDate(Number(year), month, day === undefined ? undefined : Number(day));
  return date === undefined ? undefined : { year: Number(year), ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day: Number(day) } : {}) };
}

/** The text after "DOB": a date, "circa" a date, a range "A to B" (or "1979-1982"), possibly both. */
export function readOfacDob(text: string): ListedDate | undefined {
  // The longest real shape, "circa 01 Jan 1960 to 31 Dec 1962", has 32 characters; longer text is prose.
  if (text.length > MAX_ITEM_LENGTH) return undefined;
  let rest = collapseSpace(text).replace(/\.$/, '');
  const circa = /^circa /i.test(rest);
  if (circa) rest = rest.slice(6);
  const range = /^(.+?)\s*(?: to |-|–)\s*(.+)$/.exec(rest);
  if (range !== null) {
    const from = readDatePoint(range[1]!);
    const to = readDatePoint(range[2]!);
    return from === undefined || to === undefined ? undefined : betweenDate(from.year, to.year);
  }
  const point = readDatePoint(rest);
  if (point === undefined) return undefined;
  if (circa) return approximateDate(point.year);
  return point.month === undefined ? yearDate(point.year) : exactDate(point.year, point.month, point.day);
}

/**
 * Document types that identify a person, longest first so "Diplomatic Passport" wins over "Passport". Tax,
 * company, vessel (IMO) and registration numbers are left out: a traveller does not present them at a border.
 */
const DOCUMENT_TYPES: readonly (readonly [string, DocumentKind])[] = (
  [
    ['British National Overseas Passport', 'passport'],
    ['Stateless Person Passport', 'passport'],
    ['Diplomatic Passport', 'passport'],
    ['Passport', 'passport'],
    ['Tazkira National ID No.', 'national-id'],
    ['National Foreign ID Number', 'national-id'],
    ['National ID No.', 'national-id'],
    ['National ID', 'national-id'],
    ['Personal ID Card', 'national-id'],
    ['Moroccan Personal ID No.', 'national-id'],
    ['Bosnian Personal ID No.', 'national-id'],
    ['Personal ID', 'national-id'],
    ['Stateless Person ID Card', 'national-id'],
    ['Kenyan ID No.', 'national-id'],
    ['Turkish Identification Number', 'national-id'],
    ['UAE Identification', 'national-id'],
    ['Identity Card Number', 'national-id'],
    ['Identity Card', 'national-id'],
    ['Refugee ID Card', 'national-id'],
    ['Cedula No.', 'national-id'],
    ['C.U.R.P.', 'national-id'],
    ['D.N.I.', 'national-id'],
    ['SSN', 'national-id'],
    ['Birth Certificate Number', 'other'],
    ['Travel Document Number', 'other'],
    ['Residency Number', 'other'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** "Identification Number" is a person's id only on individuals; on vessels it is the IMO number. */
const INDIVIDUAL_ONLY_TYPES: readonly (readonly [string, DocumentKind])[] = [['Identification Number', 'national-id']];

function readDocument(item: string, individual: boolean): ListedDocument | undefined | 'unread' {
  const types = individual ? [...DOCUMENT_TYPES, ...INDIVIDUAL_ONLY_TYPES] : DOCUMENT_TYPES;
  const found = types.find(([type]) => item.startsWith(`${type} `));
  if (found === undefined) return undefined;
  const [type, kind] = found;
  if (item.length > MAX_ITEM_LENGTH) return 'unread';
  const rest = item.slice(type.length + 1);
  // The number runs up to the issuing country in brackets or to "issued"/"expires"/"valid" details.
  const match = /^(.+?)(?:\s*\(([^)]*)\))?(?:[\s,]+((?:issued|expires|valid|Issue|Expir|alt\.|Date).*))?$/.exec(rest);
  if (match === null) return 'unread';
  let number = match[1]!.trim().replace(/[.,]$/, '');
  let group: string | undefined = match[2];
  const notes: string[] = [type === 'Passport' || type === 'National ID No.' ? '' : type];
  // A label before the number: "Booklet: A5199819", "CNIC: 35202-5400413-9", "No.: 1372584", "# HESU430525...".
  const labelled = /^(#|[A-Za-z.]{1,12}:)\s*(.+)$/.exec(number);
  if (labelled !== null) {
    if (labelled[1] !== '#' && labelled[1] !== 'No.:') notes.push(labelled[1]!.slice(0, -1));
    number = labelled[2]!;
  }
  let country = group === undefined ? undefined : findCountryCode(group);
  // A bracketed check digit belongs to the number (Hong Kong identity cards: "D489833(9)").
  if (group !== undefined && country === undefined && /^[0-9A-Z]$/.test(group) && match[3] === undefined) {
    number = `${number}(${group})`;
    group = undefined;
  }
  // "No.: 0310857, Eritrea", "D000000483, Diplomatic": what follows the comma is the country or a remark.
  const comma = number.indexOf(', ');
  if (comma > 0) {
    const tail = number.slice(comma + 2);
    number = number.slice(0, comma);
    const tailCountry = findCountryCode(tail);
    if (tailCountry !== undefined && country === undefined) country = tailCountry;
    else notes.push(tail);
  }
  // A document number has digits; "issued in Sarajevo, Bosnia-Herzegovina" is a remark with no number.
  if (!/\d/.test(number) || number.length > 40) return 'unread';
  if (group !== undefined && country === undefined) notes.push(group);
  notes.push(match[3] ?? '');
  const note = notes.filter((part) => part !== '').join('; ');
  return { kind, number, ...(country !== undefined ? { country } : {}), ...(note !== '' ? { note } : {}) };
}

/** Reads the facts in one record's Remarks (already joined with its sdn_comments continuation). */
export function readOfacRemarks(remarks: string, individual: boolean): OfacRemarkFacts {
  const facts: OfacRemarkFacts = { datesOfBirth: [], nationalities: [], documents: [], weakAliases: [], unread: [] };
  const seenAliases = new Set<string>();
  for (const raw of remarks.split(';')) {
    const item = collapseSpace(raw).replace(/^alt\.\s+/, '');
    if (item === '') continue;
    const alias = /^[afn]\.k\.a\.\s+'(.*)'\.?$/.exec(item);
    if (alias !== null) {
      const name = collapseSpace(alias[1]!);
      if (name !== '' && !seenAliases.has(name)) {
        seenAliases.add(name);
        facts.weakAliases.push(name);
      }
      continue;
    }
    const dob = /^DOB\s+(.*)$/.exec(item);
    if (dob !== null) {
      const date = readOfacDob(dob[1]!);
      if (date === undefined) facts.unread.push(item);
      else pushDate(facts.datesOfBirth, date);
      continue;
    }
    const nationality = /^(?:nationality|citizen)\s+(.*?)\.?$/.exec(item);
    if (nationality !== null) {
      const code = findCountryCode(nationality[1]!);
      if (code === undefined) facts.unread.push(item);
      else if (!facts.nationalities.includes(code)) facts.nationalities.push(code);
      continue;
    }
    const gender = /^Gender\s+(Male|Female)\.?$/i.exec(item);
    if (gender !== null) {
      facts.gender = gender[1]!.toLowerCase() as Gender;
      continue;
    }
    const document = readDocument(item.replace(/\.$/, ''), individual);
    if (document === 'unread') facts.unread.push(item);
    else if (document !== undefined) facts.documents.push(document);
  }
  return facts;
}
