import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SCREENING_ERROR_CODES } from '../src/errors.js';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

test('every screening error code is documented in docs/errors.md', () => {
  for (const code of SCREENING_ERROR_CODES) assert.ok(doc.includes(`\`${code}\``), `${code} missing from docs/errors.md`);
});

test('docs/errors.md lists no screening code that the library does not define', () => {
  const documented = [...doc.matchAll(/`(SCREENING_[A-Z_]+)`/g)].map((m) => m[1]);
  for (const code of documented) {
    assert.ok((SCREENING_ERROR_CODES as readonly string[]).includes(code!), `${code} is stale`);
  }
});
