/**
 * Building and reading {@link ListedDate} values. Lists state dates of birth in many shapes: ISO dates
 * (`1961-08-01`), bare years, month names in notes ("Nov. 1973", "August 1961"), OFAC's "circa 1958" and
 * "1960 to 1962", and even Hijri dates ("24/06/1402 (Hijri Calendar)"). Every constructor here validates its
 * ranges so that no impossible date (month 13, 31 April) reaches the matcher.
 */
import type { ListedDate } from '../entry.js';

/** Plausible birth years for a listed person: anything outside is a typo, not a date. */
export const MIN_BIRTH_YEAR = 1850;
export const MAX_BIRTH_YEAR = 2100;

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january'],
    ['feb', 'february'],
    ['mar', 'march'],
    ['apr', 'april'],
    ['may', 'may'],
    ['jun', 'june'],
    ['jul', 'july'],
    ['aug', 'august'],
    ['sep', 'september', 'sept'],
    ['oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

/** The month number (1-12) of an English month name or abbreviation ("Nov.", "September", "Sept"), if any. */
export function findMonth(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, ''));
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_BIRTH_YEAR && year <= MAX_BIRTH_YEAR;
}

/**
 * A validated exact date (month and day optional, day only with a month), or undefined when any part is out of
 * range.
 */
export function exactDate(year: number, month?: number, day?: number): ListedDate | undefined {
  if (!isYear(year)) return undefined;
  if (month === undefined) return day === undefined ? { kind: 'exact', year } : undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day === undefined) return { kind: 'exact', year, month };
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { kind: 'exact', year, month, day };
}

/** A validated exact year (UN TYPE_OF_DATE EXACT with YEAR). */
export function yearDate(year: number): ListedDate | undefined {
  return isYear(year) ? { kind: 'year', year } : undefined;
}

/** A validated approximate year (UN APPROXIMATELY, OFAC "circa"). */
export function approximateDate(year: number): ListedDate | undefined {
  return isYear(year) ? { kind: 'approximate', year } : undefined;
}

/** A validated inclusive year range; a range of one year is that exact year. */
export function betweenDate(fromYear: number, toYear: number): ListedDate | undefined {
  if (!isYear(fromYear) || !isYear(toYear) || fromYear > toYear) return undefined;
  return fromYear === toYear ? { kind: 'year', year: fromYear } : { kind: 'between', fromYear, toYear };
}

/** Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (ISO 8601 calendar dates at day, month or year precision). */
export function parseIsoDate(text: string): ListedDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day] = match;
  if (month === undefined) return yearDate(Number(year));
  return exactDate(Number(year), Number(month), day === undefined ? undefined : Number(day));
}

/**
 * Converts a date of the tabular (arithmetic) Islamic calendar to the Gregorian calendar. Lists that give Hijri
 * dates copy them from documents issued in countries that use the civil tabular calendar or an observational one,
 * which differ by a day or two at most; the tabular form is deterministic, which an import needs.
 * Epoch: 1 Muharram 1 AH = Julian day number 1948440 (16 July 622 Julian).
 */
export function hijriToGregorian(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const jdn = day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948440 - 1;
  // Julian day number to Gregorian (Richards' algorithm, Explanatory Supplement to the Astronomical Almanac).
  const f = jdn + 1401 + Math.floor((Math.floor((4 * jdn + 274277) / 146097) * 3) / 4) - 38;
  const e = 4 * f + 3;
  const g = Math.floor((e % 1461) / 4);
  const h = 5 * g + 2;
  const gDay = Math.floor((h % 153) / 5) + 1;
  const gMonth = ((Math.floor(h / 153) + 2) % 12) + 1;
  const gYear = Math.floor(e / 1461) - 4716 + Math.floor((12 + 2 - gMonth) / 12);
  return { year: gYear, month: gMonth, day: gDay };
}

/** A stable key for de-duplicating dates (the same date listed twice, or on a record and on its alias). */
export function dateKey(date: ListedDate): string {
  switch (date.kind) {
    case 'exact':
      return `e:${date.year}-${date.month ?? ''}-${date.day ?? ''}`;
    case 'year':
      return `y:${date.year}`;
    case 'approximate':
      return `a:${date.year}`;
    case 'between':
      return `b:${date.fromYear}-${date.toYear}`;
  }
}

/** Appends `date` to `dates` unless an identical date is already there. */
export function pushDate(dates: ListedDate[], date: ListedDate | undefined): void {
  if (date === undefined) return;
  const key = dateKey(date);
  if (!dates.some((d) => dateKey(d) === key)) dates.push(date);
}
