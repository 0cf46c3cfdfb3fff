import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRidgeSet } from './ridge-image.js';

const script = fileURLToPath(new URL('../../../scripts/eval-fvc-all.mjs', import.meta.url));
let root: string;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'sarhad-eval-fvc-all-'));
  for (const name of ['tinyall/DB1_B', 'tinyall/DB2_B']) {
    mkdirSync(join(root, name), { recursive: true });
    await writeRidgeSet(join(root, name), [1, 2], [1, 2]);
  }
  writeFileSync(
    join(root, 'datasets.json'),
    JSON.stringify({ sets: [{ name: 'tinyall/DB1_B', dpi: 500, size: [240, 240] }, { name: 'tinyall/DB2_B', dpi: 500, size: [240, 240] }] }),
  );
});
after(() => rmSync(root, { recursive: true, force: true }));

test('scripts/eval-fvc-all.mjs runs every set of a datasets.json and averages the EERs', () => {
  const out = join(root, 'reports');
  const run = spawnSync(process.execPath, [script, join(root, 'datasets.json'), '--json', '--speed-runs', '1', '--out', out], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.deepEqual(result.sets.map((s: { set: string }) => s.set), ['tinyall/DB1_B', 'tinyall/DB2_B']);
  const mean = (result.sets[0].eerAll + result.sets[1].eerAll) / 2;
  assert.ok(Math.abs(result.average.eerAll - mean) < 1e-3);
  assert.ok(existsSync(join(out, 'tinyall_DB1_B.scores.csv')) && existsSync(join(out, 'tinyall_DB2_B.det.svg')));
});

test('scripts/eval-fvc-all.mjs prints a table with an average row, and fails clearly without a datasets.json', () => {
  const table = spawnSync(process.execPath, [script, join(root, 'datasets.json'), '--speed-runs', '1'], { encoding: 'utf8' });
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^set\s+dpi\s+EER fvc\s+EER all/);
  assert.match(table.stdout, /\ntinyall\/DB2_B\s+500\s/);
  assert.match(table.stdout, /\naverage\s+\d+\.\d\d %/);
  const missing = spawnSync(process.execPath, [script, join(root, 'nope.json')], { encoding: 'utf8' });
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /cannot read .*nope\.json/);
});
