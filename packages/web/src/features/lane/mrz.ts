/**
 * A first look at a scanned passport MRZ (ICAO 9303 part 4, TD3: two lines of 44 characters) before it is sent:
 * the officer sees at once whose passport the scanner read and whether its check digits hold (ICAO 9303 part 3
 * section 4.9), so a misread is rescanned at the counter instead of coming back as a refused request. The server
 * parses and verifies the MRZ again (the `mrz` package); this is only a preview.
 */

export const TD3_LINE_LENGTH = 44; // characters

export interface MrzPreview {
  readonly lines: readonly [string, string];
  readonly documentNumber: string;
  readonly issuingState: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly nationality: string;
  /** YYMMDD as printed. */
  readonly birthDate: string;
  readonly sex: string;
  /** YYMMDD as printed. */
  readonly expiryDate: string;
  /** The check digits that do not hold, by field name. */
  readonly badCheckDigits: readonly ('documentNumber' | 'birthDate' | 'expiryDate' | 'personalNumber' | 'composite')[];
}

/** ICAO 9303 part 3 section 4.9: weights 7, 3, 1; digits as themselves, A..Z as 10..35, `<` as 0. */
export function checkDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    const value = c === '<' ? 0 : c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * [7, 3, 1][i % 3]!;
  }
  return String(sum % 10);
}

/**
 * The MRZ lines in `text` as a scanner types them (line breaks, stray spaces, lower case from a keyboard), or
 * undefined while fewer than two complete TD3 lines are there.
 */
export function mrzLines(text: string): [string, string] | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, '').toUpperCase())
    .filter(Boolean);
  if (lines.length !== 2 || lines.some((l) => l.length !== TD3_LINE_LENGTH)) return undefined;
  return [lines[0]!, lines[1]!];
}

const unfill = (s: string) => s.replace(/<+$/, '').replace(/</g, ' ').trim();

/** Reads the fields of two TD3 lines and checks every check digit. */
export function previewMrz(lines: readonly [string, string]): MrzPreview {
  const [l1, l2] = lines;
  const names = l1.slice(5);
  const split = names.indexOf('<<');
  const surname = unfill(split < 0 ? names : names.slice(0, split));
  const givenNames = split < 0 ? '' : unfill(names.slice(split + 2));
  const bad: MrzPreview['badCheckDigits'][number][] = [];
  if (checkDigit(l2.slice(0, 9)) !== l2[9]) bad.push('documentNumber');
  if (checkDigit(l2.slice(13, 19)) !== l2[19]) bad.push('birthDate');
  if (checkDigit(l2.slice(21, 27)) !== l2[27]) bad.push('expiryDate');
  // The personal number's check digit may be `<` when the field is empty (ICAO 9303 part 4 section 4.2.2).
  if (!(l2[42] === '<' && /^<+$/.test(l2.slice(28, 42))) && checkDigit(l2.slice(28, 42)) !== l2[42]) bad.push('personalNumber');
  if (checkDigit(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43)) !== l2[43]) bad.push('composite');
  return {
    lines,
    documentNumber: unfill(l2.slice(0, 9)),
    issuingState: unfill(l1.slice(2, 5)),
    surname,
    givenNames,
    nationality: unfill(l2.slice(10, 13)),
    birthDate: l2.slice(13, 19),
    sex: l2[20] === '<' ? 'X' : l2[20]!,
    expiryDate: l2.slice(21, 27),
    badCheckDigits: bad,
  };
}
