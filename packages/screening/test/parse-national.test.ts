import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseNationalCsv, parseNationalDate, NATIONAL_HEADER } from '../src/sources/national-csv.js';
import { loadWatchlistFile } from '../src/sources/load-watchlist-file.js';
import { detectListFormat } from '../src/sources/detect-format.js';
import { isScreeningError, ScreeningError } from '../src/errors.js';

const fixtureUrl = new URL('./fixtures/national-small.csv', import.meta.url);
const fixture = readFileSync(fixtureUrl, 'utf8');
const header = NATIONAL_HEADER.join(',');
const row = (fields: Partial<Record<(typeof NATIONAL_HEADER)[number], string>>): string =>
  NATIONAL_HEADER.map((c) => fields[c] ?? { id: 'X-1', names: 'Test Person', reason: 'test', list: 'entry-ban' }[c as string] ?? '').join(',');

function rejects(line: string, pattern: RegExp, code = 'SCREENING_INVALID_RECORD'): void {
  assert.throws(
    () => parseNationalCsv(`${header}\n${line}\n`, { file: 'stop.csv' }),
    (error: unknown) => isScreeningError(error) && error.code === code && pattern.test(error.message) && error.location?.line === 2,
  );
}

test('reads every documented column into the shared entry model', () => {
  const list = parseNationalCsv(fixture);
  assert.equal(list.source, 'national');
  assert.equal(list.entries.length, 4);
  assert.deepEqual(list.entries[0], {
    id: 'NSL-0001',
    source: 'national',
    kind: 'individual',
    listType: 'entry-ban',
    names: [
      { full: 'Ahmad Shah Durrani', kind: 'primary', quality: 'good' },
      { full: 'Ahmed Shah Durani', kind: 'alias', quality: 'good' },
      { full: 'Ahmad Shah Abdali', kind: 'alias', quality: 'good' },
    ],
    titles: [],
    datesOfBirth: [
      { kind: 'exact', year: 1962, month: 3, day: 15 },
      { kind: 'approximate', year: 1960 },
    ],
    nationalities: ['AFG'],
    documents: [
      { kind: 'passport', number: 'P1234567', country: 'AFG' },
      { kind: 'national-id', number: '1-234-567' },
    ],
    remarks: 'Forged travel documents, court order 2024/117',
    validUntil: '2030-12-31',
  });
  assert.deepEqual(list.entries[1]!.datesOfBirth, [{ kind: 'between', fromYear: 1980, toYear: 1983 }]);
  assert.deepEqual(list.entries[1]!.nationalities, ['RUS', 'UKR']);
  assert.equal(list.entries[1]!.validUntil, undefined);
  assert.deepEqual(list.entries[2]!.datesOfBirth, [{ kind: 'exact', year: 1975, month: 7 }]);
  assert.equal(list.entries[3]!.names[0]!.full, 'محمد عبد الله');
  assert.deepEqual(list.entries[3]!.datesOfBirth, [{ kind: 'year', year: 1990 }]);
});

test('reads the documented date shapes and refuses others', () => {
  assert.deepEqual(parseNationalDate('~1960'), { kind: 'approximate', year: 1960 });
  assert.deepEqual(parseNationalDate('1960..1962'), { kind: 'between', fromYear: 1960, toYear: 1962 });
  for (const bad of ['1962..1960', '1960..1960', '60', '1962-13-01', '1962-02-30', '12/03/1962', '~1960-01', '1700']) {
    assert.equal(parseNationalDate(bad), undefined, bad);
  }
});

test('rejects a file whose header differs from the documented one', () => {
  assert.throws(
    () => parseNationalCsv(fixture.replace('valid_until', 'expiry')),
    (error: unknown) => isScreeningError(error, 'SCREENING_PARSE_CSV') && error.location?.line === 1,
  );
  assert.throws(() => parseNationalCsv(''), (error: unknown) => isScreeningError(error, 'SCREENING_PARSE_CSV'));
});

test('rejects each kind of invalid value with its line and column', () => {
  rejects(row({ id: '' }), /column id/);
  rejects(row({ id: 'has space' }), /column id/);
  rejects(row({ names: '' }), /column names.*needs a full name/);
  rejects(row({ names: 'A|B' }), /column names.*aliases/);
  rejects(row({ aliases: 'A||B' }), /column aliases.*empty value/);
  rejects(row({ dob: '15/03/1962' }), /column dob: "15\/03\/1962" is not a date/);
  rejects(row({ nationality: 'Afghanistan' }), /column nationality/);
  rejects(row({ nationality: 'ZZZ' }), /column nationality/);
  rejects(row({ documents: 'visa:123' }), /column documents.*kind "visa"/);
  rejects(row({ documents: 'passport' }), /column documents/);
  rejects(row({ documents: 'passport:123:XX' }), /column documents.*country/);
  rejects(row({ reason: '' }), /column reason/);
  rejects(row({ valid_until: '2030-02-30' }), /column valid_until/);
  rejects(row({ list: '' }), /column list/);
  rejects('a,b', /expected 9 fields, found 2/, 'SCREENING_PARSE_CSV');
});

test('rejects duplicate ids, naming both lines', () => {
  assert.throws(
    () => parseNationalCsv(`${header}\n${row({})}\n${row({})}\n`),
    (error: unknown) => isScreeningError(error, 'SCREENING_DUPLICATE_ID') && /first on line 2/.test(error.message) && error.location?.line === 3,
  );
});

test('is recognised from its header and loads with a version', async () => {
  assert.equal(detectListFormat(fixture, 'stop.csv'), 'csv');
  const loaded = await loadWatchlistFile(fixtureUrl.pathname);
  assert.equal(loaded.version.source, 'national');
  assert.equal(loaded.version.format, 'csv');
  assert.equal(loaded.version.entryCount, 4);
});

test('arbitrary text only ever fails with a screening error', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((s) => `${header}\n${s}`)), (text) => {
      try {
        parseNationalCsv(text);
      } catch (error) {
        assert.ok(error instanceof ScreeningError, `unexpected ${String(error)}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('every truncation and random edit of a valid file parses or fails with a screening error', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(fc.nat({ max: fixture.length - 1 }), fc.string({ maxLength: 4 }), fc.boolean(), (at, insert, truncate) => {
      const changed = truncate ? fixture.slice(0, at) : fixture.slice(0, at) + insert + fixture.slice(at + 1);
      try {
        parseNationalCsv(changed);
      } catch (error) {
        assert.ok(error instanceof ScreeningError, `unexpected ${String(error)}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('hostile values (huge fields, thousands of separators) are refused or read in linear time', { timeout: 20_000 }, () => {
  const n = 100_000;
  const started = performance.now();
  assert.throws(() => parseNationalCsv(`${header}\n${row({ aliases: 'a|'.repeat(n) })}\n`), /empty value/);
  assert.throws(() => parseNationalCsv(`${header}\n${row({ documents: 'passport:'.repeat(n) })}\n`), /column documents/);
  const list = parseNationalCsv(`${header}\n${row({ aliases: 'Name|'.repeat(n / 5) + 'Last', reason: 'x'.repeat(n) })}\n`);
  assert.equal(list.entries.length, 1);
  assert.ok(performance.now() - started < 10_000, `took ${performance.now() - started} ms`);
});
