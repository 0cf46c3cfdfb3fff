/**
 * Sarhad's internal binary template: exact round trips at its stated precision, determinism, a frozen
 * version-1 fixture that must decode forever, and typed errors for what it cannot hold or read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isEngineError } from '../src/errors.js';
import { decodeTemplate, encodeTemplate } from '../src/template/internal-format.js';
import type { FingerprintTemplate } from '../src/template/template.js';
import { angleDistance, seededTemplate, templateArbitrary } from './fixtures/template-arbitraries.js';

const UNIT = (2 * Math.PI) / 65536;

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

test('decoding an encoded template gives it back with whole-pixel coordinates and 1/65536-turn directions', () => {
  fc.assert(
    fc.property(templateArbitrary(), (t) => {
      const back = decodeTemplate(encodeTemplate(t));
      assert.equal(back.width, t.width);
      assert.equal(back.height, t.height);
      assert.equal(back.fingerPosition, t.fingerPosition);
      assert.equal(back.impressionType, t.impressionType);
      assert.equal(back.quality, t.quality);
      assert.equal(back.minutiae.length, t.minutiae.length);
      back.minutiae.forEach((m, i) => {
        const original = t.minutiae[i]!;
        assert.equal(m.x, Math.round(original.x));
        assert.equal(m.y, Math.round(original.y));
        assert.ok(angleDistance(m.direction, original.direction) <= UNIT / 2 + 1e-12);
        assert.ok(m.direction >= 0 && m.direction < 2 * Math.PI);
        assert.ok(Math.abs(m.direction / UNIT - Math.round(m.direction / UNIT)) < 1e-6, 'direction is a whole unit');
        assert.equal(m.type, original.type);
        assert.equal(m.quality, original.quality);
      });
    }),
  );
});

test('a decoded template re-encodes to the same bytes, so the format is exact at its own precision', () => {
  fc.assert(
    fc.property(templateArbitrary(), (t) => {
      const bytes = encodeTemplate(t);
      assert.deepEqual(encodeTemplate(decodeTemplate(bytes)), bytes);
      assert.deepEqual(decodeTemplate(encodeTemplate(decodeTemplate(bytes))), decodeTemplate(bytes));
    }),
  );
});

test('the same template always encodes to the same bytes', () => {
  const t = seededTemplate(7, 40);
  assert.deepEqual(encodeTemplate(t), encodeTemplate(structuredClone(t)));
});

// Version 1 bytes worked out by hand. This fixture is frozen: if it stops decoding, stored templates break.
const V1_FIXTURE = hex(`
  53 52 48 44   01   00   01 2c   01 90   03   01   4b   00   00 02
  00 64 00 c8   40 00   01   3c
  01 2b 00 00   c0 00   02   00
`);

test('a hand-made version-1 template decodes to the values worked out by hand', () => {
  const t = decodeTemplate(V1_FIXTURE);
  assert.deepEqual(
    { ...t, minutiae: [] },
    { width: 300, height: 400, fingerPosition: 3, impressionType: 1, quality: 75, minutiae: [] },
  );
  // 0x4000 = 16384/65536 of a turn = 90 degrees counter-clockwise; 0xc000 = 270 degrees.
  assert.deepEqual(t.minutiae, [
    { x: 100, y: 200, direction: Math.PI / 2, type: 'ending', quality: 60 },
    { x: 299, y: 0, direction: (3 * Math.PI) / 2, type: 'bifurcation', quality: 0 },
  ]);
  assert.deepEqual(encodeTemplate(t), V1_FIXTURE);
});

test('a template inside a larger buffer decodes from its own offset', () => {
  const backing = new Uint8Array(V1_FIXTURE.length + 10);
  backing.set(V1_FIXTURE, 3);
  assert.deepEqual(decodeTemplate(backing.subarray(3, 3 + V1_FIXTURE.length)), decodeTemplate(V1_FIXTURE));
});

test('directions just below a full turn wrap to zero instead of overflowing the unit', () => {
  const t = seededTemplate(1, 1);
  const m = { ...t.minutiae[0]!, direction: 2 * Math.PI - 1e-9 };
  assert.equal(decodeTemplate(encodeTemplate({ ...t, minutiae: [m] })).minutiae[0]!.direction, 0);
});

test('refuses a version this engine does not know with ENGINE_TEMPLATE_FORMAT', () => {
  const bytes = V1_FIXTURE.slice();
  bytes[4] = 2;
  assert.throws(
    () => decodeTemplate(bytes),
    (e) => isEngineError(e, 'ENGINE_TEMPLATE_FORMAT') && /version 2/.test(e.message),
  );
});

test('refuses bytes that are not a Sarhad template with ENGINE_TEMPLATE_FORMAT', () => {
  const fmr = hex('46 4d 52 00 20 32 30 00');
  assert.throws(() => decodeTemplate(fmr), (e) => isEngineError(e, 'ENGINE_TEMPLATE_FORMAT'));
});

test('refuses reserved flags, trailing bytes and out-of-range fields with ENGINE_TEMPLATE_CORRUPT', () => {
  const cases: Array<[number, number]> = [
    [5, 1], // flags
    [10, 11], // finger position 11
    [11, 4], // impression type 4
    [12, 101], // finger quality
    [13, 1], // reserved byte
    [22, 3], // minutia type 3
    [23, 101], // minutia quality
  ];
  for (const [offset, value] of cases) {
    const bytes = V1_FIXTURE.slice();
    bytes[offset] = value;
    assert.throws(() => decodeTemplate(bytes), (e) => isEngineError(e, 'ENGINE_TEMPLATE_CORRUPT'), `offset ${offset}`);
  }
  const longer = new Uint8Array(V1_FIXTURE.length + 1);
  longer.set(V1_FIXTURE);
  assert.throws(() => decodeTemplate(longer), (e) => isEngineError(e, 'ENGINE_TEMPLATE_CORRUPT'));
});

test('refuses every strict prefix of a template with ENGINE_TEMPLATE_TRUNCATED', () => {
  for (let n = 0; n < V1_FIXTURE.length; n++) {
    const prefix = V1_FIXTURE.subarray(0, n);
    assert.throws(() => decodeTemplate(prefix), (e) => isEngineError(e, 'ENGINE_TEMPLATE_TRUNCATED'), `${n} bytes`);
  }
});

test('refuses templates it cannot hold with ENGINE_TEMPLATE_UNENCODABLE', () => {
  const t = seededTemplate(3, 2);
  const m = t.minutiae[0]!;
  const bad: FingerprintTemplate[] = [
    { ...t, width: 70000 },
    { ...t, width: 0 },
    { ...t, height: 10.5 },
    { ...t, fingerPosition: 11 },
    { ...t, impressionType: 5 },
    { ...t, quality: 100.5 },
    { ...t, minutiae: [{ ...m, x: 65535.5 }] },
    { ...t, minutiae: [{ ...m, y: -1 }] },
    { ...t, minutiae: [{ ...m, direction: Number.NaN }] },
    { ...t, minutiae: [{ ...m, quality: 101 }] },
    { ...t, minutiae: [{ ...m, type: 'loop' as never }] },
    { ...t, minutiae: [null as never] },
  ];
  for (const template of bad) {
    const label = JSON.stringify({ ...template, minutiae: template.minutiae });
    assert.throws(() => encodeTemplate(template), (e) => isEngineError(e, 'ENGINE_TEMPLATE_UNENCODABLE'), label);
  }
});
