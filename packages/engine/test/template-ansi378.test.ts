/**
 * ANSI/INCITS 378-2004 finger minutiae records: round trips within the format's quantisation (coordinates to a
 * record pixel at 197 px/cm, angles to 2 degrees), multi-view records, both length field forms, a hand-made
 * record decoded by hand, and typed errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isEngineError } from '../src/errors.js';
import { decodeAnsiRecord, encodeAnsi378 } from '../src/template/ansi378.js';
import type { FingerprintTemplate } from '../src/template/template.js';
import {
  angleDistance,
  multiViewArbitrary,
  seededTemplate,
  templateArbitrary,
} from './fixtures/template-arbitraries.js';

/** Engine pixels per record pixel at 197 px/cm: 500 dpi / (197 × 2.54 dpi). */
const SCALE_197 = 500 / (197 * 2.54);
const ONE_DEGREE = Math.PI / 180;

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

function assertWithinAnsiPrecision(back: FingerprintTemplate, t: FingerprintTemplate): void {
  assert.deepEqual(
    [back.width, back.height, back.fingerPosition, back.impressionType, back.quality, back.minutiae.length],
    [t.width, t.height, t.fingerPosition, t.impressionType, t.quality, t.minutiae.length],
  );
  back.minutiae.forEach((m, i) => {
    const original = t.minutiae[i]!;
    assert.ok(Math.abs(m.x - original.x) <= SCALE_197 / 2 + 1e-9, `x ${m.x} vs ${original.x}`);
    assert.ok(Math.abs(m.y - original.y) <= SCALE_197 / 2 + 1e-9, `y ${m.y} vs ${original.y}`);
    assert.ok(angleDistance(m.direction, original.direction) <= ONE_DEGREE + 1e-12);
    assert.equal(m.type, original.type);
    assert.equal(m.quality, original.quality);
  });
}

test('decoding an encoded template gives it back within half a record pixel and one degree', () => {
  fc.assert(
    fc.property(templateArbitrary(), (t) => {
      const record = decodeAnsiRecord(encodeAnsi378(t));
      assert.equal(record.views.length, 1);
      assertWithinAnsiPrecision(record.views[0]!, t);
    }),
  );
});

test('a multi-view record keeps every view, in order, with its finger position and impression type', () => {
  fc.assert(
    fc.property(multiViewArbitrary(), (views) => {
      const record = decodeAnsiRecord(encodeAnsi378(views));
      assert.equal(record.views.length, views.length);
      record.views.forEach((back, i) => assertWithinAnsiPrecision(back, views[i]!));
    }),
  );
});

test('a decoded record re-encodes to the same bytes, header identifiers included', () => {
  const options = fc.record({
    productOwner: fc.integer({ min: 0, max: 0xffff }),
    productType: fc.integer({ min: 0, max: 0xffff }),
    equipmentCompliance: fc.integer({ min: 0, max: 15 }),
    equipmentId: fc.integer({ min: 0, max: 4095 }),
  });
  fc.assert(
    fc.property(multiViewArbitrary(), options, (views, opts) => {
      const bytes = encodeAnsi378(views, opts);
      const record = decodeAnsiRecord(bytes);
      assert.deepEqual(
        [record.productOwner, record.productType, record.equipmentCompliance, record.equipmentId],
        [opts.productOwner, opts.productType, opts.equipmentCompliance, opts.equipmentId],
      );
      assert.deepEqual(encodeAnsi378(record.views, opts), bytes);
    }),
  );
});

test('a record over 65,535 bytes uses the 6-byte length field and decodes back', () => {
  // 50 views of 255 minutiae: 26 + 50 × (4 + 1530 + 2) = 76,826 bytes, plus 4 for the longer length field.
  const views = Array.from({ length: 50 }, (_, i) => seededTemplate(100 + i, 255, i % 11));
  const bytes = encodeAnsi378(views);
  assert.equal(bytes.length, 76830);
  const view = new DataView(bytes.buffer);
  assert.equal(view.getUint16(8), 0);
  assert.equal(view.getUint32(10), 76830);
  const record = decodeAnsiRecord(bytes);
  assert.equal(record.views.length, 50);
  record.views.forEach((back, i) => assertWithinAnsiPrecision(back, views[i]!));
  assert.deepEqual(encodeAnsi378(record.views), bytes);
});

test('the 2-byte length field is used up to its largest reachable length and the 6-byte one beyond', () => {
  // Views take 6 + 6n bytes, so records are 26 + an even number of bytes: 65,534 is the largest that fits the
  // 2-byte field. 42 views of 254 minutiae and one of 207: 26 + 6 × (42 × 255 + 208) = 65,534 bytes.
  const views = Array.from({ length: 42 }, (_, i) => seededTemplate(200 + i, 254, i % 11));
  const fits = encodeAnsi378([...views, seededTemplate(300, 207, 10)]);
  assert.equal(fits.length, 65534);
  assert.equal(new DataView(fits.buffer).getUint16(8), 65534);
  assert.equal(decodeAnsiRecord(fits).views.length, 43);
  // One more minutia: 65,540 bytes of content, plus 4 for the longer length field.
  const over = encodeAnsi378([...views, seededTemplate(300, 208, 10)]);
  assert.equal(over.length, 65544);
  assert.equal(new DataView(over.buffer).getUint16(8), 0);
  assert.equal(new DataView(over.buffer).getUint32(10), 65544);
  assert.equal(decodeAnsiRecord(over).views.length, 43);
});

// A one-view record written by hand. Header: magic, version, 2-byte length 50, CBEFF product id owner 0x0033
// type 0x0001, capture equipment 0x1007 (compliance 1, id 7), 256 x 360 pixels, 197 x 197 px/cm, 1 view.
// View: right thumb (1), view 0 non-live plain (2), quality 90, three minutiae, no extended data.
const ANSI_FIXTURE = hex(`
  46 4d 52 00  20 32 30 00  00 32  00 33 00 01  10 07  01 00  01 68  00 c5  00 c5  01  00
  01  02  5a  03
    40 32  00 3c  2d  50
    80 64  00 78  5a  46
    40 c8  01 2c  87  28
    00 00
`);

test('a hand-made record decodes to the values worked out by hand', () => {
  const record = decodeAnsiRecord(ANSI_FIXTURE);
  assert.equal(record.format, 'ansi378-2004');
  assert.deepEqual(
    [record.width, record.height, record.resolutionXPpcm, record.resolutionYPpcm],
    [256, 360, 197, 197],
  );
  assert.deepEqual(
    [record.productOwner, record.productType, record.equipmentCompliance, record.equipmentId],
    [0x33, 1, 1, 7],
  );
  const view = record.views[0]!;
  // 256 px at 500.38 dpi is 255.81 engine pixels (256); 360 px is 359.73 (360).
  assert.deepEqual(
    { ...view, minutiae: [] },
    { width: 256, height: 360, fingerPosition: 1, impressionType: 2, quality: 90, minutiae: [] },
  );
  // Units of 2 degrees: 45 is 90 degrees counter-clockwise, 90 is 180, 135 is 270.
  const [a, b, c] = view.minutiae;
  assert.deepEqual([a!.type, a!.direction, a!.quality], ['ending', Math.PI / 2, 80]);
  assert.deepEqual([b!.type, b!.direction, b!.quality], ['bifurcation', Math.PI, 70]);
  assert.deepEqual([c!.type, c!.direction, c!.quality], ['ending', (3 * Math.PI) / 2, 40]);
  // x 50 at 197 px/cm is 50 × 500 / 500.38 = 49.962 engine pixels.
  assert.ok(Math.abs(a!.x - 49.962) < 0.001 && Math.abs(a!.y - 59.954) < 0.001);
  assert.ok(Math.abs(c!.x - 199.848) < 0.001 && Math.abs(c!.y - 299.772) < 0.001);
});

test('an engine direction of 90 degrees is written as ANSI angle unit 45, and angles wrap modulo 180', () => {
  const t = seededTemplate(21, 1);
  const angleByte = (direction: number): number =>
    encodeAnsi378({ ...t, minutiae: [{ ...t.minutiae[0]!, direction }] })[26 + 4 + 4]!;
  assert.equal(angleByte(Math.PI / 2), 45);
  assert.equal(angleByte((2.9 * Math.PI) / 180), 1);
  assert.equal(angleByte((3.1 * Math.PI) / 180), 2);
  assert.equal(angleByte((359.2 * Math.PI) / 180), 0);
});

test('refuses an ISO/IEC 19794-2 record with ENGINE_TEMPLATE_FORMAT', () => {
  const iso = hex('46 4d 52 00 20 32 30 00 00 00 00 18 00 00 01 00 01 00 00 c5 00 c5 00 00');
  assert.throws(() => decodeAnsiRecord(iso), (e) => isEngineError(e, 'ENGINE_TEMPLATE_FORMAT'));
});

test('refuses angle units 180 and above with ENGINE_TEMPLATE_CORRUPT', () => {
  const bytes = ANSI_FIXTURE.slice();
  bytes[26 + 4 + 4] = 180;
  assert.throws(
    () => decodeAnsiRecord(bytes),
    (e) => isEngineError(e, 'ENGINE_TEMPLATE_CORRUPT') && /angle/.test(e.message),
  );
});

test('refuses a declared length below the header or beyond the bytes with typed errors', () => {
  // A 2-byte length of 1..25 is not ANSI at all: only an ISO record's 4-byte length starts that way.
  const isoShaped = ANSI_FIXTURE.slice();
  isoShaped[9] = 25;
  assert.throws(() => decodeAnsiRecord(isoShaped), (e) => isEngineError(e, 'ENGINE_TEMPLATE_FORMAT'));
  // The 6-byte form declaring 16 bytes, less than its own 30-byte header.
  const tooShort = new Uint8Array([...ANSI_FIXTURE.subarray(0, 8), 0, 0, 0, 0, 0, 16, ...ANSI_FIXTURE.subarray(10)]);
  assert.throws(() => decodeAnsiRecord(tooShort), (e) => isEngineError(e, 'ENGINE_TEMPLATE_CORRUPT'));
  const beyond = ANSI_FIXTURE.slice();
  beyond[9] = 60;
  assert.throws(() => decodeAnsiRecord(beyond), (e) => isEngineError(e, 'ENGINE_TEMPLATE_TRUNCATED'));
  const trailing = new Uint8Array([...ANSI_FIXTURE, 0]);
  assert.throws(() => decodeAnsiRecord(trailing), (e) => isEngineError(e, 'ENGINE_TEMPLATE_CORRUPT'));
});

test('refuses invalid header options and unencodable templates with ENGINE_TEMPLATE_UNENCODABLE', () => {
  const t = seededTemplate(22, 2);
  const bad = [
    () => encodeAnsi378(t, { productOwner: 0x10000 }),
    () => encodeAnsi378(t, { equipmentCompliance: 16 }),
    () => encodeAnsi378(t, { equipmentId: -1 }),
    () => encodeAnsi378(t, { resolutionPpcm: 197.5 }),
    () => encodeAnsi378(seededTemplate(23, 256)),
    () => encodeAnsi378([]),
  ];
  for (const [i, encode] of bad.entries()) {
    assert.throws(encode, (e) => isEngineError(e, 'ENGINE_TEMPLATE_UNENCODABLE'), `case ${i}`);
  }
});
