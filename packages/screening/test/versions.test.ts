import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseUnXml } from '../src/sources/un-xml.js';
import { diffVersions, changedFields, type VersionedEntries } from '../src/versions/diff-versions.js';
import type { ListVersion } from '../src/versions/list-version.js';
import type { WatchlistEntry } from '../src/entry.js';
import { isScreeningError } from '../src/errors.js';

const fixture = readFileSync(new URL('./fixtures/un-small.xml', import.meta.url), 'utf8');

function version(entries: readonly WatchlistEntry[], hash: string, source: ListVersion['source'] = 'un'): VersionedEntries {
  return { version: { source, format: 'un', contentHash: hash, entryCount: entries.length, files: ['un.xml'] }, entries };
}

async function versionOf(xml: string, hash: string): Promise<VersionedEntries> {
  return version((await parseUnXml(xml)).entries, hash);
}

test('a first import reports every entry as added', async () => {
  const next = await versionOf(fixture, 'b');
  const report = diffVersions(undefined, next);
  assert.deepEqual(report.added, ['KPe.903', 'QDi.902', 'TAi.901']);
  assert.deepEqual(report.removed, []);
  assert.deepEqual(report.changed, []);
  assert.equal(report.from, undefined);
  assert.equal(report.to, next.version);
});

test('reports added, removed and changed ids with the fields that changed', async () => {
  const before = await versionOf(fixture, 'a');
  const updatedXml = fixture
    // QDi.902 is delisted; a new entity appears; TAi.901 gets a corrected date and a new alias.
    .replace(/<INDIVIDUAL>\s*<FIRST_NAME>IVAN<\/FIRST_NAME>[\s\S]*?<\/INDIVIDUAL>/, '')
    .replace('<DATE>1962-05-04</DATE>', '<DATE>1962-05-14</DATE>')
    .replace('<ALIAS_NAME>Karimullah</ALIAS_NAME>', '<ALIAS_NAME>Karimullah; Karimollah</ALIAS_NAME>')
    .replace(
      '</ENTITIES>',
      '<ENTITY><FIRST_NAME>NEW CO</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.904</REFERENCE_NUMBER></ENTITY></ENTITIES>',
    );
  const after = await versionOf(updatedXml, 'b');
  const report = diffVersions(before, after);
  assert.deepEqual(report.added, ['KPe.904']);
  assert.deepEqual(report.removed, ['QDi.902']);
  assert.deepEqual(report.changed, [{ id: 'TAi.901', fields: ['datesOfBirth', 'names'] }]);
  assert.equal(report.unchangedCount, 1);
  assert.equal(report.from, before.version);
});

test('an identical list reports no change', async () => {
  const report = diffVersions(await versionOf(fixture, 'a'), await versionOf(fixture, 'a'));
  assert.deepEqual([report.added, report.removed, report.changed, report.unchangedCount], [[], [], [], 3]);
});

test('key order and absent optional fields do not count as changes, values do', () => {
  const a: WatchlistEntry = { id: '1', source: 'ofac', kind: 'individual', listType: 'SDGT', names: [], titles: [], datesOfBirth: [], nationalities: [], documents: [] };
  const reordered = { documents: [], nationalities: [], datesOfBirth: [], titles: [], names: [], listType: 'SDGT', kind: 'individual', source: 'ofac', id: '1', remarks: undefined } as WatchlistEntry;
  assert.deepEqual(changedFields(a, reordered), []);
  assert.deepEqual(changedFields(a, { ...a, remarks: 'x', nationalities: ['AFG'] }), ['nationalities', 'remarks']);
  assert.deepEqual(changedFields({ ...a, datesOfBirth: [{ kind: 'year', year: 1960 }] }, { ...a, datesOfBirth: [{ kind: 'approximate', year: 1960 }] }), ['datesOfBirth']);
});

test('sorts numeric ids numerically', () => {
  const entry = (id: string): WatchlistEntry => ({ id, source: 'ofac', kind: 'entity', listType: 'X', names: [], titles: [], datesOfBirth: [], nationalities: [], documents: [] });
  const report = diffVersions(version([], 'a', 'ofac'), version(['100', '9', '20'].map(entry), 'b', 'ofac'));
  assert.deepEqual(report.added, ['9', '20', '100']);
});

test('refuses to compare versions of different sources', async () => {
  const un = await versionOf(fixture, 'a');
  assert.throws(() => diffVersions(un, version([], 'b', 'ofac')), (e: unknown) => isScreeningError(e, 'SCREENING_VERSION_MISMATCH'));
});
