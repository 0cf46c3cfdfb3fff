/**
 * Format detection: Sarhad templates by magic, ISO/IEC 19794-2:2005 and ANSI/INCITS 378-2004 by their length
 * fields (including truncated records and the ANSI 6-byte length form), and typed errors for everything else.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isEngineError } from '../src/errors.js';
import { encodeAnsi378 } from '../src/template/ansi378.js';
import { decodeAnyTemplate, detectTemplateFormat } from '../src/template/detect.js';
import { encodeTemplate } from '../src/template/internal-format.js';
import { encodeIso19794 } from '../src/template/iso19794-2.js';
import { multiViewArbitrary, seededTemplate, templateArbitrary } from './fixtures/template-arbitraries.js';

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

const FMR_2005 = '46 4d 52 00 20 32 30 00';

test('detects every encoded record as the format that wrote it, and decodes it', () => {
  fc.assert(
    fc.property(templateArbitrary(800, 40), multiViewArbitrary(4, 30, 800), (t, views) => {
      assert.equal(detectTemplateFormat(encodeTemplate(t)), 'sarhad');
      assert.equal(detectTemplateFormat(encodeIso19794(views)), 'iso19794-2:2005');
      assert.equal(detectTemplateFormat(encodeAnsi378(views)), 'ansi378-2004');
      assert.equal(decodeAnyTemplate(encodeTemplate(t)).views.length, 1);
      assert.equal(decodeAnyTemplate(encodeIso19794(views)).views.length, views.length);
      assert.equal(decodeAnyTemplate(encodeAnsi378(views)).views.length, views.length);
    }),
  );
});

test('tells ISO from ANSI by the length fields even when the record is truncated', () => {
  // ISO: 4-byte length 0x00000040 at offset 8, so bytes 8-9 are zero and bytes 10-11 (64) are at least 24.
  assert.equal(detectTemplateFormat(hex(`${FMR_2005} 00 00 00 40`)), 'iso19794-2:2005');
  // ISO over 65,535 bytes: bytes 8-9 are 1..25, which no ANSI length can be.
  assert.equal(detectTemplateFormat(hex(`${FMR_2005} 00 01 2c 00`)), 'iso19794-2:2005');
  // ANSI: 2-byte length 0x0032 = 50, followed by the CBEFF product owner.
  assert.equal(detectTemplateFormat(hex(`${FMR_2005} 00 32 00 33`)), 'ansi378-2004');
  // ANSI 6-byte form: two zero bytes, then 0x00010010 = 65,552; bytes 10-11 (1) are below ISO's minimum of 24.
  assert.equal(detectTemplateFormat(hex(`${FMR_2005} 00 00 00 01 00 10`)), 'ansi378-2004');
});

test('detects a large ANSI record with the 6-byte length field', () => {
  const views = Array.from({ length: 50 }, (_, i) => seededTemplate(400 + i, 255, i % 11));
  const bytes = encodeAnsi378(views);
  assert.equal(detectTemplateFormat(bytes), 'ansi378-2004');
  assert.equal(decodeAnyTemplate(bytes).views.length, 50);
});

test('detects a large ISO record, whose length field starts with a non-zero byte pair', () => {
  const views = Array.from({ length: 50 }, (_, i) => seededTemplate(500 + i, 255, i % 11));
  const bytes = encodeIso19794(views);
  assert.ok(bytes.length > 65535);
  assert.equal(detectTemplateFormat(bytes), 'iso19794-2:2005');
  assert.equal(decodeAnyTemplate(bytes).views.length, 50);
});

test('refuses unknown magic numbers with ENGINE_TEMPLATE_FORMAT', () => {
  const png = hex('89 50 4e 47 0d 0a 1a 0a');
  const nearlySarhad = hex('53 52 48 45 01');
  const nearlyFmr = hex('46 4d 52 01 20 32 30 00 00 00 00 18');
  for (const bytes of [png, hex('00'), nearlySarhad, nearlyFmr]) {
    assert.throws(() => detectTemplateFormat(bytes), (e) => isEngineError(e, 'ENGINE_TEMPLATE_FORMAT'));
    assert.throws(() => decodeAnyTemplate(bytes), (e) => isEngineError(e, 'ENGINE_TEMPLATE_FORMAT'));
  }
});

test('refuses the 2011 ISO and 2009 ANSI editions by their version with ENGINE_TEMPLATE_FORMAT', () => {
  for (const version of ['20 30 33 30', '30 33 30 00']) {
    const bytes = hex(`46 4d 52 00 ${version} 00 00 00 40`);
    assert.throws(
      () => detectTemplateFormat(bytes),
      (e) => isEngineError(e, 'ENGINE_TEMPLATE_FORMAT') && /version/.test(e.message),
    );
  }
});

test('reports a prefix of a known header as ENGINE_TEMPLATE_TRUNCATED, not as an unknown format', () => {
  for (const bytes of [new Uint8Array(0), hex('53 52'), hex('46 4d 52'), hex(`${FMR_2005} 00 00`)]) {
    assert.throws(() => detectTemplateFormat(bytes), (e) => isEngineError(e, 'ENGINE_TEMPLATE_TRUNCATED'));
  }
});
