/**
 * Test data for the lane and enrolment journeys: synthetic fingers (the engine's seeded template-level fingers,
 * encoded as ISO/IEC 19794-2 records, as a lane scanner's software writes them), passport MRZs with correct check
 * digits, and travellers enrolled through the API as an enrolment officer would. No real
 * person's fingerprints or documents are involved. The journeys themselves still reach the server over HTTP only;
 * these imports make fixtures in the test process, never in the UI.
 */
// eslint-disable-next-line no-restricted-imports -- test fixtures: the engine's synthetic fingers, not UI code
import { encodeIso19794, generateImpression, generateMasterPrint, syntheticMinutiaeImpression, type GrayImage } from '@sarhad/engine';
import { checkDigit } from '../../src/features/lane/mrz.js';
import { call, must } from './api.js';

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
}

const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);

/**
 * The two 44-character lines of a passport MRZ (ICAO 9303 part 4, TD3) with its check digits. The server reads and
 * verifies them with the `mrz` package, so a wrong digit here fails the journey rather than passing unnoticed.
 */
export function td3(f: PassportFields): [string, string] {
  const line1 = pad(`P<${f.issuingState}${f.surname.replace(/ /g, '<')}<<${f.givenNames.replace(/ /g, '<')}`, 44);
  const doc = pad(f.documentNumber, 9);
  const personal = pad('', 14);
  const docPart = doc + checkDigit(doc);
  const dobPart = f.birthDate + checkDigit(f.birthDate);
  const expPart = f.expiryDate + checkDigit(f.expiryDate);
  const personalPart = personal + checkDigit(personal);
  const composite = checkDigit(docPart + dobPart + expPart + personalPart);
  return [line1, `${docPart}${f.nationality}${dobPart}${f.sex}${expPart}${personalPart}${composite}`];
}

/** ISO/IEC 19794-2:2005 record of impression `capture` of finger `position` of synthetic person `person`. */
export function isoTemplate(person: number, position: number, capture: number): Buffer {
  return Buffer.from(encodeIso19794(syntheticMinutiaeImpression(person, position, capture)));
}

/** A file as Playwright's setInputFiles takes it: the template a scanner's software saved. */
export function templateFile(person: number, position: number, capture: number): { name: string; mimeType: string; buffer: Buffer } {
  return { name: `person${person}-finger${position}-capture${capture}.iso`, mimeType: 'application/octet-stream', buffer: isoTemplate(person, position, capture) };
}

/**
 * An 8-bit grey BMP (BITMAPINFOHEADER, 256-entry grey palette, rows bottom-up padded to 4 bytes): the simplest image
 * file a browser decodes, as a scanner's software might save a capture.
 */
export function bmpOf(image: GrayImage): Buffer {
  const stride = (image.width + 3) & ~3;
  const paletteBytes = 256 * 4;
  const offset = 14 + 40 + paletteBytes;
  const out = Buffer.alloc(offset + stride * image.height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(image.width, 18);
  out.writeInt32LE(image.height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(8, 28);
  out.writeUInt32LE(stride * image.height, 34);
  const pixelsPerMetre = Math.round((image.dpi / 2.54) * 100);
  out.writeInt32LE(pixelsPerMetre, 38);
  out.writeInt32LE(pixelsPerMetre, 42);
  out.writeUInt32LE(256, 46);
  for (let i = 0; i < 256; i++) out.writeUInt32LE(i * 0x010101, 54 + i * 4);
  for (let y = 0; y < image.height; y++) {
    const row = image.pixels.subarray(y * image.width, (y + 1) * image.width);
    out.set(row, offset + (image.height - 1 - y) * stride);
  }
  return out;
}

/** Impressions of a synthetic finger image (the engine's SFinGe-style master print `seed`) as BMP files, by capture. */
export function fingerImageFiles(seed: number, captures: readonly number[]): { name: string; mimeType: string; buffer: Buffer }[] {
  const master = generateMasterPrint(seed);
  return captures.map((capture) => ({ name: `finger${seed}-capture${capture}.bmp`, mimeType: 'image/bmp', buffer: bmpOf(generateImpression(master, capture)) }));
}

/** API capture bodies for fingers `positions` of `person`. */
export function fingerCaptures(person: number, positions: readonly number[], capture: number): { position: number; template: string; capturedAt: string }[] {
  return positions.map((position) => ({ position, template: isoTemplate(person, position, capture).toString('base64'), capturedAt: new Date().toISOString() }));
}

export interface NewTraveller {
  surnameLatin: string;
  givenNamesLatin: string;
  birthDate: string;
  sex: 'F' | 'M' | 'X';
  nationality: string;
}

/**
 * Enrols `traveller` with fingers 2 and 7 of synthetic `person` (capture 0) and registers the passport, unless that
 * passport is already registered (a journey run again on the same server). Returns the traveller's id.
 */
export async function enrolWithPassport(token: string, post: string, person: number, traveller: NewTraveller, passport: PassportFields): Promise<string> {
  const found = await call<{ travellers: { id: string }[] }>(
    'GET',
    `/api/travellers?documentType=passport&documentNumber=${passport.documentNumber}&issuingCountry=${passport.issuingState}`,
    undefined,
    token,
  );
  if (found.status === 200 && found.json.travellers.length) return found.json.travellers[0]!.id;
  const enrolled = await must<{ status: string; travellerId: string }>(201, 'POST', '/api/enrolments', { post, traveller, fingers: fingerCaptures(person, [2, 7], 0) }, token);
  await must(201, 'POST', `/api/travellers/${enrolled.travellerId}/documents`, { post, document: { type: 'passport', mrz: td3(passport) } }, token);
  return enrolled.travellerId;
}

/** A passport expiry date (YYMMDD) `years` from now. */
export function expiryIn(years: number): string {
  const d = new Date();
  return `${String((d.getUTCFullYear() + years) % 100).padStart(2, '0')}1231`;
}
