/**
 * The watchlist data model shared by every source (UN consolidated XML, OFAC SDN CSV, national stop-list CSV)
 * and by the matcher. Parsers produce {@link WatchlistEntry} values; nothing downstream knows the source format.
 */

export const LIST_SOURCES = ['un', 'ofac', 'national'] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

export const SUBJECT_KINDS = ['individual', 'entity'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Alias quality as the UN list states it: Low ("weak") aliases confirm a hit but never raise one alone. */
export const ALIAS_QUALITIES = ['good', 'low'] as const;
export type AliasQuality = (typeof ALIAS_QUALITIES)[number];

/** A name as listed. `parts` keeps the list's own slots (UN FIRST_NAME..FOURTH_NAME) in order when known. */
export interface ListedName {
  /** The whole name as one string, in the script it was listed in. */
  readonly full: string;
  readonly parts?: readonly string[];
  /** 'primary' is the record's main name; 'original-script' its NAME_ORIGINAL_SCRIPT; others are aliases. */
  readonly kind: 'primary' | 'alias' | 'original-script';
  readonly quality: AliasQuality;
  /**
   * The family name, when the list marks it: OFAC writes individuals as "LAST, First", which the parser turns into
   * `full` "First LAST", `parts` [First, LAST] and `surname` LAST. The UN slots do not say which is the family name.
   */
  readonly surname?: string;
  /**
   * The list value this name was cut from, when it differs from `full`: an ALIAS_NAME holding several names
   * ("Abas Rashidi; Abbas Rashedi"), a name with a bracketed remark ("Ezatullah Haqqani (previously listed as)"),
   * an OFAC "LAST, First". Kept for explanations and for evaluations that must leave a queried alias out.
   */
  readonly asListed?: string;
}

/**
 * A date of birth as lists state it: ~46 % of UN dates are not full dates.
 * - exact: a full date (year, month, day all set);
 * - year: an exact year only (UN TYPE_OF_DATE EXACT with YEAR);
 * - approximate: around `year` (UN APPROXIMATELY);
 * - between: a year range, inclusive (UN BETWEEN FROM_YEAR/TO_YEAR).
 * Month-only precision (`1960-05`) is `exact` with `day` undefined.
 */
export type ListedDate =
  | { readonly kind: 'exact'; readonly year: number; readonly month?: number; readonly day?: number }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'approximate'; readonly year: number }
  | { readonly kind: 'between'; readonly fromYear: number; readonly toYear: number };

export const DOCUMENT_KINDS = ['passport', 'national-id', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface ListedDocument {
  readonly kind: DocumentKind;
  /** The number exactly as listed (`D 000974`); matching uses a normalised form. */
  readonly number: string;
  /** ISO 3166-1 alpha-3 where the issuing country is known. */
  readonly country?: string;
  readonly note?: string;
}

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export interface WatchlistEntry {
  /** Stable id within its list: the UN REFERENCE_NUMBER (TAi.144), the OFAC ent_num, the national list's id. */
  readonly id: string;
  readonly source: ListSource;
  readonly kind: SubjectKind;
  /** The programme or sub-list: UN_LIST_TYPE ("Taliban", "Al-Qaida"), OFAC program ("SDGT"), a national list. */
  readonly listType: string;
  readonly names: readonly ListedName[];
  /** Titles and honorifics listed apart from the name (Maulavi, Mullah, Haji, Qari). Not matched as names. */
  readonly titles: readonly string[];
  readonly datesOfBirth: readonly ListedDate[];
  /** ISO 3166-1 alpha-3 codes (UN lists English country names; parsers convert). */
  readonly nationalities: readonly string[];
  readonly documents: readonly ListedDocument[];
  /** Countries (alpha-3) of the listed addresses (UN INDIVIDUAL_ADDRESS/ENTITY_ADDRESS, OFAC add.csv). */
  readonly addressCountries?: readonly string[];
  /** As the list states it (UN GENDER, OFAC "Gender Male"); a mismatch lowers a score, absence says nothing. */
  readonly gender?: Gender;
  /** Why the person is listed (national lists), or the list's free-text comments. */
  readonly remarks?: string;
  readonly listedOn?: string;
  /** ISO date after which a national stop-list entry no longer applies. */
  readonly validUntil?: string;
}
