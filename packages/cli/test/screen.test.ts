import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
const list = fileURLToPath(new URL('../../screening/test/fixtures/un-small.xml', import.meta.url));

function screen(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [bin, 'screen', '--list', list, '--threshold', '0', '--json', ...args], { encoding: 'utf8' });
}

function kinds(stdout: string): string[] {
  return (JSON.parse(stdout) as { hits: { entryKind: string }[] }).hits.map((h) => h.entryKind);
}

test('sarhad screen screens a traveller against listed individuals only unless --kind says otherwise', () => {
  const individual = screen('--name', 'Karim Star');
  assert.equal(individual.status, 0, individual.stderr);
  // "Karim Star" shares a part with a listed person (Abdul Karim Zadran) and one with a company (Star Co.).
  assert.deepEqual(kinds(individual.stdout), ['individual']);
  const any = screen('--name', 'Karim Star', '--kind', 'any');
  assert.equal(any.status, 0, any.stderr);
  const entity = screen('--name', 'Karim Star', '--kind', 'entity');
  assert.equal(entity.status, 0, entity.stderr);
  assert.deepEqual(kinds(entity.stdout), ['entity']);
  assert.deepEqual([...kinds(any.stdout)].sort(), ['entity', 'individual']);
});

test('sarhad screen refuses an unknown --kind', () => {
  const run = screen('--name', 'Karim Star', '--kind', 'vessel');
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /CLI_INVALID_OPTION.*--kind/);
});
