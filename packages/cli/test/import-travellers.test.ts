import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeIso19794, syntheticMinutiaeImpression } from '@sarhad/engine';
import { td3 } from '@sarhad/server';
import { startBenchServer, stopBenchServer, type BenchServer } from '../src/commands/bench-crossings.js';
import { importTravellers, TRAVELLER_IMPORT_HEADER } from '../src/commands/import-travellers.js';
import { isCliError } from '../src/errors.js';

const ADMIN_PASSWORD = 'import test administrator';
const OFFICER_PASSWORD = 'import test enrolment officer';
let dir: string;
let server: BenchServer;

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const template = (person: number, position: number) => Buffer.from(encodeIso19794(syntheticMinutiaeImpression(person, position, 1))).toString('base64');
const mrz = td3({ issuingState: 'AFG', surname: 'SHINWARI', givenNames: 'GUL AHMAD', documentNumber: 'P04512345', nationality: 'AFG', birthDate: '850312', sex: 'M', expiryDate: '310101' });

function csv(rows: string[][]): string {
  const quote = (v: string) => (/[",\n|]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [TRAVELLER_IMPORT_HEADER.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n';
}

// ref,surname,given_names,surname_original,given_names_original,father_name,birth_date,sex,nationality,
// document_type,document_number,document_mrz,valid_from,valid_until,issuing_country,issuing_post,fingers
const GOOD = [
  ['t1', 'Shinwari', 'Gul Ahmad', 'شینواری', 'ګل احمد', 'Wali', '1985-03-12', 'M', 'AFG', 'passport', '', mrz.join('|'), '', '', '', '', `2:base64:${template(901, 2)}|7:prints/t1-7.iso`],
  ['t1', '', '', '', '', '', '', '', '', 'tazkira', '1402/0123/000045', '', '', '', '', '', ''],
  ['t2', 'Afridi', 'Sadia', '', '', '', '1992', 'F', 'PAK', 'cnic', '1730112345672', '', '', '', '', '', `2:base64:${template(902, 2)}`],
  ['t3', 'Kakar', 'Zainab', '', '', '', '2019-06-01', 'F', 'PAK', 'border_pass', 'BP-IMP-0001', '', '2026-11-01', '2027-03-01', '', 'IMP', ''],
];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sarhad-import-'));
  server = await startBenchServer(join(dir, 'data'));
  await call('POST', '/api/setup', { token: server.setupToken, username: 'root.admin', displayName: 'Root', password: ADMIN_PASSWORD });
  const admin = (await call<{ token: string }>('POST', '/api/auth/login', { username: 'root.admin', password: ADMIN_PASSWORD })).token;
  await call('POST', '/api/posts', { code: 'IMP', name: 'Import post', side: 'PK', timeZone: 'Asia/Karachi' }, admin);
  await call('POST', '/api/users', { username: 'imp.enrolment', displayName: 'Enrolment', password: 'temporary password 1', roles: ['enrolment_officer'], posts: ['IMP'] }, admin);
  const first = (await call<{ token: string }>('POST', '/api/auth/login', { username: 'imp.enrolment', password: 'temporary password 1' })).token;
  await fetch(`${server.url}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${first}` },
    body: JSON.stringify({ currentPassword: 'temporary password 1', newPassword: OFFICER_PASSWORD }),
  });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'prints'));
  writeFileSync(join(dir, 'prints', 't1-7.iso'), Buffer.from(template(901, 7), 'base64'));
});

after(async () => {
  await stopBenchServer(server);
  rmSync(dir, { recursive: true, force: true });
});

const options = () => ({ url: server.url, post: 'IMP', username: 'imp.enrolment', password: OFFICER_PASSWORD });

async function travellerCount(): Promise<number> {
  const token = (await call<{ token: string }>('POST', '/api/auth/login', { username: 'imp.enrolment', password: OFFICER_PASSWORD })).token;
  const found = await Promise.all(
    ['SHINWARI', 'AFRIDI', 'KAKAR', 'DURRANI'].map(async (surname) => (await call<{ travellers: unknown[] }>('GET', `/api/travellers?surname=${surname}`, undefined, token)).travellers.length),
  );
  return found.reduce((a, b) => a + b, 0);
}

test('a malformed file is rejected with its line numbers and a stable code, and nothing is imported', async () => {
  const badMrz = [...mrz];
  badMrz[1] = badMrz[1]!.slice(0, 9) + (badMrz[1]![9] === '1' ? '2' : '1') + badMrz[1]!.slice(10); // wrong document check digit
  const rows = [
    ['d1', 'Durrani', 'Ahmad', '', '', '', '1970-01-01', 'M', 'AFG', 'cnic', '1730112345671', '', '', '', '', '', `2:base64:${template(903, 2)}`],
    ['d2', 'Shinwari', 'Gul Ahmad', '', '', '', '1985-03-12', 'M', 'AFG', 'passport', '', badMrz.join('|'), '', '', '', '', ''],
    ['d3', 'Kakar', 'Zainab', '', '', '', '1999-02-30', 'F', 'PAK', '', '', '', '', '', '', '', ''],
  ];
  const file = join(dir, 'bad.csv');
  writeFileSync(file, csv(rows));
  await assert.rejects(importTravellers(file, options()), (error: unknown) => {
    assert.ok(isCliError(error, 'CLI_IMPORT_INVALID'), String(error));
    assert.match((error as Error).message, /bad\.csv:3: document_mrz: /);
    assert.match((error as Error).message, /bad\.csv:4: birth_date: /);
    assert.doesNotMatch((error as Error).message, /bad\.csv:2:/);
    return true;
  });
  assert.equal(await travellerCount(), 0);
});

test('a good file is imported: travellers enrolled with fingers from files and base64, documents added', async () => {
  const file = join(dir, 'good.csv');
  writeFileSync(file, csv(GOOD));
  const done: number[] = [];
  const report = await importTravellers(file, options(), (n) => done.push(n));
  assert.deepEqual(report, { travellers: 3, enrolled: 2, registeredWithoutFingers: 1, heldForAdjudication: [], documents: 4 });
  assert.deepEqual(done, [1, 2, 3]);
  assert.equal(await travellerCount(), 3);
});

test('importing the same file again is refused before anything is written: its documents are registered', async () => {
  const file = join(dir, 'good.csv');
  await assert.rejects(importTravellers(file, options()), (error: unknown) => isCliError(error, 'CLI_IMPORT_INVALID') && /good\.csv:2: document_number: passport P04512345 is already registered/.test((error as Error).message));
  assert.equal(await travellerCount(), 3);
});
