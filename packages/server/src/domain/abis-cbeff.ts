/**
 * Reading the fingers out of a CBEFF XML document (ISO/IEC 19785-3 XML patron format, as MOSIP writes it): a root
 * BIR holding one BIR per biometric, each with `BDBInfo` (`Type`, `Subtype` such as "Right IndexFinger", `Quality/
 * Score`) and `BDB` (base64 of the biometric data block).
 *
 * The XML reader is deliberately small and strict: elements, attributes, character and the five predefined entity
 * references, CDATA, comments and processing instructions. A document type declaration is refused outright, so no
 * external entity can be fetched and no entity expansion can blow up memory (OWASP XXE prevention); a CBEFF record
 * never needs one. Namespace prefixes are dropped (`<bir:BDB>` reads as `BDB`), as CBEFF elements are unambiguous
 * by local name. Anything malformed throws {@link CbeffError} with reason `invalid`; a well-formed record without a
 * usable finger throws it with reason `empty` (MOSIP failure reasons 16 and 11).
 */

/** Why a CBEFF document could not be used: unreadable (`invalid`) or holding no finger data (`empty`). */
export class CbeffError extends Error {
  override readonly name = 'CbeffError';
  constructor(
    readonly reason: 'invalid' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

/** An XML element: local name, attributes, child elements and its own text (concatenated). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/** Largest CBEFF document read. */
export const MAX_CBEFF_CHARACTERS = 8 * 1024 * 1024; // 8 Mi characters: ten finger images fit
/** Deepest element nesting accepted (a CBEFF record nests about five levels). */
const MAX_DEPTH = 32; // levels

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const NAME = /^[A-Za-z_][\w.:-]*/;

function invalid(message: string): never {
  throw new CbeffError('invalid', `CBEFF is not well-formed XML: ${message}`);
}

/** Replaces entity and character references; refuses unknown entities (no DTD can define any). */
function decodeText(raw: string): string {
  return raw.replace(/&([^;&\s]{1,10});/g, (_all, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) {
      const code = Number.parseInt(ref.slice(2), 16);
      if (!/^[0-9a-fA-F]+$/.test(ref.slice(2)) || code > 0x10ffff) invalid(`bad character reference &${ref};`);
      return String.fromCodePoint(code);
    }
    if (ref.startsWith('#')) {
      const code = Number(ref.slice(1));
      if (!/^\d+$/.test(ref.slice(1)) || code > 0x10ffff) invalid(`bad character reference &${ref};`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED_ENTITIES[ref];
    if (value === undefined) invalid(`unknown entity &${ref};`);
    return value;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

interface OpenElement {
  readonly qualified: string;
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

/** Parses a whole XML document into its root element. Throws CbeffError('invalid') on anything malformed. */
export function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_CBEFF_CHARACTERS) invalid(`${xml.length} characters, at most ${MAX_CBEFF_CHARACTERS}`);
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0; // byte order mark
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decodeText(text);
      else if (text.trim() !== '') invalid('text outside the root element');
    }
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) invalid('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) invalid('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end < 0) invalid('unterminated CDATA section');
      const top = stack[stack.length - 1];
      if (!top) invalid('CDATA outside the root element');
      top.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      invalid('document type declarations are not accepted');
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      if (end < 0) invalid('unterminated end tag');
      const qualified = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.qualified !== qualified) invalid(`</${qualified}> does not close <${open?.qualified ?? '(nothing)'}>`);
      const element: XmlElement = { name: open.name, attributes: open.attributes, children: open.children, text: open.text };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root = element;
      i = end + 1;
    } else {
      if (root) invalid('content after the root element');
      const nameMatch = NAME.exec(xml.slice(i + 1, i + 201));
      if (!nameMatch) invalid(`bad element name at character ${i}`);
      const qualified = nameMatch[0];
      let j = i + 1 + qualified.length;
      const attributes: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        while (j < xml.length && /\s/.test(xml[j]!)) j++;
        if (j >= xml.length) invalid(`unterminated start tag <${qualified}>`);
        if (xml.startsWith('/>', j)) {
          selfClosing = true;
          j += 2;
          break;
        }
        if (xml[j] === '>') {
          j += 1;
          break;
        }
        const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(j, j + 4096));
        if (!attribute) invalid(`bad attribute in <${qualified}> at character ${j}`);
        const name = attribute[1]!;
        if (name in attributes) invalid(`attribute ${name} repeated in <${qualified}>`);
        attributes[name] = decodeText(attribute[3] ?? attribute[4] ?? '');
        j += attribute[0].length;
      }
      if (stack.length >= MAX_DEPTH) invalid(`elements nested deeper than ${MAX_DEPTH}`);
      const open: OpenElement = { qualified, name: localName(qualified), attributes, children: [], text: '' };
      if (selfClosing) {
        const element: XmlElement = { name: open.name, attributes, children: [], text: '' };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(element);
        else root = element;
      } else {
        stack.push(open);
      }
      i = j;
    }
  }
  if (stack.length > 0) invalid(`<${stack[stack.length - 1]!.qualified}> is never closed`);
  if (!root) invalid('no root element');
  return root;
}

/** The first child element with this local name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/**
 * Finger positions of ISO/IEC 19794-2:2005 table 4 by CBEFF subtype (ISO/IEC 19785-3 writes a subtype as a list:
 * "Right IndexFinger"; MOSIP uses exactly these spellings).
 */
const FINGER_SUBTYPES: Readonly<Record<string, number>> = {
  'right thumb': 1,
  'right indexfinger': 2,
  'right middlefinger': 3,
  'right ringfinger': 4,
  'right littlefinger': 5,
  'left thumb': 6,
  'left indexfinger': 7,
  'left middlefinger': 8,
  'left ringfinger': 9,
  'left littlefinger': 10,
};

/** One finger BIR: the position its subtype names (0 when it names none), its quality score and BDB bytes. */
export interface CbeffFinger {
  readonly position: number;
  /** `BDBInfo/Quality/Score` (0..100), or undefined. */
  readonly quality: number | undefined;
  readonly bdb: Uint8Array;
}

/** The position a CBEFF finger subtype names, or 0 ("UNKNOWN", missing, or not a single finger). */
export function fingerPositionOfSubtype(subtype: string | undefined): number {
  if (!subtype) return 0;
  return FINGER_SUBTYPES[subtype.trim().replace(/\s+/g, ' ').toLowerCase()] ?? 0;
}

/** Standard base64 with optional whitespace (XML line-wraps long base64), padding optional. */
function decodeBase64(text: string, where: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) && !/^[A-Za-z0-9_-]*={0,2}$/.test(compact)) {
    throw new CbeffError('invalid', `${where}: the BDB is not base64`);
  }
  return new Uint8Array(Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64'));
}

/** Every BIR element that carries data (has a BDBInfo), depth first. */
function dataBirs(element: XmlElement, found: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (child.name !== 'BIR') continue;
    if (childNamed(child, 'BDBInfo')) found.push(child);
    dataBirs(child, found);
  }
  return found;
}

/**
 * The fingers of a CBEFF XML document, in document order. BIRs of other modalities (face, iris) are skipped, and so
 * are finger BIRs with an empty BDB (MOSIP's biometric exceptions: a missing finger). Throws CbeffError: `invalid`
 * when the document is not a CBEFF record, `empty` when it holds no finger data.
 */
export function readCbeffFingers(xml: string): CbeffFinger[] {
  const root = parseXml(xml);
  if (root.name !== 'BIR') throw new CbeffError('invalid', `the root element is <${root.name}>, not a CBEFF <BIR>`);
  const fingers: CbeffFinger[] = [];
  const birs = dataBirs(root);
  birs.forEach((bir, index) => {
    const where = `BIR ${index + 1}`;
    const info = childNamed(bir, 'BDBInfo')!;
    const types = (childNamed(info, 'Type')?.text ?? '').trim().split(/\s+/);
    if (!types.some((t) => t.toLowerCase() === 'finger')) return;
    const bdb = decodeBase64(childNamed(bir, 'BDB')?.text ?? '', where);
    if (bdb.length === 0) return;
    const scoreText = childNamed(childNamed(info, 'Quality') ?? info, 'Score')?.text.trim();
    const score = scoreText === undefined || scoreText === '' ? undefined : Number(scoreText);
    if (score !== undefined && !(Number.isFinite(score) && score >= 0 && score <= 100)) {
      throw new CbeffError('invalid', `${where}: quality score ${scoreText} is not 0..100`);
    }
    fingers.push({ position: fingerPositionOfSubtype(childNamed(info, 'Subtype')?.text), quality: score, bdb });
  });
  if (fingers.length === 0) throw new CbeffError('empty', `the CBEFF record holds no finger data (${birs.length} data BIRs)`);
  return fingers;
}
