import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
const list = fileURLToPath(new URL('../../screening/test/fixtures/un-small.xml', import.meta.url));

const PAIRS = `kind,ref,list_type,nationality,query,quality,category,category_vs_any_other_name,expected_primary,ambiguous,ntokens
individual,TAi.901,Taliban,Afghanistan,Abdul Kareem,Good,spelling_variant,spelling_variant,ABDUL KARIM ZADRAN,False,2
individual,QDi.902,Al-Qaida,,Vanya,Good,disjoint_name,disjoint_name,IVAN PETROVICH,False,1
`;
const NEGATIVES = `full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality
Patricia Lucas Wheeler,Patricia,Lucas,Wheeler,female,2002-07-14,Dar es Salaam,Ethiopia
Isabella Joaquin Torres,Isabella,Joaquin,Torres,female,1961-01-08,Córdoba,Chile
Ethan Anvi Bahri,Ethan,Anvi,Bahri,male,1948-05-23,Thimphu,Bhutan
Karim Hosseini,Karim,,Hosseini,male,1990-03-02,Mashhad,Iran
`;

test('sarhad eval screening --json prints one object with the threshold, recall per category, false alerts and latency', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sarhad-eval-screening-'));
  try {
    writeFileSync(join(dir, 'pairs.csv'), PAIRS);
    writeFileSync(join(dir, 'negatives.csv'), NEGATIVES);
    const run = spawnSync(
      process.execPath,
      [bin, 'eval', 'screening', '--list', list, '--pairs', join(dir, 'pairs.csv'), '--negatives', join(dir, 'negatives.csv'), '--false-alert-rate', '0.25', '--json'],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of ['threshold', 'recall', 'falseAlertRate', 'recallWithDob', 'falseAlertRateWithDob', 'latencyMs']) {
      assert.ok(key in result, `${key} missing from ${run.stdout}`);
    }
    assert.deepEqual(Object.keys(result.recall as object).sort(), ['disjoint_name', 'spelling_variant']);
    // "Abdul Kareem" is found through the record's other names once its own alias is left out of the index.
    assert.equal((result.recall as Record<string, number>).spelling_variant, 1);
    assert.ok((result.falseAlertRate as number) <= 0.25);
    const latency = result.latencyMs as { p50: number; p99: number };
    assert.ok(latency.p50 >= 0 && latency.p99 >= latency.p50);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sarhad eval screening --misses lists the pairs missed and the negatives alerting, with the names compared', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sarhad-eval-screening-'));
  try {
    writeFileSync(join(dir, 'pairs.csv'), PAIRS);
    writeFileSync(join(dir, 'negatives.csv'), NEGATIVES);
    const args = [bin, 'eval', 'screening', '--list', list, '--pairs', join(dir, 'pairs.csv'), '--negatives', join(dir, 'negatives.csv'), '--false-alert-rate', '0', '--misses'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    // At a zero rate no negative alerts; "Vanya" shares nothing with IVAN PETROVICH's other names: a miss.
    assert.match(run.stdout, /false alerts \(name-only, at [0-9.]+\): 0\n/);
    assert.match(run.stdout, /misses \(name-only\): 1\n {2}disjoint_name +[0-9.]+ {2}QDi\.902 {2}"Vanya"/);
    const json = spawnSync(process.execPath, [...args, '--json'], { encoding: 'utf8' });
    const result = JSON.parse(json.stdout) as { misses: { query: string }[]; falseAlerts: unknown[] };
    assert.deepEqual(result.misses.map((m) => m.query), ['Vanya']);
    assert.ok(Array.isArray(result.falseAlerts));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sarhad eval screening refuses a pairs file without the expected columns, naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sarhad-eval-screening-'));
  try {
    writeFileSync(join(dir, 'pairs.csv'), 'query,ref\nSomeone,TAi.901\n');
    writeFileSync(join(dir, 'negatives.csv'), NEGATIVES);
    const run = spawnSync(process.execPath, [bin, 'eval', 'screening', '--list', list, '--pairs', join(dir, 'pairs.csv'), '--negatives', join(dir, 'negatives.csv')], {
      encoding: 'utf8',
    });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /SCREENING_[A-Z_]+/);
    assert.match(run.stderr, /pairs\.csv/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
