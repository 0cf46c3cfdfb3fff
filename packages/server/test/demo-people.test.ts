import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPerson, demoStopList, DEMO_POSTS } from '../src/domain/demo-people.js';
import { NewDocument, normalizeDocument, parsePassportMrz } from '../src/domain/documents.js';
import { NewTraveller } from '../src/services/travellers-service.js';

const TODAY = '2026-11-26';
const PEOPLE = 500;

test('the demo population is the same for the same seed and day, and another seed gives other people', () => {
  for (const index of [0, 7, 13, 21, 499]) assert.deepEqual(demoPerson(7, index, TODAY), demoPerson(7, index, TODAY));
  const a = Array.from({ length: 50 }, (_, i) => demoPerson(7, i, TODAY));
  const b = Array.from({ length: 50 }, (_, i) => demoPerson(8, i, TODAY));
  assert.ok(a.filter((p, i) => JSON.stringify(p) === JSON.stringify(b[i])).length === 0);
  assert.equal(demoStopList(7, PEOPLE, TODAY), demoStopList(7, PEOPLE, TODAY));
});

test('every demo passport has a TD3 MRZ whose check digits verify and whose holder is the traveller', () => {
  let passports = 0;
  for (let i = 0; i < PEOPLE; i++) {
    const person = demoPerson(7, i, TODAY);
    for (const doc of person.documents.filter((d) => d.type === 'passport')) {
      const { document, holder } = parsePassportMrz([...doc.mrz], TODAY);
      assert.equal(document.number, doc.number);
      assert.equal(holder.birthDate, person.birthDate);
      assert.equal(holder.sex, person.sex);
      assert.equal(holder.nationality, person.nationality);
      assert.ok(document.validUntil! > TODAY, `${doc.number} valid until ${document.validUntil}`);
      passports++;
    }
  }
  assert.ok(passports > PEOPLE / 3, `${passports} passports`);
});

test('every demo record and document passes the service\'s own rules, and document numbers are unique', () => {
  const seen = new Set<string>();
  const posts = new Set(DEMO_POSTS.map((p) => p.code));
  for (let i = 0; i < PEOPLE; i++) {
    const person = demoPerson(7, i, TODAY);
    assert.ok(posts.has(person.post));
    const parsed = NewTraveller.omit({ post: true }).safeParse({
      surnameLatin: person.surname.latin,
      givenNamesLatin: person.given.latin,
      surnameOriginal: person.surname.original,
      givenNamesOriginal: person.given.original,
      fatherNameLatin: person.father.latin,
      birthDate: person.birthDate,
      sex: person.sex,
      nationality: person.nationality,
    });
    assert.ok(parsed.success, `person ${i}: ${JSON.stringify(parsed.error?.issues)}`);
    for (const doc of person.documents) {
      const input = doc.type === 'passport' ? { type: 'passport', mrz: [...doc.mrz] } : doc.type === 'visa' ? { ...doc, entries: 'multiple' } : doc;
      const document = NewDocument.parse(input);
      const normalized = normalizeDocument(document, TODAY, 'PAK').document;
      const key = `${normalized.type}:${normalized.number}`;
      assert.ok(!seen.has(key), `${key} twice`);
      seen.add(key);
    }
  }
});
