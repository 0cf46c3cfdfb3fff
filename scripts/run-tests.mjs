#!/usr/bin/env node
// Runs every package's tests with node:test, TypeScript loaded through tsx. Node 20's `--test` does not expand
// globs or pick up .ts files by itself, so this script lists them. Pass paths or package names to narrow the run:
//   node scripts/run-tests.mjs engine            # packages/engine/test/**
//   node scripts/run-tests.mjs packages/cli/test/eval.test.ts
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');

function collect(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const targets = args.length > 0 ? args : readdirSync(packagesDir).map((p) => join('packages', p));
const files = [];
for (const target of targets) {
  const asPackage = join(packagesDir, target, 'test');
  const path = existsSync(asPackage) ? asPackage : resolve(root, target);
  if (!existsSync(path)) continue;
  if (statSync(path).isDirectory()) {
    const testDir = existsSync(join(path, 'test')) ? join(path, 'test') : path;
    collect(testDir, files);
  } else files.push(path);
}
// Browser journeys run in their own step (they need Chromium and a built UI).
const selected = files.filter((f) => !f.includes(`${join('web', 'e2e')}`));
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected],
  { stdio: 'inherit', cwd: root, env: { ...process.env, SARHAD_ROOT: root } },
);
process.exit(result.status ?? 1);
