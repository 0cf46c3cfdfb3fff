/**
 * Robustness of every template decoder against hostile bytes: random buffers, buffers behind a valid magic
 * number, every truncation and single-byte mutations of valid records. A decoder may succeed or throw an
 * EngineError with a template code; anything else (RangeError, TypeError, a hang) is a bug. Loops are bounded
 * because every declared count is checked against the bytes left before looping, which these runs exercise with
 * counts up to 255 views of 255 minutiae in buffers a few hundred bytes long.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EngineError } from '../src/errors.js';
import type { EngineErrorCode } from '../src/errors.js';
import { decodeAnsiRecord, encodeAnsi378 } from '../src/template/ansi378.js';
import { decodeAnyTemplate } from '../src/template/detect.js';
import { decodeTemplate, encodeTemplate } from '../src/template/internal-format.js';
import { decodeIsoRecord, encodeIso19794 } from '../src/template/iso19794-2.js';
import { multiViewArbitrary, templateArbitrary } from './fixtures/template-arbitraries.js';

const TEMPLATE_CODES: readonly EngineErrorCode[] = [
  'ENGINE_TEMPLATE_TRUNCATED',
  'ENGINE_TEMPLATE_FORMAT',
  'ENGINE_TEMPLATE_CORRUPT',
];

const DECODERS: ReadonlyArray<[string, (bytes: Uint8Array) => unknown]> = [
  ['decodeAnyTemplate', decodeAnyTemplate],
  ['decodeTemplate', decodeTemplate],
  ['decodeIsoRecord', decodeIsoRecord],
  ['decodeAnsiRecord', decodeAnsiRecord],
];

/** Runs every decoder on `bytes`; each must return or throw an EngineError with a template decoding code. */
function assertDecodersFailSafely(bytes: Uint8Array): void {
  for (const [name, decode] of DECODERS) {
    try {
      decode(bytes);
    } catch (error) {
      assert.ok(error instanceof EngineError, `${name} threw ${String(error)}`);
      assert.ok(TEMPLATE_CODES.includes(error.code), `${name} threw ${error.code}`);
    }
  }
}

const MAGICS = [
  Uint8Array.of(0x53, 0x52, 0x48, 0x44, 0x01),
  Uint8Array.of(0x46, 0x4d, 0x52, 0x00, 0x20, 0x32, 0x30, 0x00),
];

/** Every valid record kind, built from generated templates. */
const validRecord = fc.oneof(
  templateArbitrary(1000, 30).map((t) => encodeTemplate(t)),
  multiViewArbitrary(3, 20, 1000).map((views) => encodeIso19794(views)),
  multiViewArbitrary(3, 20, 1000).map((views) => encodeAnsi378(views)),
);

test('random bytes never make a decoder throw anything but a typed template error', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), assertDecodersFailSafely), { numRuns: 2000 });
});

test('random bytes behind a valid magic number and version never make a decoder misbehave', () => {
  fc.assert(
    fc.property(fc.constantFrom(...MAGICS), fc.uint8Array({ maxLength: 400 }), (magic, rest) => {
      assertDecodersFailSafely(new Uint8Array([...magic, ...rest]));
    }),
    { numRuns: 2000 },
  );
});

test('every strict prefix of a valid record is reported as ENGINE_TEMPLATE_TRUNCATED', () => {
  fc.assert(
    fc.property(validRecord, (bytes) => {
      for (let n = 0; n < bytes.length; n++) {
        assert.throws(
          () => decodeAnyTemplate(bytes.subarray(0, n)),
          (e) => e instanceof EngineError && e.code === 'ENGINE_TEMPLATE_TRUNCATED',
          `prefix of ${n} of ${bytes.length} bytes`,
        );
      }
    }),
    { numRuns: 50 },
  );
});

test('single-byte mutations of valid records decode or fail with a typed template error', () => {
  fc.assert(
    fc.property(validRecord, fc.nat(), fc.integer({ min: 0, max: 255 }), (bytes, at, value) => {
      const mutated = bytes.slice();
      mutated[at % mutated.length] = value;
      assertDecodersFailSafely(mutated);
    }),
    { numRuns: 3000 },
  );
});

test('mutations of count and length fields to their maximum fail fast with typed errors', () => {
  fc.assert(
    fc.property(validRecord, fc.nat(), (bytes, at) => {
      // 0xff in any byte: 255 views, 255 minutiae, 65,280+ extended data bytes, huge lengths.
      const mutated = bytes.slice();
      mutated[at % mutated.length] = 0xff;
      assertDecodersFailSafely(mutated);
    }),
    { numRuns: 2000 },
  );
});
