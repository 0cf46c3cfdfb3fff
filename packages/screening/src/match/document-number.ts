/**
 * Document numbers as lists and machine-readable zones print them differ in spacing, punctuation, case and
 * zero-padding (`D 000974`, `d-000974`, `D000974`). Numbers are compared in a normal form, independently of the
 * name: a passport issued under an alias must still alert (the UN lists Sirajuddin Haqqani's P00032260 under
 * "Abdul Satar Abdullah").
 */
import type { DocumentKind } from '../entry.js';

/** Upper-case letters and digits only, after Unicode compatibility folding (full-width digits become ASCII). */
export function normalizeDocumentNumber(number: string): string {
  return number.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The normal form without zeros padding the digit run after a letter prefix (`D000974` -> `D974`). */
export function unpaddedDocumentNumber(number: string): string {
  return normalizeDocumentNumber(number).replace(/^([A-Z]*)0+(?=\d)/, '$1');
}

/** A document a traveller presents. */
export interface PresentedDocument {
  readonly number: string;
  readonly kind?: DocumentKind;
  /** ISO 3166-1 alpha-3 of the issuer, when known. */
  readonly country?: string;
}

/** Numbers shorter than this (after normalisation) are too unspecific to alert on alone. */
export const MIN_DOCUMENT_NUMBER_LENGTH = 5;

/** True when two document numbers are the same number in different formatting. */
export function sameDocumentNumber(a: string, b: string): boolean {
  const na = normalizeDocumentNumber(a);
  if (na.length < MIN_DOCUMENT_NUMBER_LENGTH) return false;
  return na === normalizeDocumentNumber(b) || unpaddedDocumentNumber(a) === unpaddedDocumentNumber(b);
}
