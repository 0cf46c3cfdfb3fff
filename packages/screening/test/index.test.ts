import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeName } from '../src/normalize/name-tokens.js';
import { CandidateIndex, populationInformativeness, type IndexedName } from '../src/index/candidate-index.js';
import { deletionKeys, skeletonKey, tokenKeys } from '../src/index/phonetic-key.js';

const LISTED = ['Sirajuddin Haqqani', 'Abd al-Majid Zindani', 'John Smith', 'Muhammad Omar', 'Muhammad Hasan Akhund', 'محمد عیسی آخوند'];
const names: IndexedName[] = LISTED.map((full, i) => ({ entryIndex: i, nameIndex: 0, tokens: tokenizeName(full)[0]! }));
const index = new CandidateIndex(names);
const retrieve = (query: string, limit = 10): string[] => {
  const tokens = tokenizeName(query)[0]!;
  return index.retrieve(tokens, tokens.map((t) => index.weight(t)), limit).map((c) => LISTED[names[c.nameId]!.entryIndex]!);
};

test('phonetic keys merge letters transliterations swap (q/k, f/v, d/t) and drop digraph h', () => {
  assert.equal(skeletonKey('qdr'), skeletonKey('kdr'));
  assert.equal(skeletonKey('khln'), skeletonKey('kln'));
  assert.equal(skeletonKey('mhmd'), 'mhmt');
  assert.deepEqual(deletionKeys('mhmt'), ['hmt', 'mmt', 'mht', 'mhm']);
  assert.deepEqual(deletionKeys('mt'), []);
});

test('Latin and Arabic spellings of one name get a common key', () => {
  const latin = tokenKeys(tokenizeName('Haqqani')[0]![0]!);
  const arabic = tokenKeys(tokenizeName('حقانی')[0]![0]!);
  assert.ok(latin.some((k) => arabic.includes(k)), `${latin} / ${arabic}`);
});

test('the index retrieves names by variant spellings in any script and word order', () => {
  assert.ok(retrieve('Haqani Serajuddin').includes('Sirajuddin Haqqani'));
  assert.ok(retrieve('سراج الدين حقاني').includes('Sirajuddin Haqqani'));
  assert.ok(retrieve('Abdelmajid Al-Zindani').includes('Abd al-Majid Zindani'));
  assert.ok(retrieve('Mohammad Isa Akhund').includes('محمد عیسی آخوند'));
});

test('the index does not return names that share no key with the query', () => {
  assert.deepEqual(retrieve('Wolfgang Amadeus Mozart'), []);
  assert.ok(!retrieve('Sirajuddin Haqqani').includes('John Smith'));
});

test('retrieval returns at most the limit, best covered names first', () => {
  const got = retrieve('Muhammad Hasan Akhund', 2);
  assert.equal(got.length, 2);
  assert.equal(got[0], 'Muhammad Hasan Akhund');
});

test('common tokens weigh less than rare ones', () => {
  const w = (s: string) => index.weight(tokenizeName(s)[0]![0]!);
  assert.ok(w('Muhammad') < w('Haqqani'));
  // Not on the lists (inverse document frequency 1) and not among the counted names (the counted names' mean).
  assert.ok(Math.abs(w('Zbqrtvx') - (1 + populationInformativeness('zzzz')) / 2) < 1e-9);
});

test('a name common in the population weighs less than an equally unlisted rare one', () => {
  const w = (s: string) => index.weight(tokenizeName(s)[0]![0]!);
  // None of these is in the index: only the population prior tells them apart.
  assert.ok(w('Thomas') < w('Qasim'), `${w('Thomas')} vs ${w('Qasim')}`);
  assert.ok(populationInformativeness(skeletonKey('smth')) < 0.4);
});

test('a name the frequency table does not count is taken as a typical counted name, not the rarest', () => {
  const uncounted = populationInformativeness('zzzz');
  // Between Smith's and the rarest counted names': the table holds some names, so absence does not mean rare.
  assert.ok(uncounted > populationInformativeness(skeletonKey('smth')) && uncounted < 0.8, String(uncounted));
  assert.ok(populationInformativeness(skeletonKey('ksm')) > uncounted);
});
