import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));

test('sarhad --help lists the command and exits 0', () => {
  const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Usage: sarhad/);
});

test('an unknown command exits non-zero with a message', () => {
  const run = spawnSync(process.execPath, [bin, 'no-such-verb'], { encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /error: (unknown command|too many arguments)/);
});
