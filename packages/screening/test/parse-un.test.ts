import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseUnXml } from '../src/sources/un-xml.js';
import { loadWatchlistFile } from '../src/sources/load-watchlist-file.js';
import { isScreeningError, ScreeningError } from '../src/errors.js';
import type { WatchlistEntry } from '../src/entry.js';
import { namesInNote, splitListedNames } from '../src/sources/listed-name-text.js';

const fixtureUrl = new URL('./fixtures/un-small.xml', import.meta.url);
const fixture = readFileSync(fixtureUrl, 'utf8');

async function entryById(id: string): Promise<WatchlistEntry> {
  const list = await parseUnXml(fixture);
  const entry = list.entries.find((e) => e.id === id);
  assert.ok(entry, `${id} not parsed`);
  return entry;
}

test('reads individuals and entities with the list generation date', async () => {
  const list = await parseUnXml(fixture);
  assert.equal(list.source, 'un');
  assert.equal(list.generatedOn, '2026-03-01T10:00:00.000Z');
  assert.deepEqual(
    list.entries.map((e) => [e.id, e.kind, e.listType]),
    [
      ['TAi.901', 'individual', 'Taliban'],
      ['QDi.902', 'individual', 'Al-Qaida'],
      ['KPe.903', 'entity', 'DPRK'],
    ],
  );
});

test('keeps the name slots in order as parts of the primary name', async () => {
  const entry = await entryById('TAi.901');
  assert.deepEqual(entry.names[0], { full: 'ABDUL KARIM ZADRAN', parts: ['ABDUL', 'KARIM', 'ZADRAN'], kind: 'primary', quality: 'good' });
});

test('lists the original-script name, split aliases, weak aliases and names found in alias notes', async () => {
  const entry = await entryById('TAi.901');
  assert.deepEqual(
    entry.names.slice(1).map((n) => [n.full, n.kind, n.quality]),
    [
      ['عبد الكريم زدران', 'original-script', 'good'],
      ['Abdul Kareem', 'alias', 'good'],
      ['Abd al-Karim Zadrani', 'alias', 'good'],
      ['Karimullah', 'alias', 'low'],
      ['ABDUL KARIM ZADRAN', 'alias', 'good'],
      ['عبدالكريم زدران', 'original-script', 'good'],
      ['Haji Karim', 'alias', 'good'],
      ['حاجی کریم', 'alias', 'good'],
      // Bracketed remarks and birth details inside ALIAS_NAME are not names.
      ['Karim Zadrani', 'alias', 'good'],
      ['Karim Khan', 'alias', 'good'],
    ],
  );
  const ivan = await entryById('QDi.902');
  assert.deepEqual(
    ivan.names.map((n) => [n.full, n.kind, n.quality]),
    [
      ['IVAN PETROVICH', 'primary', 'good'],
      ['Vanya', 'alias', 'low'],
      ['Ваня', 'original-script', 'low'],
    ],
  );
});

test('keeps the list value a name was cut from', async () => {
  const names = (await entryById('TAi.901')).names;
  const asListed = (full: string): string | undefined => names.find((n) => n.full === full)?.asListed;
  assert.equal(asListed('Abdul Kareem'), 'Abdul Kareem; Abd al-Karim Zadrani');
  assert.equal(asListed('حاجی کریم'), 'Haji Karim (حاجی کریم)');
  assert.equal(asListed('Karim Zadrani'), 'Karim Zadrani (previously listed as)');
  assert.equal(asListed('Karimullah'), undefined);
  assert.equal((await entryById('KPe.903')).names.find((n) => n.full === 'NSTC')?.asListed, 'NORTHERN STAR TRADING CO. (NSTC)');
});

test('keeps titles apart from the name', async () => {
  const entry = await entryById('TAi.901');
  assert.deepEqual(entry.titles, ['Maulavi', 'Haji']);
  assert.ok(entry.names.every((n) => !n.full.includes('Maulavi')));
});

test('reads every date-of-birth shape and drops empty and repeated dates', async () => {
  const entry = await entryById('TAi.901');
  assert.deepEqual(entry.datesOfBirth, [
    { kind: 'exact', year: 1962, month: 5, day: 4 },
    { kind: 'approximate', year: 1960 },
    { kind: 'between', fromYear: 1958, toYear: 1963 },
    { kind: 'year', year: 1959 },
  ]);
});

test('reads dates of birth that the list only states in a note', async () => {
  const entry = await entryById('QDi.902');
  assert.deepEqual(entry.datesOfBirth, [
    { kind: 'exact', year: 1973, month: 11 },
    // 24 Jumada al-Thani 1402 in the tabular Islamic calendar.
    { kind: 'exact', year: 1982, month: 4, day: 19 },
    // "30-35 years old" when listed in 2015.
    { kind: 'between', fromYear: 1980, toYear: 1985 },
    { kind: 'exact', year: 1958, month: 9 },
  ]);
});

test('converts nationalities and address countries to ISO 3166-1 alpha-3', async () => {
  assert.deepEqual((await entryById('TAi.901')).nationalities, ['AFG', 'IRN']);
  assert.deepEqual((await entryById('TAi.901')).addressCountries, ['AFG', 'PAK']);
  assert.deepEqual((await entryById('QDi.902')).nationalities, ['RUS']);
  assert.equal((await entryById('QDi.902')).addressCountries, undefined);
});

test('reads passports and national ids with their issuing country and notes', async () => {
  assert.deepEqual((await entryById('TAi.901')).documents, [
    { kind: 'passport', number: 'D 000974', country: 'AFG', note: 'Name in Latin script: Karim Khan' },
    { kind: 'national-id', number: '57388' },
  ]);
  assert.deepEqual((await entryById('QDi.902')).documents, [
    { kind: 'passport', number: '77 AB 123456', country: 'FRA', note: 'expires 2030-01-01' },
  ]);
});

test('reads listing date, remarks and gender', async () => {
  const karim = await entryById('TAi.901');
  assert.equal(karim.listedOn, '2001-01-25');
  assert.equal(karim.remarks, 'Fictitious test record. Belongs to a made-up tribe.');
  assert.equal(karim.gender, undefined);
  const ivan = await entryById('QDi.902');
  assert.equal(ivan.listedOn, '2015-04-07');
  assert.equal(ivan.gender, 'male');
  assert.equal(ivan.remarks, undefined);
});

test('reads entity names and aliases, with the names packed in the primary name and names from alias notes', async () => {
  const entity = await entryById('KPe.903');
  assert.deepEqual(
    entity.names.map((n) => [n.full, n.kind, n.quality]),
    [
      ['NORTHERN STAR TRADING CO. (NSTC)', 'primary', 'good'],
      ['NORTHERN STAR TRADING CO.', 'alias', 'good'],
      ['NSTC', 'alias', 'good'],
      ['Polaris Trading', 'alias', 'good'],
      ['Star Co.', 'alias', 'good'],
      ['شركة النجم', 'original-script', 'good'],
    ],
  );
  assert.equal(entity.names[0]!.parts, undefined);
});

test('parses a file streamed in small chunks the same as whole', async () => {
  const bytes = readFileSync(fixtureUrl);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    // 7-byte chunks split multi-byte UTF-8 characters, which the decoder must join.
    for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
  }
  assert.deepEqual(await parseUnXml(chunks()), await parseUnXml(fixture));
});

test('rejects a truncated file with the line and element path where it broke', async () => {
  const cut = fixture.slice(0, fixture.indexOf('<NUMBER>57388'));
  await assert.rejects(parseUnXml(cut, { file: 'cut.xml' }), (error: unknown) => {
    assert.ok(isScreeningError(error, 'SCREENING_PARSE_XML'));
    assert.equal(error.location?.file, 'cut.xml');
    assert.equal(error.location?.path, 'CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[1]/INDIVIDUAL_DOCUMENT[2]');
    assert.ok((error.location?.line ?? 0) > 60);
    assert.match(error.message, /cut\.xml, line \d+/);
    return true;
  });
});

test('rejects mismatched tags as malformed XML', async () => {
  const broken = fixture.replace('</SECOND_NAME>', '</SECOND>');
  await assert.rejects(parseUnXml(broken), (error: unknown) => isScreeningError(error, 'SCREENING_PARSE_XML'));
});

test('rejects XML that is not a consolidated list', async () => {
  await assert.rejects(parseUnXml('<?xml version="1.0"?><root/>'), /root element is <root>/);
  await assert.rejects(parseUnXml(''), (error: unknown) => isScreeningError(error, 'SCREENING_PARSE_XML'));
});

test('rejects the whole file when one record holds a bad date, naming the record', async () => {
  const bad = fixture.replace('<DATE>1962-05-04</DATE>', '<DATE>1962-02-30</DATE>');
  await assert.rejects(parseUnXml(bad), (error: unknown) => {
    assert.ok(isScreeningError(error, 'SCREENING_INVALID_RECORD'));
    assert.match(error.message, /TAi\.901/);
    assert.equal(error.location?.path, 'CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[1]/INDIVIDUAL_DATE_OF_BIRTH[1]');
    return true;
  });
});

test('rejects an unknown nationality rather than dropping it', async () => {
  const bad = fixture.replace('<VALUE>Russian Federation</VALUE>', '<VALUE>Ruritania</VALUE>');
  await assert.rejects(parseUnXml(bad), /unknown country "Ruritania"/);
});

test('rejects a record without a reference number or without a name', async () => {
  await assert.rejects(parseUnXml(fixture.replace('<REFERENCE_NUMBER>QDi.902</REFERENCE_NUMBER>', '<REFERENCE_NUMBER/>')), /no REFERENCE_NUMBER/);
  await assert.rejects(parseUnXml(fixture.replace(/<FIRST_NAME>IVAN<\/FIRST_NAME>\s*<SECOND_NAME>PETROVICH<\/SECOND_NAME>/, '')), /has no name/);
});

test('rejects two records with the same reference number', async () => {
  const twice = fixture.replace('QDi.902', 'TAi.901');
  await assert.rejects(parseUnXml(twice), (error: unknown) => isScreeningError(error, 'SCREENING_DUPLICATE_ID'));
});

test('rejects bytes that are not UTF-8', async () => {
  const bytes = Buffer.concat([Buffer.from(fixture.slice(0, 400)), Buffer.from([0xff, 0xfe]), Buffer.from(fixture.slice(400))]);
  await assert.rejects(parseUnXml(bytes), /not valid UTF-8/);
});

test('arbitrary text only ever fails with a screening error', { timeout: 60_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('<', '<CONSOLIDATED_LIST>', '<?xml')), async (text) => {
      try {
        await parseUnXml(text);
      } catch (error) {
        assert.ok(error instanceof ScreeningError, `unexpected ${String(error)}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('every truncation of a valid file is rejected with a typed error', { timeout: 60_000 }, async () => {
  const end = fixture.trimEnd().length;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: end - 1 }), async (length) => {
      await assert.rejects(parseUnXml(fixture.slice(0, length)), (error: unknown) => error instanceof ScreeningError);
    }),
    { numRuns: 300 },
  );
});

test('random edits of a valid file parse or fail with a typed error, never anything else', { timeout: 60_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: fixture.length - 1 }), fc.string({ maxLength: 8 }), async (at, insert) => {
      try {
        await parseUnXml(fixture.slice(0, at) + insert + fixture.slice(at + 1));
      } catch (error) {
        assert.ok(error instanceof ScreeningError, `unexpected ${String(error)}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('loadWatchlistFile detects the UN format and versions the file by its SHA-256', async () => {
  const { version, entries } = await loadWatchlistFile(new URL(fixtureUrl).pathname);
  assert.equal(version.source, 'un');
  assert.equal(version.format, 'un');
  assert.equal(version.entryCount, 3);
  assert.equal(entries.length, 3);
  assert.equal(version.generatedOn, '2026-03-01T10:00:00.000Z');
  const { createHash } = await import('node:crypto');
  assert.equal(version.contentHash, createHash('sha256').update(readFileSync(fixtureUrl)).digest('hex'));
  assert.deepEqual(version.files, ['un-small.xml']);
});

test('loadWatchlistFile reports a missing file and an unknown format with their codes', async () => {
  await assert.rejects(loadWatchlistFile('/nonexistent/list.xml'), (error: unknown) => isScreeningError(error, 'SCREENING_FILE_UNREADABLE'));
  await assert.rejects(loadWatchlistFile(new URL(fixtureUrl).pathname, 'pdf'), (error: unknown) => isScreeningError(error, 'SCREENING_UNKNOWN_FORMAT'));
});

test('hostile values (huge names, notes, titles full of brackets and quotes) are read in linear time', { timeout: 20_000 }, async () => {
  const n = 100_000;
  const hostile = fixture
    .replace('<ALIAS_NAME>Karimullah</ALIAS_NAME>', `<ALIAS_NAME>${'Ab (عب; '.repeat(n / 8)}${',-'.repeat(n / 2)}x</ALIAS_NAME><NOTE>${'(('.repeat(n / 2)}${'a) b) '.repeat(n / 6)}</NOTE>`)
    .replace('<VALUE>Maulavi</VALUE>', `<VALUE>${'"'.repeat(n)}x${'"'.repeat(n)} y</VALUE>`);
  const started = performance.now();
  const list = await parseUnXml(hostile);
  assert.equal(list.entries.length, 3);
  assert.ok(performance.now() - started < 10_000, `took ${performance.now() - started} ms`);
  const started2 = performance.now();
  await assert.rejects(parseUnXml(fixture.replace('<VALUE>Afghanistan</VALUE>', `<VALUE>${'('.repeat(n)}</VALUE>`)), /unknown country/);
  assert.ok(performance.now() - started2 < 5_000);
});

test('splits list values into one name per script, separator and enumeration', () => {
  assert.deepEqual(splitListedNames('Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet'), ['Mohammed Sabet', 'Mohammad Sabet', 'M. Javad Kareemi Sabet']);
  assert.deepEqual(splitListedNames('Agha Jan Alizai اغا جان عالیزی'), ['Agha Jan Alizai', 'اغا جان عالیزی']);
  assert.deepEqual(splitListedNames('Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),'), ['Akhter Mohmad son of Noor Mohmad', 'اختر محمد ولد نور محمد']);
  assert.deepEqual(splitListedNames('SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)'), ['SECOND ACADEMY OF NATURAL SCIENCES']);
  assert.deepEqual(splitListedNames("Hajji 'Abd Al-Nasir"), ["Hajji 'Abd Al-Nasir"]);
  assert.deepEqual(splitListedNames('Mohammad Ishaq Akhund born in 1963'), ['Mohammad Ishaq Akhund']);
  assert.deepEqual(splitListedNames('(Sheikh) Musa Hilal'), ['Musa Hilal']);
  assert.deepEqual(splitListedNames('Lom-ali Butayev (Butaev)'), ['Lom-ali Butayev', 'Butaev']);
  assert.deepEqual(splitListedNames('Encep Nurjaman (birth name)'), ['Encep Nurjaman']);
});

test('finds names in alias notes but not in prose', () => {
  assert.deepEqual(namesInNote('name in original script: عبدالباقي حقاني ', false), { originalScript: ['عبدالباقي حقاني'], latin: [] });
  assert.deepEqual(namesInNote('(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre', true), { originalScript: [], latin: ['Abu Du’a', 'Abu Duaa’'] });
  assert.deepEqual(namesInNote('Yunis al-Mauritani; Younis al-Mauritani', true), { originalScript: [], latin: ['Yunis al-Mauritani', 'Younis al-Mauritani'] });
  assert.deepEqual(namesInNote('Yunis al-Mauritani; Younis al-Mauritani', false), { originalScript: [], latin: [] });
  assert.deepEqual(namesInNote('born in 1976; previously listed as', true), { originalScript: [], latin: [] });
});
