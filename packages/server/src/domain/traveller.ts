/**
 * What identifies a traveller: names in Latin letters (as on the machine-readable zone) and in the original
 * script (Pashto, Dari, Urdu in Arabic script), a birth date that may be partial (ICAO 9303 part 3 allows an
 * unknown day or month; many Afghan documents record only a year), sex as ICAO 9303 writes it, and nationality as
 * an ICAO 9303 part 3 three-letter code.
 */
import { z } from 'zod';

/** ICAO 9303 part 4: F, M, or X (unspecified). */
export const SEXES = ['F', 'M', 'X'] as const;
export const Sex = z.enum(SEXES);
export type Sex = z.infer<typeof Sex>;

/** Names in Latin letters: letters (with diacritics), spaces, apostrophes, hyphens, dots. */
export const LatinName = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(100).regex(/^[\p{Script=Latin}][\p{Script=Latin}\p{M} '.-]*$/u, 'Latin letters only'));

/** Names in the original script: any letters and combining marks (Arabic-script names carry both). */
export const OriginalName = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(100).regex(/^\p{L}(?:[\p{L}\p{M} '.-]|\u200c|\u200d)*$/u, 'letters only'));

/** ISO 15924 script code, e.g. `Arab`. */
export const ScriptCode = z.string().regex(/^[A-Z][a-z]{3}$/, 'an ISO 15924 code such as Arab');

/** ICAO 9303 part 3 state codes: three letters (or D for Germany); XXA stateless, XXB refugee. */
export const CountryCode = z.string().regex(/^[A-Z]{3}$|^D$/, 'an ICAO 9303 three-letter code such as PAK or AFG');

/** A calendar date `YYYY-MM-DD` that exists. */
export const CalendarDate = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a real date (or month) from 1900 on. */
export const PartialDate = z.string().refine((value) => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m || Number(m[1]) < 1900) return false;
  if (m[3]) return isCalendarDate(value);
  return !m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 12);
}, 'YYYY, YYYY-MM or YYYY-MM-DD from 1900 on');

/** True when a partial date is certainly after `today` (YYYY-MM-DD). */
export function isAfter(partial: string, today: string): boolean {
  return partial > today.slice(0, partial.length);
}
