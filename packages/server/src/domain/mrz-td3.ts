/**
 * Builds passport MRZs (ICAO 9303 part 4, TD3) with correct check digits (ICAO 9303 part 3 section 4.9: weights
 * 7, 3, 1 repeating; digits count as themselves, A..Z as 10..35, the filler < as 0): for benchmarks, the demo post
 * and tests. Reading MRZs is the `mrz` package's job (documents.ts); this only writes them.
 */
export function checkDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    const value = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * [7, 3, 1][i % 3]!;
  }
  return String(sum % 10);
}

const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);

export interface PassportFields {
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD */
  birthDate: string;
  sex: 'M' | 'F' | '<';
  /** YYMMDD */
  expiryDate: string;
  personalNumber?: string;
}

/** The two 44-character lines of a TD3 MRZ. */
export function td3(f: PassportFields): [string, string] {
  const names = `${f.surname.replace(/ /g, '<')}<<${f.givenNames.replace(/ /g, '<')}`;
  const line1 = pad(`P<${f.issuingState}${names}`, 44);
  const doc = pad(f.documentNumber, 9);
  const personal = pad(f.personalNumber ?? '', 14);
  const docPart = doc + checkDigit(doc);
  const dobPart = f.birthDate + checkDigit(f.birthDate);
  const expPart = f.expiryDate + checkDigit(f.expiryDate);
  const personalPart = personal + checkDigit(personal);
  const composite = checkDigit(docPart + dobPart + expPart + personalPart);
  const line2 = `${docPart}${f.nationality}${dobPart}${f.sex}${expPart}${personalPart}${composite}`;
  return [line1, line2];
}
