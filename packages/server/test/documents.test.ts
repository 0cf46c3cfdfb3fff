import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentRuleError, documentStatus, parsePassportMrz, normalizeDocument, NewDocument } from '../src/domain/documents.js';
import { localDate } from '../src/domain/local-date.js';
import { canonicalJson, type JsonValue } from '../src/domain/audit-chain.js';
import { checkDigit, td3 } from './helpers/mrz.js';

const TODAY = '2026-11-26';

test('the ICAO 9303 check digit of the specimen document number is 6', () => {
  assert.equal(checkDigit('L898902C3'), '6');
  assert.equal(checkDigit('740812'), '2');
});

test('a generated passport MRZ parses back to its fields (seed 9303)', () => {
  const letters = fc.stringMatching(/^[A-Z]{2,12}$/);
  fc.assert(
    fc.property(
      letters,
      letters,
      fc.stringMatching(/^[A-Z]{2}\d{7}$/),
      fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
      fc.constantFrom('M' as const, 'F' as const),
      fc.constantFrom('PAK', 'AFG'),
      (surname, given, number, birth, sex, state) => {
        const yymmdd = birth.toISOString().slice(2, 10).replace(/-/g, '');
        const { document, holder } = parsePassportMrz(
          td3({ issuingState: state, surname, givenNames: given, documentNumber: number, nationality: state, birthDate: yymmdd, sex, expiryDate: '310630' }),
          TODAY,
        );
        assert.equal(document.number, number);
        assert.equal(document.issuingCountry, state);
        assert.equal(document.validUntil, '2031-06-30');
        assert.equal(holder.birthDate, birth.toISOString().slice(0, 10));
        assert.equal(holder.sex, sex);
        assert.equal(holder.surname, surname);
      },
    ),
    { seed: 9303, numRuns: 200 },
  );
});

test('garbage MRZ text is refused with a DocumentRuleError, never a crash (seed 44)', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 50 }), { minLength: 2, maxLength: 3 }), (lines) => {
      try {
        parsePassportMrz(lines, TODAY);
      } catch (error) {
        assert.ok(error instanceof DocumentRuleError, String(error));
      }
    }),
    { seed: 44, numRuns: 300 },
  );
});

test('canonical JSON parses back to the same value and is stable under key order (seed 8785)', () => {
  const json = fc.jsonValue({ noUnicodeString: false });
  fc.assert(
    fc.property(json, (value) => {
      const text = canonicalJson(value as JsonValue);
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        assert.equal(canonicalJson(reversed as JsonValue), text);
      }
    }),
    { seed: 8785, numRuns: 300 },
  );
});

test('a border pass valid for more than 184 days is refused', () => {
  const input = NewDocument.parse({ type: 'border_pass', number: 'RP-1', issuingPost: 'TKM', validFrom: '2026-01-01', validUntil: '2026-07-05' });
  assert.throws(() => normalizeDocument(input, TODAY, 'PAK'), DocumentRuleError);
  const ok = NewDocument.parse({ ...input, validUntil: '2026-07-01' });
  assert.equal(normalizeDocument(ok, TODAY, 'PAK').document.validUntil, '2026-07-01');
});

test('a document is valid through its last day and not before its first', () => {
  assert.equal(documentStatus('2026-06-01', '2026-11-30', '2026-11-30'), 'valid');
  assert.equal(documentStatus('2026-06-01', '2026-11-30', '2026-12-01'), 'expired');
  assert.equal(documentStatus('2026-06-01', '2026-11-30', '2026-05-31'), 'not_yet_valid');
  assert.equal(documentStatus(null, null, '2026-05-31'), 'no_expiry');
});

test('the local date at a post can be a day ahead of UTC', () => {
  const evening = new Date('2026-11-30T19:30:00.000Z');
  assert.equal(localDate(evening, 'UTC'), '2026-11-30');
  assert.equal(localDate(evening, 'Asia/Kabul'), '2026-12-01'); // UTC+4:30
  assert.equal(localDate(evening, 'Asia/Karachi'), '2026-12-01'); // UTC+5
  assert.equal(localDate(new Date('2026-11-30T19:00:00.000Z'), 'Asia/Kabul'), '2026-11-30');
});
