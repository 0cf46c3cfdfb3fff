/**
 * The message catalogues agree: every Urdu message fills the same `{placeholders}` as its English original (a
 * dropped `{username}` would silently hide who was changed), none is empty, and the typed catalogue covers every key.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en, type MessageKey } from '../src/i18n/messages-en.js';
import { ur } from '../src/i18n/messages-ur.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every Urdu message has the placeholders of its English original', () => {
  const keys = Object.keys(en) as MessageKey[];
  assert.deepEqual(Object.keys(ur).sort(), [...keys].sort());
  for (const key of keys) {
    assert.deepEqual(placeholders(ur[key]), placeholders(en[key]), key);
  }
});

test('no message is empty and no Urdu message is left in English', () => {
  for (const [key, text] of Object.entries(en) as [MessageKey, string][]) {
    assert.ok(text.trim(), `en ${key} is empty`);
    assert.ok(ur[key].trim(), `ur ${key} is empty`);
    assert.notEqual(ur[key], text, `ur ${key} is not translated`);
    assert.match(ur[key], /[\u0600-\u06FF]/, `ur ${key} has no Urdu letters`);
  }
});
