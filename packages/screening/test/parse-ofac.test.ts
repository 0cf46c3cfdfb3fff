import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseOfacSdn, continueRemarks, type OfacFiles } from '../src/sources/ofac-sdn.js';
import { readOfacDob, readOfacRemarks } from '../src/sources/ofac-remarks.js';
import { loadWatchlistFile } from '../src/sources/load-watchlist-file.js';
import { isScreeningError, ScreeningError } from '../src/errors.js';
import type { WatchlistEntry } from '../src/entry.js';

const dir = new URL('./fixtures/ofac/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const files: OfacFiles = { sdn: read('sdn.csv'), alt: read('alt.csv'), add: read('add.csv'), comments: read('sdn_comments.csv') };

function entry(id: string, input: OfacFiles = files): WatchlistEntry {
  const found = parseOfacSdn(input).entries.find((e) => e.id === id);
  assert.ok(found, `${id} not parsed`);
  return found;
}

test('reads every sdn.csv row as an entry keyed by ent_num, vessels as entities', () => {
  const list = parseOfacSdn(files);
  assert.equal(list.source, 'ofac');
  assert.deepEqual(
    list.entries.map((e) => [e.id, e.kind, e.listType]),
    [
      ['9001', 'individual', 'SDGT, IRGC'],
      ['9002', 'individual', 'SDNTK'],
      ['9003', 'entity', 'NPWMD'],
      ['9004', 'entity', 'IRAN'],
    ],
  );
});

test('turns "LAST, First" into a full name with the surname kept in parts', () => {
  assert.deepEqual(entry('9001').names[0], {
    full: 'Abdul Rahim KARIMI',
    parts: ['Abdul Rahim', 'KARIMI'],
    surname: 'KARIMI',
    asListed: 'KARIMI, Abdul Rahim',
    kind: 'primary',
    quality: 'good',
  });
  assert.deepEqual(entry('9003').names[0], { full: 'NORTHERN STAR TRADING CO.', kind: 'primary', quality: 'good' });
});

test('joins aliases from alt.csv and weak aliases quoted in the remarks', () => {
  assert.deepEqual(
    entry('9001').names.slice(1).map((n) => [n.full, n.kind, n.quality]),
    [
      ['Abd al-Rahim KARIMI', 'alias', 'good'],
      ['Abdul RAHIM', 'alias', 'good'],
      ['ABU RAHIM', 'alias', 'low'],
      ['THE TEACHER', 'alias', 'low'],
    ],
  );
});

test('reads dates of birth, nationality, citizenship, gender and documents from the remarks', () => {
  const karimi = entry('9001');
  assert.deepEqual(karimi.datesOfBirth, [
    { kind: 'exact', year: 1960, month: 1, day: 12 },
    { kind: 'approximate', year: 1958 },
    { kind: 'between', fromYear: 1961, toYear: 1963 },
  ]);
  assert.deepEqual(karimi.nationalities, ['AFG', 'IRN', 'PAK']);
  assert.equal(karimi.gender, 'male');
  assert.deepEqual(karimi.documents, [
    { kind: 'passport', number: 'OA123456', country: 'AFG', note: 'expires 01 Feb 2030' },
    { kind: 'national-id', number: '1234-5678', country: 'IRN' },
  ]);
  const garcia = entry('9002');
  assert.deepEqual(garcia.datesOfBirth, [{ kind: 'exact', year: 1975, month: 3 }]);
  assert.deepEqual(garcia.documents.map((d) => [d.kind, d.number, d.country]), [
    ['national-id', '52123456', 'COL'],
    ['national-id', 'GALM750301MDFRPR09', 'MEX'],
  ]);
  assert.deepEqual(garcia.titles, ['Financial Advisor']);
});

test('does not read a vessel IMO number as an identity document', () => {
  assert.deepEqual(entry('9004').documents, []);
});

test('continues remarks cut at 1,000 characters from sdn_comments.csv', () => {
  const star = entry('9003');
  assert.ok(star.remarks!.length > 1000);
  assert.deepEqual(
    star.names.filter((n) => n.quality === 'low').map((n) => n.full),
    ['STAR LOGISTICS', 'POLAR EXPRESS HOLDING'],
  );
  assert.deepEqual(star.addressCountries, ['RUS', 'PRK']);
});

test('does not repeat text that a continuation from another edition restates', () => {
  assert.equal(continueRemarks('x; Listing Date (EO 14024 Directive 3)', 'ive 2): 1 Feb; Listing Date (EO 14024 Directive 3): 24 Feb'), 'x; Listing Date (EO 14024 Directive 3): 24 Feb');
  assert.equal(continueRemarks("a.k.a. 'WHOIS HACKIN", "G TEAM'."), "a.k.a. 'WHOIS HACKING TEAM'.");
});

test('notes companion rows of ent_nums absent from sdn.csv and unreadable remark items', () => {
  const { notes } = parseOfacSdn(files);
  assert.ok(notes.some((n) => /1 rows of alt\.csv name ent_nums absent/.test(n)));
  assert.ok(notes.some((n) => /9002: nationality Ruritania/.test(n)));
});

test('reads the DOB shapes OFAC uses', () => {
  assert.deepEqual(readOfacDob('01 Jan 1960 to 31 Dec 1962'), { kind: 'between', fromYear: 1960, toYear: 1962 });
  assert.deepEqual(readOfacDob('circa 1979-1982'), { kind: 'between', fromYear: 1979, toYear: 1982 });
  assert.deepEqual(readOfacDob('1958.'), { kind: 'year', year: 1958 });
  assert.equal(readOfacDob('31 Feb 1960'), undefined);
  assert.equal(readOfacDob('unknown'), undefined);
});

test('rejects a row with the wrong number of fields, naming the file and line', () => {
  const broken = { ...files, alt: files.alt.replace('9001,102,"fka","RAHIM, Abdul",-0- ', '9001,102,"fka"') };
  assert.throws(
    () => parseOfacSdn(broken),
    (error: unknown) => isScreeningError(error, 'SCREENING_PARSE_CSV') && error.location?.file === 'alt.csv' && error.location.line === 2,
  );
});

test('rejects an unclosed quote and a duplicate ent_num', () => {
  assert.throws(() => parseOfacSdn({ ...files, sdn: files.sdn.replace('"SEA BREEZE"', '"SEA BREEZE') }), (e: unknown) => isScreeningError(e, 'SCREENING_PARSE_CSV'));
  assert.throws(() => parseOfacSdn({ ...files, sdn: files.sdn.replace('9004,', '9001,') }), (e: unknown) => isScreeningError(e, 'SCREENING_DUPLICATE_ID'));
  assert.throws(() => parseOfacSdn({ ...files, sdn: files.sdn.replace('9004,', 'X9,') }), /ent_num "X9" is not a number/);
});

test('arbitrary text in any of the files only ever fails with a screening error', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(fc.constantFrom<keyof OfacFiles>('sdn', 'alt', 'add', 'comments'), fc.string({ unit: 'binary' }), (which, text) => {
      try {
        parseOfacSdn({ ...files, [which]: text });
      } catch (error) {
        assert.ok(error instanceof ScreeningError, `unexpected ${String(error)}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('truncations and edits of valid files parse or fail with a screening error', { timeout: 60_000 }, () => {
  fc.assert(
    fc.property(
      fc.constantFrom<keyof OfacFiles>('sdn', 'alt', 'add'),
      fc.nat(),
      fc.string({ maxLength: 4 }),
      fc.boolean(),
      (which, at, insert, truncate) => {
        const text = files[which]!;
        const cut = at % text.length;
        const changed = truncate ? text.slice(0, cut) : text.slice(0, cut) + insert + text.slice(cut + 1);
        try {
          parseOfacSdn({ ...files, [which]: changed });
        } catch (error) {
          assert.ok(error instanceof ScreeningError, `unexpected ${String(error)}`);
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('loadWatchlistFile finds alt, add and sdn_comments beside sdn.csv and hashes all four', async () => {
  const loaded = await loadWatchlistFile(new URL('sdn.csv', dir).pathname);
  assert.equal(loaded.version.format, 'ofac');
  assert.equal(loaded.version.source, 'ofac');
  assert.equal(loaded.version.entryCount, 4);
  assert.deepEqual(loaded.version.files, ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv']);
  assert.match(loaded.version.contentHash, /^[0-9a-f]{64}$/);
  assert.ok(loaded.notes!.length > 0);
});

test('loadWatchlistFile refuses an OFAC set without alt.csv', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sarhad-ofac-'));
  try {
    copyFileSync(new URL('sdn.csv', dir), join(scratch, 'sdn.csv'));
    copyFileSync(new URL('add.csv', dir), join(scratch, 'add.csv'));
    await assert.rejects(loadWatchlistFile(join(scratch, 'sdn.csv')), (e: unknown) => isScreeningError(e, 'SCREENING_FILE_UNREADABLE') && /alt\.csv/.test(e.message));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('hostile remarks (huge items full of brackets, digits and separators) are read in linear time', { timeout: 20_000 }, () => {
  const n = 100_000;
  const remarks = `Passport ${'('.repeat(n)}; DOB ${'1'.repeat(n)} to ${'2'.repeat(n)}; nationality ${'(x'.repeat(n / 2)}; a.k.a. '${"'".repeat(n)}`;
  const sdn = `${files.sdn.slice(0, files.sdn.lastIndexOf('\r\n'))}\r\n9005,"HOSTILE, Input",individual,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${remarks}"\r\n`;
  const started = performance.now();
  const list = parseOfacSdn({ ...files, sdn });
  assert.equal(list.entries.length, 5);
  assert.ok(performance.now() - started < 10_000, `took ${performance.now() - started} ms`);
});

test('reads document numbers written with labels, check digits and trailing countries', () => {
  const facts = readOfacRemarks(
    'Passport Booklet: A5199819; National ID No. CNIC: 35202-5400413-9; Identification Number D489833(9); ' +
      'National ID No. No.: 1372584, Kenya; Passport D000000483, Diplomatic; Passport issued in Sarajevo, Bosnia-Herzegovina; ' +
      'C.U.R.P. # HESU430525HBCRMR13 (Mexico)',
    true,
  );
  assert.deepEqual(
    facts.documents.map((d) => [d.kind, d.number, d.country, d.note]),
    [
      ['passport', 'A5199819', undefined, 'Booklet'],
      ['national-id', '35202-5400413-9', undefined, 'CNIC'],
      ['national-id', 'D489833(9)', undefined, 'Identification Number'],
      ['national-id', '1372584', 'KEN', undefined],
      ['passport', 'D000000483', undefined, 'Diplomatic'],
      ['national-id', 'HESU430525HBCRMR13', 'MEX', 'C.U.R.P.'],
    ],
  );
  assert.deepEqual(facts.unread, ['Passport issued in Sarajevo, Bosnia-Herzegovina']);
});
