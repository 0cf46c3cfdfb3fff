import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFvcDataset } from '../src/fvc-dataset.js';
import { findSetInfo, readDatasetsJson } from '../src/fvc-datasets-json.js';
import { isCliError } from '../src/errors.js';

let root: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'sarhad-fvc-dataset-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

function makeSet(path: string, names: string[]): string {
  const dir = join(root, path);
  mkdirSync(dir, { recursive: true });
  for (const name of names) writeFileSync(join(dir, name), '');
  return dir;
}

test('a directory of NNN_I files becomes a protocol over the fingers and impressions found', () => {
  const dir = makeSet('sets/fvc2099/DB1_B', ['102_2.tif', '101_1.TIF', '101_2.tif', '102_1.tif', 'readme.txt', 'Thumbs.db']);
  const set = readFvcDataset(dir, ['tif']);
  assert.equal(set.name, 'fvc2099/DB1_B');
  assert.deepEqual(set.protocol.layout, { fingers: [101, 102], impressions: [1, 2] });
  assert.deepEqual(set.files.map((f) => f.slice(dir.length + 1)), ['101_1.TIF', '101_2.tif', '102_1.tif', '102_2.tif']);
  assert.equal(set.protocol.genuine.length, 2);
});

test('missing files, duplicates, empty and absent directories are CLI_DATASET_INVALID', () => {
  const holes = makeSet('holes', ['1_1.png', '1_2.png', '2_1.png']);
  assert.throws(() => readFvcDataset(holes, ['png']), (e) => isCliError(e, 'CLI_DATASET_INVALID') && /no file for 2_2/.test((e as Error).message));
  const twice = makeSet('twice', ['1_1.png', '1_1.tif']);
  assert.throws(() => readFvcDataset(twice, ['png', 'tif']), (e) => isCliError(e, 'CLI_DATASET_INVALID') && /both sample 1_1/.test((e as Error).message));
  const empty = makeSet('empty', ['notes.md']);
  assert.throws(() => readFvcDataset(empty, ['png']), (e) => isCliError(e, 'CLI_DATASET_INVALID'));
  assert.throws(() => readFvcDataset(join(root, 'nowhere'), ['png']), (e) => isCliError(e, 'CLI_DATASET_INVALID'));
});

test('datasets.json is found above a set or beside it, and matched by the end of the set path', () => {
  const dir = makeSet('data/fvc/fvc2002/DB2_B', ['101_1.tif']);
  const file = join(root, 'data', 'fvc', 'datasets.json');
  writeFileSync(
    file,
    JSON.stringify({ sets: [{ name: 'fvc2002/DB1_B', dpi: 500, size: [388, 374] }, { name: 'fvc2002/DB2_B', dpi: 569, size: [296, 560] }] }),
  );
  assert.deepEqual(findSetInfo(dir), { info: { name: 'fvc2002/DB2_B', dpi: 569, width: 296, height: 560 }, path: file });
  // A template export laid out the same way, elsewhere, finds it only when told where it is.
  const iso = makeSet('elsewhere/fvc2002/DB2_B', ['101_1.iso']);
  assert.equal(findSetInfo(iso), undefined);
  assert.equal(findSetInfo(iso, file)?.info.dpi, 569);
  // A template export beside the image sets finds their description in a sibling directory.
  const beside = makeSet('data/fvc-iso-export/fvc2002/DB2_B', ['101_1.iso']);
  assert.deepEqual(findSetInfo(beside)?.path, file);
  const other = makeSet('elsewhere/fvc2002/DB4_B', ['101_1.iso']);
  assert.throws(() => findSetInfo(other, file), (e) => isCliError(e, 'CLI_DATASET_INVALID'));
});

test('a malformed datasets.json is CLI_DATASET_INVALID naming the entry, and skipped when only found by searching', () => {
  const file = join(root, 'bad.json');
  writeFileSync(file, JSON.stringify({ sets: [{ name: 'x/y', dpi: 500, size: [300] }] }));
  assert.throws(() => readDatasetsJson(file), (e) => isCliError(e, 'CLI_DATASET_INVALID') && /sets\[0\] \(x\/y\): size/.test((e as Error).message));
  writeFileSync(file, '{ not json');
  assert.throws(() => readDatasetsJson(file), (e) => isCliError(e, 'CLI_DATASET_INVALID'));
  const dir = makeSet('other-tool/x/y', ['1_1.png']);
  writeFileSync(join(root, 'other-tool', 'datasets.json'), JSON.stringify({ datasets: ['not ours'] }));
  assert.equal(findSetInfo(dir), undefined);
  assert.throws(() => findSetInfo(dir, join(root, 'other-tool', 'datasets.json')), (e) => isCliError(e, 'CLI_DATASET_INVALID'));
});
