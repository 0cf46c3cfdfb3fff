/**
 * CBEFF XML records (ISO/IEC 19785-3, as MOSIP writes them) of synthetic fingers, and ABIS request bodies, for the
 * ABIS interface tests. The BDBs are ISO/IEC 19794-2:2005 templates of the engine's seeded synthetic fingers.
 */
import { randomUUID } from 'node:crypto';
import { impression, templateBase64 } from './fingers.js';

/** MOSIP's subtype of each finger position (ISO/IEC 19794-2:2005 table 4). */
export const SUBTYPES = [
  '',
  'Right Thumb',
  'Right IndexFinger',
  'Right MiddleFinger',
  'Right RingFinger',
  'Right LittleFinger',
  'Left Thumb',
  'Left IndexFinger',
  'Left MiddleFinger',
  'Left RingFinger',
  'Left LittleFinger',
];

/** One BIR of a finger with the given BDB text. */
export function fingerBir(subtype: string, bdb: string, quality = 80): string {
  return `<BIR><Version><Major>1</Major><Minor>1</Minor></Version><CBEFFVersion><Major>1</Major><Minor>1</Minor></CBEFFVersion>
<BIRInfo><Integrity>false</Integrity></BIRInfo>
<BDBInfo><Format><Organization>257</Organization><Type>2</Type></Format><CreationDate>2026-11-26T07:00:00.000Z</CreationDate>
<Type>Finger</Type><Subtype>${subtype}</Subtype><Level>Raw</Level><Purpose>Enroll</Purpose><Quality><Algorithm><Organization>HMAC</Organization><Type>SHA-256</Type></Algorithm><Score>${quality}</Score></Quality></BDBInfo>
<BDB>${bdb}</BDB></BIR>`;
}

/** A whole CBEFF record around some BIRs. */
export function cbeffRecord(birs: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<BIR xmlns="http://standards.iso.org/iso-iec/19785/-3/ed-2/">
<BIRInfo><Integrity>false</Integrity></BIRInfo>
${birs.join('\n')}
</BIR>`;
}

/** A CBEFF record of fingers `positions` of synthetic `person`, impression `capture`. */
export function cbeffOf(person: number, positions: readonly number[], capture = 1): string {
  return cbeffRecord(positions.map((p) => fingerBir(SUBTYPES[p]!, templateBase64(impression(person, p, capture), 'iso'))));
}

/** An RFC 2397 data: URL carrying a CBEFF record inline. */
export function dataUrl(xml: string): string {
  return `data:application/xml;base64,${Buffer.from(xml, 'utf8').toString('base64')}`;
}

/** An ABIS request body: id `mosip.abis.<operation>`, version 1.1, a new requestId, and `fields`. */
export function abisRequest(operation: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: `mosip.abis.${operation}`, version: '1.1', requestId: randomUUID(), requesttime: '2026-11-26T07:59:59.123Z', ...fields };
}
