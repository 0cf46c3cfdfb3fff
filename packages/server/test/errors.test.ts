import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SERVER_ERROR_CODES, SERVER_ERRORS, ServerError } from '../src/errors.js';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const serverSection = doc.slice(doc.indexOf('## Server'));

test('every server error code is documented in docs/errors.md with its HTTP status', () => {
  for (const code of SERVER_ERROR_CODES) {
    const row = serverSection.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
    assert.ok(row, `${code} missing from the Server section of docs/errors.md`);
    assert.ok(row.includes(`| ${SERVER_ERRORS[code]} |`), `${code} should be documented with status ${SERVER_ERRORS[code]}`);
  }
});

test('docs/errors.md lists no server code that the server does not define', () => {
  const documented = [...serverSection.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!);
  for (const code of documented) assert.ok((SERVER_ERROR_CODES as readonly string[]).includes(code), `${code} is stale`);
});

test('a server error carries its code, status and cause', () => {
  const cause = new Error('disk full');
  const error = new ServerError('STORAGE_UNAVAILABLE', 'cannot write', { cause });
  assert.equal(error.code, 'STORAGE_UNAVAILABLE');
  assert.equal(error.status, 503);
  assert.equal(error.cause, cause);
});
