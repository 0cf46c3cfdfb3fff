/**
 * Runs the real `sarhad watchlist` command in a child process on the fixtures, each test with its own data
 * directory, as an operator would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../cli/bin/sarhad.js', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function sarhad(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (options.env?.SARHAD_DATA_DIR === undefined) delete env.SARHAD_DATA_DIR;
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: options.cwd, env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function withDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'sarhad-cli-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a first import stores the list and says every entry is new', () =>
  withDir((dir) => {
    const run = sarhad(['watchlist', 'import', fixture('un-small.xml'), '--data-dir', join(dir, 'data')]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Imported UN list: 3 entries from un-small\.xml/);
    assert.match(run.stdout, /generated 2026-03-01T10:00:00\.000Z/);
    assert.match(run.stdout, /First import of the UN list: all 3 entries are new/);
  }));

test('a second import reports the ids added, removed and changed since the stored version', () =>
  withDir((dir) => {
    const data = join(dir, 'data');
    assert.equal(sarhad(['watchlist', 'import', fixture('un-small.xml'), '--data-dir', data]).status, 0);
    const updated = join(dir, 'update.xml');
    writeFileSync(
      updated,
      readFileSync(fixture('un-small.xml'), 'utf8')
        .replace('2026-03-01T10:00:00.000Z', '2026-04-01T10:00:00.000Z')
        .replace(/<ENTITY>[\s\S]*<\/ENTITY>/, '<ENTITY><FIRST_NAME>NEW CO</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.904</REFERENCE_NUMBER></ENTITY>')
        .replace('<VALUE>Russian Federation</VALUE>', '<VALUE>Ukraine</VALUE>'),
    );
    const run = sarhad(['watchlist', 'import', updated, '--data-dir', data]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 added, 1 removed, 1 changed, 1 unchanged/);
    assert.match(run.stdout, /added \(1\): KPe\.904/);
    assert.match(run.stdout, /removed \(1\): KPe\.903/);
    assert.match(run.stdout, /QDi\.902: nationalities/);

    const json = sarhad(['watchlist', 'import', fixture('un-small.xml'), '--data-dir', data, '--json']);
    assert.equal(json.status, 0, json.stderr);
    const result = JSON.parse(json.stdout) as { saved: boolean; report: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[]; from: { generatedOn: string } } };
    assert.equal(result.saved, true);
    assert.deepEqual(result.report.added, ['KPe.903']);
    assert.deepEqual(result.report.removed, ['KPe.904']);
    assert.deepEqual(result.report.changed, [{ id: 'QDi.902', fields: ['nationalities'] }]);
    assert.equal(result.report.from.generatedOn, '2026-04-01T10:00:00.000Z');
  }));

test('importing the same file again changes nothing and stores nothing new', () =>
  withDir((dir) => {
    const data = join(dir, 'data');
    sarhad(['watchlist', 'import', fixture('national-small.csv'), '--data-dir', data]);
    const run = sarhad(['watchlist', 'import', fixture('national-small.csv'), '--data-dir', data]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /not stored again: same content/);
    assert.match(run.stdout, /0 added, 0 removed, 0 changed, 4 unchanged/);
    assert.equal(readdirSync(join(data, 'watchlists', 'national')).filter((f) => f.endsWith('.version.json')).length, 1);
  }));

test('a malformed file is rejected with its code and line, and the store keeps the previous version', () =>
  withDir((dir) => {
    const data = join(dir, 'data');
    sarhad(['watchlist', 'import', fixture('un-small.xml'), '--data-dir', data]);
    const broken = join(dir, 'broken.xml');
    const text = readFileSync(fixture('un-small.xml'), 'utf8');
    writeFileSync(broken, text.slice(0, text.indexOf('<ENTITIES>')));
    const run = sarhad(['watchlist', 'import', broken, '--format', 'un', '--data-dir', data]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /SCREENING_PARSE_XML: .*broken\.xml, line \d+/);
    const list = sarhad(['watchlist', 'list', '--data-dir', data, '--json']);
    assert.equal((JSON.parse(list.stdout) as unknown[]).length, 1);
  }));

test('a national stop-list with an invalid value is refused with line and column', () =>
  withDir((dir) => {
    const bad = join(dir, 'stop.csv');
    writeFileSync(bad, readFileSync(fixture('national-small.csv'), 'utf8').replace('1980..1983', '1983..1980'));
    const run = sarhad(['watchlist', 'import', bad, '--data-dir', join(dir, 'data')]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /SCREENING_INVALID_RECORD: column dob: "1983\.\.1980" is not a date .*stop\.csv, line 3/);
  }));

test('detects the OFAC set from sdn.csv and reads its companions', () =>
  withDir((dir) => {
    const run = sarhad(['watchlist', 'import', fixture('ofac/sdn.csv'), '--data-dir', join(dir, 'data')]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Imported OFAC list: 4 entries from sdn\.csv \+ alt\.csv \+ add\.csv \+ sdn_comments\.csv/);
    assert.match(run.stdout, /Notes:\n {2}- 1 rows of alt\.csv name ent_nums absent/);
  }));

test('an unknown format or an unrecognisable file is refused', () =>
  withDir((dir) => {
    const bad = sarhad(['watchlist', 'import', fixture('un-small.xml'), '--format', 'pdf', '--data-dir', dir]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /SCREENING_UNKNOWN_FORMAT: unknown list format "pdf"/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello\n');
    const unknown = sarhad(['watchlist', 'import', text, '--data-dir', dir]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /SCREENING_UNKNOWN_FORMAT: cannot tell the format of notes\.txt/);
  }));

test('list shows stored versions; the data directory comes from SARHAD_DATA_DIR or ./.sarhad', () =>
  withDir((dir) => {
    const envDir = join(dir, 'from-env');
    assert.equal(sarhad(['watchlist', 'import', fixture('un-small.xml')], { cwd: dir, env: { SARHAD_DATA_DIR: envDir } }).status, 0);
    assert.equal(sarhad(['watchlist', 'import', fixture('national-small.csv')], { cwd: dir }).status, 0);
    const fromEnv = sarhad(['watchlist', 'list'], { cwd: dir, env: { SARHAD_DATA_DIR: envDir } });
    assert.match(fromEnv.stdout, /^version +source +entries +generated +imported +files\n\S+ +un +3 +2026-03-01T10:00:00\.000Z/);
    const fromCwd = sarhad(['watchlist', 'list', '--json'], { cwd: dir });
    const versions = JSON.parse(fromCwd.stdout) as { source: string; entryCount: number }[];
    assert.deepEqual(versions.map((v) => [v.source, v.entryCount]), [['national', 4]]);
    const none = sarhad(['watchlist', 'list', '--data-dir', join(dir, 'empty')]);
    assert.match(none.stdout, /No list versions stored yet/);
    const badSource = sarhad(['watchlist', 'list', '--source', 'interpol'], { cwd: dir });
    assert.equal(badSource.status, 1);
    assert.match(badSource.stderr, /CLI_INVALID_OPTION/);
  }));

test('bench watchlist-import times first imports and re-imports of a fixture', () => {
  const run = sarhad(['bench', 'watchlist-import', fixture('ofac/sdn.csv'), '--runs', '2', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const timings = JSON.parse(run.stdout) as { run: number; wallMs: number; cpuMs: number; entries: number; changed: number }[];
  assert.deepEqual(timings.map((t) => [t.run, t.entries, t.changed]), [
    [1, 4, 4],
    [2, 4, 0],
  ]);
  assert.ok(timings.every((t) => t.wallMs > 0 && t.cpuMs > 0));
  const bad = sarhad(['bench', 'watchlist-import', fixture('ofac/sdn.csv'), '--runs', '0']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /CLI_INVALID_OPTION: --runs must be a whole number/);
});
