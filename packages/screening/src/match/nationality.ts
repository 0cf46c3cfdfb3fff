/**
 * Nationality agreement between a traveller and a list entry. Lists give ISO 3166-1 alpha-3 codes (parsers convert
 * the UN's English names); travellers' nationalities may arrive as codes or English names and are converted the
 * same way. Several nationalities on either side agree when any pair does.
 */
import { findCountryCode } from '../countries.js';

export const NATIONALITY_AGREEMENTS = ['agree', 'differ', 'unknown'] as const;
export type NationalityAgreement = (typeof NATIONALITY_AGREEMENTS)[number];

/** Alpha-3 codes for a traveller's nationalities given as codes or names ("Afghanistan", "AFG", "Afghan"). */
export function nationalityCodes(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values)
    for (const part of value.split('|')) {
      const code = findCountryCode(part.trim());
      if (code !== undefined && !out.includes(code)) out.push(code);
    }
  return out;
}

/** Whether the traveller's and the entry's nationalities agree; unknown when either side has none. */
export function compareNationality(traveller: readonly string[], listed: readonly string[]): NationalityAgreement {
  if (traveller.length === 0 || listed.length === 0) return 'unknown';
  return traveller.some((code) => listed.includes(code)) ? 'agree' : 'differ';
}
