/**
 * ISO/IEC 19794-2:2005 finger minutiae records: round trips within the format's quantisation (coordinates to a
 * record pixel at 197 px/cm, angles to 360/256 degrees), multi-view records, a hand-made record decoded by hand,
 * and typed errors for what the format cannot hold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isEngineError } from '../src/errors.js';
import { decodeIsoRecord, encodeIso19794 } from '../src/template/iso19794-2.js';
import type { FingerprintTemplate } from '../src/template/template.js';
import {
  angleDistance,
  multiViewArbitrary,
  seededTemplate,
  templateArbitrary,
} from './fixtures/template-arbitraries.js';

/** Engine pixels per record pixel at 197 px/cm: 500 dpi / (197 × 2.54 dpi). */
const SCALE_197 = 500 / (197 * 2.54);
const HALF_ANGLE_UNIT = Math.PI / 256;

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

function assertWithinIsoPrecision(back: FingerprintTemplate, t: FingerprintTemplate): void {
  assert.equal(back.width, t.width);
  assert.equal(back.height, t.height);
  assert.equal(back.fingerPosition, t.fingerPosition);
  assert.equal(back.impressionType, t.impressionType);
  assert.equal(back.quality, t.quality);
  assert.equal(back.minutiae.length, t.minutiae.length);
  back.minutiae.forEach((m, i) => {
    const original = t.minutiae[i]!;
    assert.ok(Math.abs(m.x - original.x) <= SCALE_197 / 2 + 1e-9, `x ${m.x} vs ${original.x}`);
    assert.ok(Math.abs(m.y - original.y) <= SCALE_197 / 2 + 1e-9, `y ${m.y} vs ${original.y}`);
    assert.ok(angleDistance(m.direction, original.direction) <= HALF_ANGLE_UNIT + 1e-12);
    assert.equal(m.type, original.type);
    assert.equal(m.quality, original.quality);
  });
}

test('decoding an encoded template gives it back within half a record pixel and half of 360/256 degrees', () => {
  fc.assert(
    fc.property(templateArbitrary(), (t) => {
      const record = decodeIsoRecord(encodeIso19794(t));
      assert.equal(record.views.length, 1);
      assertWithinIsoPrecision(record.views[0]!, t);
    }),
  );
});

test('a multi-view record keeps every view, in order, with its finger position and impression type', () => {
  fc.assert(
    fc.property(multiViewArbitrary(), (views) => {
      const record = decodeIsoRecord(encodeIso19794(views));
      assert.equal(record.views.length, views.length);
      record.views.forEach((back, i) => assertWithinIsoPrecision(back, views[i]!));
    }),
  );
});

test('a decoded record re-encodes to the same bytes, capture device fields included', () => {
  const header = fc.record({ deviceType: fc.integer({ min: 0, max: 4095 }), deviceCertified: fc.boolean() });
  fc.assert(
    fc.property(multiViewArbitrary(), header, (views, options) => {
      const bytes = encodeIso19794(views, options);
      const record = decodeIsoRecord(bytes);
      assert.deepEqual([record.deviceType, record.deviceCertified], [options.deviceType, options.deviceCertified]);
      assert.deepEqual(encodeIso19794(record.views, options), bytes);
    }),
  );
});

// A two-view record written by hand. Header: magic, version, length 64, capture device 0x8005 (certified, type
// 5), 300 x 400 pixels, 197 x 197 px/cm, 2 views. View 0: right index (2), view 0 live plain, quality 80, two
// minutiae, no extended data. View 1: left index (7), view 0 live rolled, quality 0, one minutia, 10 bytes of
// extended data in two blocks (ridge counts, 6 bytes; zonal quality, 4 bytes) that the reader must skip.
const ISO_FIXTURE = hex(`
  46 4d 52 00  20 32 30 00  00 00 00 40  80 05  01 2c  01 90  00 c5  00 c5  02  00
  02  00  50  02
    40 64  00 c8  40  3c
    80 0a  01 2c  00  64
    00 00
  07  01  00  01
    00 05  c0 07  80  00
    00 0a  00 01 00 06 aa bb  00 03 00 04
`);

test('a hand-made two-view record decodes to the values worked out by hand', () => {
  const record = decodeIsoRecord(ISO_FIXTURE);
  assert.equal(record.format, 'iso19794-2:2005');
  assert.equal(record.width, 300);
  assert.equal(record.height, 400);
  assert.equal(record.resolutionXPpcm, 197);
  assert.equal(record.resolutionYPpcm, 197);
  assert.equal(record.deviceCertified, true);
  assert.equal(record.deviceType, 5);
  assert.equal(record.views.length, 2);
  const [first, second] = record.views as [FingerprintTemplate, FingerprintTemplate];
  // 300 px at 500.38 dpi is 299.77 engine pixels, rounded to 300; 400 px is 399.70, rounded to 400.
  assert.deepEqual(
    { ...first, minutiae: [] },
    { width: 300, height: 400, fingerPosition: 2, impressionType: 0, quality: 80, minutiae: [] },
  );
  assert.deepEqual(
    { ...second, minutiae: [] },
    { width: 300, height: 400, fingerPosition: 7, impressionType: 1, quality: 0, minutiae: [] },
  );
  // x 100 at 197 px/cm is 100 × 500 / 500.38 = 99.924 engine pixels; angle unit 64 is 64 × 1.40625 = 90 degrees
  // counter-clockwise.
  const [a, b] = first.minutiae;
  assert.ok(Math.abs(a!.x - 99.924) < 0.001 && Math.abs(a!.y - 199.848) < 0.001);
  assert.equal(a!.direction, Math.PI / 2);
  assert.equal(a!.type, 'ending');
  assert.equal(a!.quality, 60);
  assert.ok(Math.abs(b!.x - 9.992) < 0.001 && Math.abs(b!.y - 299.772) < 0.001);
  assert.equal(b!.direction, 0);
  assert.equal(b!.type, 'bifurcation');
  assert.equal(b!.quality, 100);
  // Type 00 is "other"; the reserved top bits of y (0xc007) are ignored; unit 128 is 180 degrees.
  const c = second.minutiae[0]!;
  assert.ok(Math.abs(c.x - 5 * SCALE_197) < 1e-12 && Math.abs(c.y - 7 * SCALE_197) < 1e-12);
  assert.equal(c.direction, Math.PI);
  assert.equal(c.type, 'other');
});

test('an engine direction of 90 degrees is written as ISO angle unit 64', () => {
  const t = seededTemplate(11, 1);
  const bytes = encodeIso19794({ ...t, minutiae: [{ ...t.minutiae[0]!, direction: Math.PI / 2 }] });
  assert.equal(bytes[24 + 4 + 4], 64);
});

test('angles round to the nearest unit and wrap modulo 256', () => {
  const t = seededTemplate(12, 1);
  const unit = (2 * Math.PI) / 256;
  const angleByte = (direction: number): number =>
    encodeIso19794({ ...t, minutiae: [{ ...t.minutiae[0]!, direction }] })[24 + 4 + 4]!;
  assert.equal(angleByte(10.49 * unit), 10);
  assert.equal(angleByte(10.51 * unit), 11);
  assert.equal(angleByte(255.6 * unit), 0);
});

test('the writer uses 197 px/cm by default and converts coordinates to another resolution on request', () => {
  const t = seededTemplate(13, 3);
  const at197 = decodeIsoRecord(encodeIso19794(t));
  assert.equal(at197.resolutionXPpcm, 197);
  const at394 = decodeIsoRecord(encodeIso19794(t, { resolutionPpcm: 394 }));
  assert.equal(at394.resolutionXPpcm, 394);
  assert.equal(at394.width, Math.round(t.width * (394 * 2.54) / 500));
  const halfPixel394 = 500 / (394 * 2.54) / 2;
  at394.views[0]!.minutiae.forEach((m, i) => assert.ok(Math.abs(m.x - t.minutiae[i]!.x) <= halfPixel394 + 1e-9));
});

test('numbers the views of each finger from 0 in order', () => {
  const views = [seededTemplate(1, 2, 3), seededTemplate(2, 2, 3), seededTemplate(3, 2, 4), seededTemplate(4, 2, 3)];
  const bytes = encodeIso19794(views);
  const viewBytes: number[] = [];
  let offset = 24;
  for (const v of views) {
    viewBytes.push(bytes[offset + 1]! >> 4);
    offset += 4 + 6 * v.minutiae.length + 2;
  }
  assert.deepEqual(viewBytes, [0, 1, 0, 2]);
});

test('refuses an ANSI/INCITS 378 record with ENGINE_TEMPLATE_FORMAT', () => {
  const ansi = hex('46 4d 52 00 20 32 30 00 00 1a 00 00 00 00 00 00 01 00 01 00 00 c5 00 c5 00 00');
  assert.throws(() => decodeIsoRecord(ansi), (e) => isEngineError(e, 'ENGINE_TEMPLATE_FORMAT'));
});

test('refuses malformed extended data, trailing bytes and reserved codes with ENGINE_TEMPLATE_CORRUPT', () => {
  const mutate = (offset: number, value: number): Uint8Array => {
    const bytes = ISO_FIXTURE.slice();
    bytes[offset] = value;
    return bytes;
  };
  const extStart = 24 + 18 + 4 + 6; // second view's extended data length
  const bad = [
    mutate(extStart + 2 + 3, 0x03), // first block claims 3 bytes, less than its own header
    mutate(extStart + 2 + 3, 0x0b), // first block overruns the extended data
    mutate(extStart + 2 + 9, 0x03), // second block leaves a stray byte
    mutate(24 + 4, 0xc0 | 0x00), // minutia type code 11 (reserved)
    mutate(24 + 1, 0x04), // impression type 4
    mutate(24, 11), // finger position 11
    mutate(24 + 2, 101), // finger quality 101
    mutate(24 + 4 + 5, 101), // minutia quality 101
    mutate(19, 0), // x resolution 0x00c5 -> 0
    mutate(15, 0), // width 0x012c: the low byte here, the high byte on the next line, gives width 0
  ];
  bad[bad.length - 1]![14] = 0;
  for (const [i, bytes] of bad.entries()) {
    assert.throws(() => decodeIsoRecord(bytes), (e) => isEngineError(e, 'ENGINE_TEMPLATE_CORRUPT'), `case ${i}`);
  }
  const longer = new Uint8Array(ISO_FIXTURE.length + 2);
  longer.set(ISO_FIXTURE);
  assert.throws(() => decodeIsoRecord(longer), (e) => isEngineError(e, 'ENGINE_TEMPLATE_CORRUPT'));
});

test('refuses a record whose declared counts exceed its bytes with ENGINE_TEMPLATE_TRUNCATED', () => {
  const bytes = ISO_FIXTURE.slice();
  bytes[22] = 255; // 255 views in 64 bytes
  assert.throws(() => decodeIsoRecord(bytes), (e) => isEngineError(e, 'ENGINE_TEMPLATE_TRUNCATED'));
  const minutiae = ISO_FIXTURE.slice();
  minutiae[24 + 3] = 200; // 200 minutiae in the first view
  assert.throws(() => decodeIsoRecord(minutiae), (e) => isEngineError(e, 'ENGINE_TEMPLATE_TRUNCATED'));
});

test('refuses templates the format cannot hold with ENGINE_TEMPLATE_UNENCODABLE', () => {
  const t = seededTemplate(5, 3);
  const m = t.minutiae[0]!;
  const cases: Array<FingerprintTemplate | FingerprintTemplate[]> = [
    [],
    seededTemplate(6, 256),
    { ...t, width: 20000, minutiae: [{ ...m, x: 16500 }] },
    [t, { ...t, width: t.width + 1 }],
    Array.from({ length: 17 }, () => t),
    { ...t, minutiae: [{ ...m, direction: Number.POSITIVE_INFINITY }] },
  ];
  for (const [i, templates] of cases.entries()) {
    assert.throws(() => encodeIso19794(templates), (e) => isEngineError(e, 'ENGINE_TEMPLATE_UNENCODABLE'), `case ${i}`);
  }
  assert.throws(() => encodeIso19794(t, { resolutionPpcm: 0 }), (e) => isEngineError(e, 'ENGINE_TEMPLATE_UNENCODABLE'));
  assert.throws(() => encodeIso19794(t, { deviceType: 4096 }), (e) => isEngineError(e, 'ENGINE_TEMPLATE_UNENCODABLE'));
});
