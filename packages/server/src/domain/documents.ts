/**
 * Identity and travel documents used at the Pakistan–Afghanistan crossings, and the rules that make a record
 * acceptable: passports by their ICAO 9303 part 4 machine-readable zone with every check digit verified (the `mrz`
 * package), CNIC numbers in NADRA's `NNNNN-NNNNNNN-N` form, Tazkira and e-Tazkira numbers, PoR cards (refugee
 * registration: not a travel document), visas, and border passes (Rahdari) issued at a post for at most six months.
 */
import { parse as parseMrz } from 'mrz';
import { z } from 'zod';
import { CalendarDate, CountryCode, type Sex } from './traveller.js';

export const DOCUMENT_TYPES = ['passport', 'visa', 'cnic', 'tazkira', 'e_tazkira', 'por_card', 'border_pass'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Documents that let their holder cross on their own (a visa goes with a passport; a PoR card never does). */
export const TRAVEL_DOCUMENT_TYPES: readonly DocumentType[] = ['passport', 'border_pass'];

/** A border pass is renewed every six months. */
export const BORDER_PASS_MAX_DAYS = 184; // days: the longest six calendar months

const DAY_MS = 86_400_000;

/**
 * The stored form of a document number: CNIC as `NNNNN-NNNNNNN-N` and e-Tazkira as `NNNN-NNNN-NNNNN` however the
 * digits were typed; other types upper-case with surrounding space removed.
 */
export function normalizeDocumentNumber(type: DocumentType, raw: string): string {
  const value = raw.trim().toUpperCase();
  const digits = value.replace(/[\s-]/g, '');
  if (type === 'cnic' && /^\d{13}$/.test(digits)) return `${digits.slice(0, 5)}-${digits.slice(5, 12)}-${digits.slice(12)}`;
  if (type === 'e_tazkira' && /^\d{13}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
  return value;
}

/** MRZ lines: given as an array or as one string with line breaks; spaces are scanner noise and removed. */
export const MrzText = z
  .union([z.array(z.string()).min(2).max(3), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/\r?\n/)).map((l) => l.replace(/\s+/g, '').toUpperCase()).filter(Boolean));

const Passport = z.object({ type: z.literal('passport'), mrz: MrzText });
const Visa = z.object({
  type: z.literal('visa'),
  number: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4,20}$/, '4 to 20 letters or digits'),
  issuingCountry: CountryCode,
  validFrom: CalendarDate,
  validUntil: CalendarDate,
  entries: z.enum(['single', 'multiple']),
  category: z.string().trim().min(1).max(50).optional(),
});
const Cnic = z.object({
  type: z.literal('cnic'),
  // NADRA prints CNICs as 5-7-1 digits; people often type the 13 digits without hyphens.
  number: z
    .string()
    .transform((s) => normalizeDocumentNumber('cnic', s))
    .pipe(z.string().regex(/^\d{5}-\d{7}-\d$/, '13 digits as NNNNN-NNNNNNN-N')),
});
const Tazkira = z.object({
  type: z.literal('tazkira'),
  // Paper Tazkiras carry a register number, often with volume and page: keep it as written.
  number: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9/-]{2,39}$/, 'letters, digits, / and -'),
});
const ETazkira = z.object({
  type: z.literal('e_tazkira'),
  number: z
    .string()
    .transform((s) => normalizeDocumentNumber('e_tazkira', s))
    .pipe(z.string().regex(/^\d{4}-\d{4}-\d{5}$/, '13 digits as NNNN-NNNN-NNNNN')),
});
const PorCard = z.object({
  type: z.literal('por_card'),
  number: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{6,20}$/, '6 to 20 letters, digits or hyphens'),
  validUntil: CalendarDate,
});
const BorderPass = z.object({
  type: z.literal('border_pass'),
  number: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{4,20}$/, '4 to 20 letters, digits or hyphens'),
  issuingPost: z.string().regex(/^[A-Z]{2,8}$/),
  validFrom: CalendarDate,
  validUntil: CalendarDate,
});

/** A document as submitted, by type. */
export const NewDocument = z.discriminatedUnion('type', [Passport, Visa, Cnic, Tazkira, ETazkira, PorCard, BorderPass]);
export type NewDocument = z.infer<typeof NewDocument>;

/** What is stored for any document after its rules passed. */
export interface NormalizedDocument {
  readonly type: DocumentType;
  readonly number: string;
  readonly issuingCountry: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly mrz: string | null;
  readonly details: Readonly<Record<string, string>>;
}

/** What the MRZ says about its holder, for cross-checking against the traveller record. */
export interface MrzHolder {
  readonly surname: string;
  readonly givenNames: string;
  readonly nationality: string;
  /** YYYY-MM-DD, century inferred. */
  readonly birthDate: string;
  readonly sex: Sex;
}

/** The reason a document is refused (the service turns it into DOCUMENT_INVALID). */
export class DocumentRuleError extends Error {
  override readonly name = 'DocumentRuleError';
}

/** YYMMDD to YYYY-MM-DD: birth dates take the latest century not in the future; expiry dates are 20YY. */
function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', today: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const thisYy = Number(today.slice(2, 4));
  const century = kind === 'expiry' ? 2000 : yy > thisYy ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** Parses a passport MRZ (TD3, ICAO 9303 part 4), refusing it unless every field and check digit is valid. */
export function parsePassportMrz(lines: readonly string[], today: string): { document: NormalizedDocument; holder: MrzHolder } {
  let result: ReturnType<typeof parseMrz>;
  try {
    result = parseMrz([...lines]);
  } catch (error) {
    throw new DocumentRuleError(`the MRZ cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (result.format !== 'TD3') throw new DocumentRuleError(`a passport MRZ has two lines of 44 characters (TD3), got ${result.format}`);
  if (!result.valid) {
    const problems = result.details.filter((d) => !d.valid).map((d) => `${d.label}: ${d.error ?? 'invalid'}`);
    throw new DocumentRuleError(`the MRZ is not valid: ${problems.join('; ')}`);
  }
  const f = result.fields;
  const sex: Sex = f.sex === 'male' ? 'M' : f.sex === 'female' ? 'F' : 'X';
  const birthDate = mrzDate(f.birthDate!, 'birth', today);
  const validUntil = mrzDate(f.expirationDate!, 'expiry', today);
  return {
    document: {
      type: 'passport',
      number: f.documentNumber!,
      issuingCountry: f.issuingState!,
      validFrom: null,
      validUntil,
      mrz: lines.join('\n'),
      details: { documentCode: f.documentCode ?? 'P' },
    },
    holder: {
      surname: f.lastName ?? '',
      givenNames: f.firstName ?? '',
      nationality: f.nationality!,
      birthDate,
      sex,
    },
  };
}

function checkPeriod(validFrom: string, validUntil: string, maxDays?: number): void {
  if (validUntil < validFrom) throw new DocumentRuleError(`valid until ${validUntil} is before valid from ${validFrom}`);
  if (maxDays !== undefined && (Date.parse(validUntil) - Date.parse(validFrom)) / DAY_MS > maxDays) {
    throw new DocumentRuleError(`a border pass is valid for at most ${maxDays} days (${validFrom} to ${validUntil})`);
  }
}

/**
 * Applies the rules of the document's type. `issuingPostCountry` is the ICAO code of the side that runs the
 * issuing post (border passes only). Returns the passport's holder data for cross-checks.
 */
export function normalizeDocument(
  input: NewDocument,
  today: string,
  issuingPostCountry?: string,
): { document: NormalizedDocument; holder?: MrzHolder } {
  switch (input.type) {
    case 'passport':
      return parsePassportMrz(input.mrz, today);
    case 'visa':
      checkPeriod(input.validFrom, input.validUntil);
      return {
        document: {
          type: 'visa',
          number: input.number,
          issuingCountry: input.issuingCountry,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          mrz: null,
          details: { entries: input.entries, ...(input.category ? { category: input.category } : {}) },
        },
      };
    case 'cnic':
      return { document: simple('cnic', input.number, 'PAK') };
    case 'tazkira':
      return { document: simple('tazkira', input.number, 'AFG') };
    case 'e_tazkira':
      return { document: simple('e_tazkira', input.number, 'AFG') };
    case 'por_card':
      // Proof of Registration cards are issued in Pakistan to registered Afghan refugees.
      return { document: { ...simple('por_card', input.number, 'PAK'), validUntil: input.validUntil } };
    case 'border_pass':
      checkPeriod(input.validFrom, input.validUntil, BORDER_PASS_MAX_DAYS);
      if (!issuingPostCountry) throw new DocumentRuleError('a border pass needs its issuing post');
      return {
        document: {
          type: 'border_pass',
          number: input.number,
          issuingCountry: issuingPostCountry,
          validFrom: input.validFrom,
          validUntil: input.validUntil,
          mrz: null,
          details: { issuingPost: input.issuingPost },
        },
      };
  }
}

function simple(type: DocumentType, number: string, issuingCountry: string): NormalizedDocument {
  return { type, number, issuingCountry, validFrom: null, validUntil: null, mrz: null, details: {} };
}

export const DOCUMENT_STATUSES = ['valid', 'expired', 'not_yet_valid', 'no_expiry'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Validity on `today` (YYYY-MM-DD, local to where it is checked); both bounds are inclusive days. */
export function documentStatus(validFrom: string | null, validUntil: string | null, today: string): DocumentStatus {
  if (validFrom !== null && today < validFrom) return 'not_yet_valid';
  if (validUntil === null) return 'no_expiry';
  return today > validUntil ? 'expired' : 'valid';
}

/** ICAO code of the state running a post on the given side. */
export function countryOfSide(side: string): string {
  return side === 'AF' ? 'AFG' : 'PAK';
}

