import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLI_ERROR_CODES } from '../src/errors.js';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

test('every command-line error code is documented in docs/errors.md', () => {
  for (const code of CLI_ERROR_CODES) assert.ok(doc.includes(`\`${code}\``), `${code} missing from docs/errors.md`);
});

test('docs/errors.md lists no CLI code that the command line does not define', () => {
  const documented = [...doc.matchAll(/`(CLI_[A-Z_]+)`/g)].map((m) => m[1]);
  for (const code of documented) assert.ok((CLI_ERROR_CODES as readonly string[]).includes(code!), `${code} is stale`);
});
