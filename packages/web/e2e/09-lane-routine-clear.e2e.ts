/**
 * Journey: a routine clear at the lane. An enrolled traveller presents a passport; the officer's scanner types the
 * MRZ, the fingerprint software saves the two index-finger templates, and the console submits on capture. The
 * journey counts every key press and click after the capture (the issue allows at most 3; the console needs 1:
 * Enter), and reads the console's own measure from submit to rendered answer (performance.now around the request
 * and the render; the issue allows 300 ms) for five routine clears in a row, prints them and holds the median to
 * the limit (the first answer of a freshly started server includes its cold start, and the machine is shared). A second test loses the answer to a submission on the
 * network and sends again: the crossing is recorded once. Last, the console in Urdu.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { adminToken, call, ensurePost, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';
import { enrolWithPassport, expiryIn, td3, templateFile, type PassportFields } from './helpers/lane.js';

const POST = 'GHL';
const OFFICER = 'ghl.officer';
/** Synthetic person whose fingers are enrolled (a seed no other journey uses). */
const PERSON = 60_901;
const PASSPORT: PassportFields = {
  issuingState: 'PAK',
  surname: 'WAZIR',
  givenNames: 'NASEEM KHAN',
  documentNumber: 'GH0609011',
  nationality: 'PAK',
  birthDate: '880214',
  sex: 'M',
  expiryDate: expiryIn(4),
};
const CNIC = '21101-6090110-1';
/** The limits. */
const MAX_ACTIONS_AFTER_CAPTURE = 3; // key presses or clicks
const MAX_RESULT_MS = 300; // ms from submitting templates to the rendered answer
/** Routine clears timed after the first (the first answer of a fresh server includes its cold start). */
const MORE_TRAVELLERS = 4; // crossings

let browser: Browser;
let travellerId: string;

before(async () => {
  const admin = await adminToken();
  await ensurePost(admin, POST, 'Ghulam Khan');
  await ensureUser(admin, { username: OFFICER, displayName: 'Naveed Dawar', roles: ['officer'], posts: [POST] });
  const officer = await login(OFFICER);
  travellerId = await enrolWithPassport(officer, POST, PERSON, { surnameLatin: 'WAZIR', givenNamesLatin: 'NASEEM KHAN', birthDate: '1988-02-14', sex: 'M', nationality: 'PAK' }, PASSPORT);
  const cnic = await call('POST', `/api/travellers/${travellerId}/documents`, { post: POST, document: { type: 'cnic', number: CNIC } }, officer);
  assert.ok(cnic.status === 201 || (cnic.json as { error?: { code?: string } }).error?.code === 'DOCUMENT_TAKEN', JSON.stringify(cnic.json));
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens the lane console as the officer. */
async function openConsole(page: Page): Promise<void> {
  await signIn(page, OFFICER, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lane console' }).click();
  await page.getByRole('heading', { name: 'Lane console', level: 1 }).waitFor();
  await page.getByLabel('Machine-readable zone').waitFor();
}

/** The scanner types both MRZ lines, each ending with Enter, like a keyboard. */
async function scanPassport(page: Page, lines: readonly string[]): Promise<void> {
  await page.locator('#lane-mrz').focus();
  await page.keyboard.type(`${lines[0]}\n${lines[1]}\n`);
  // The scanner's last Enter moves focus on to the first finger (on the next frame).
  await page.waitForFunction(() => document.activeElement?.id === 'finger-2');
}

/** YYMMDD of a birthday `years` ago (the first of January, so the age is certain). */
function childBirthDate(years: number): string {
  return `${String((new Date().getUTCFullYear() - years) % 100).padStart(2, '0')}0101`;
}
const isoBirth = (yymmdd: string) => `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;

/** A traveller with a passport and no fingers (a child), unless the passport is registered already. */
async function createWithPassport(token: string, traveller: object, passport: PassportFields): Promise<string> {
  const found = await call<{ travellers: { id: string }[] }>('GET', `/api/travellers?documentType=passport&documentNumber=${passport.documentNumber}`, undefined, token);
  if (found.json.travellers.length) return found.json.travellers[0]!.id;
  const created = await must<{ traveller: { id: string } }>(201, 'POST', '/api/travellers', { post: POST, ...traveller }, token);
  await must(201, 'POST', `/api/travellers/${created.traveller.id}/documents`, { post: POST, document: { type: 'passport', mrz: td3(passport) } }, token);
  return created.traveller.id;
}

async function cleared(officer: string): Promise<number> {
  const movements = await must<{ crossings: { status: string }[] }>(200, 'GET', `/api/travellers/${travellerId}/movements`, undefined, officer);
  return movements.crossings.filter((c) => c.status === 'cleared').length;
}

test('a routine clear takes one key press after capture, and answers render within 300 ms of submitting', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await openConsole(page);
  const officer = await login(OFFICER);
  const before = await cleared(officer);

  // The post and its entry-only lane are chosen; the direction is fixed to entry.
  assert.equal(await page.getByLabel('Post', { exact: true }).inputValue(), POST);
  assert.ok(await page.getByRole('radio', { name: 'Entry (in)' }).isChecked());
  await scanPassport(page, td3(PASSPORT));
  await page.getByText('Read: WAZIR, NASEEM KHAN, passport GH0609011 (PAK)', { exact: false }).waitFor();
  await assertAccessible(page, 'lane console, document read');

  // Capture: the fingerprint software hands over the right and left index templates.
  await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(PERSON, 2, 5));
  await page.getByLabel('Left index: template or image file').setInputFiles(templateFile(PERSON, 7, 5));
  let actions = 0; // key presses and clicks from here on

  // No action: the console submitted on capture.
  const verdict = page.getByTestId('recommendation');
  await verdict.getByText('Clear', { exact: true }).waitFor();
  const [resultMs, requestMs] = await page.evaluate(() =>
    ['sarhad:lane:result', 'sarhad:lane:request'].map((name) => performance.getEntriesByName(name)[0]?.duration ?? -1),
  );
  console.log(
    `lane console: answer rendered ${resultMs!.toFixed(1)} ms after submitting two ISO templates (request ${requestMs!.toFixed(1)} ms, render ${(resultMs! - requestMs!).toFixed(1)} ms; limit ${MAX_RESULT_MS} ms)`,
  );
  assert.ok(resultMs! >= 0, 'the console measured the result time');
  const times = [resultMs!];
  await page.getByTestId('traveller-name').getByText('WAZIR, NASEEM KHAN').waitFor();
  assert.equal(await page.getByTestId('confidence').innerText(), 'Strong');
  await page.getByText('Fingers match the document holder').waitFor();
  // The time on the traveller is running.
  assert.match(await page.getByTestId('time-on-traveller').innerText(), /^\d+:\d\d$/);
  await assertAccessible(page, 'lane console, routine result');
  await screenshot(page, 'lane-01-routine-result');

  // Enter clears.
  await page.keyboard.press('Enter');
  actions++;
  await page.getByRole('status').filter({ hasText: 'WAZIR, NASEEM KHAN: Cleared after' }).waitFor();
  console.log(`lane console: routine clear took ${actions} key press(es) or click(s) after capture (limit ${MAX_ACTIONS_AFTER_CAPTURE})`);
  assert.ok(actions <= MAX_ACTIONS_AFTER_CAPTURE);
  assert.equal(await cleared(officer), before + 1);
  // Ready for the next traveller: the MRZ field is empty and focused.
  assert.equal(await page.getByLabel('Machine-readable zone').inputValue(), '');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lane-mrz');
  await screenshot(page, 'lane-02-cleared-next');

  // The same traveller again, as at a counter through the day: the result time of each routine clear.
  for (let capture = 10; capture < 10 + MORE_TRAVELLERS; capture++) {
    await scanPassport(page, td3(PASSPORT));
    await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(PERSON, 2, capture));
    await page.getByLabel('Left index: template or image file').setInputFiles(templateFile(PERSON, 7, capture));
    await verdict.getByText('Clear', { exact: true }).waitFor();
    times.push(await page.evaluate(() => performance.getEntriesByName('sarhad:lane:result')[0]?.duration ?? -1));
    await page.keyboard.press('Enter');
    await page.locator('#lane-mrz:focus').waitFor();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `lane console: submit-to-render over ${times.length} routine clears: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (limit ${MAX_RESULT_MS} ms; the machine is shared, wall time)`,
  );
  assert.ok(median <= MAX_RESULT_MS, `median result time ${median.toFixed(1)} ms`);
  assert.equal(await cleared(officer), before + 1 + MORE_TRAVELLERS);
  w.assertClean();
  await w.close();
});

test('an answer lost on the network is sent again with the same key and recorded once', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await openConsole(page);
  const officer = await login(OFFICER);
  const countCrossings = async () =>
    (await must<{ crossings: unknown[] }>(200, 'GET', `/api/travellers/${travellerId}/movements`, undefined, officer)).crossings.length;
  const before = await countCrossings();

  // The first submission reaches the server, but its answer never reaches the browser.
  const keys: string[] = [];
  let lost = false;
  await page.route('**/api/crossings', async (route) => {
    keys.push((route.request().postDataJSON() as { idempotencyKey: string }).idempotencyKey);
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('aborted');
  });
  w.allow(/net::ERR_ABORTED/);
  await scanPassport(page, td3(PASSPORT));
  await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(PERSON, 2, 6));
  await page.getByLabel('Left index: template or image file').setInputFiles(templateFile(PERSON, 7, 6));
  await page.getByText('Sending again is safe: a crossing is recorded once.').waitFor();
  await screenshot(page, 'lane-03-answer-lost');
  await page.getByRole('button', { name: 'Send again' }).click();
  await page.getByTestId('recommendation').getByText('Clear', { exact: true }).waitFor();
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'the resend reuses the idempotency key');
  assert.equal(await countCrossings(), before + 1, 'one crossing recorded for two submissions');
  await page.getByRole('button', { name: 'Clear (Enter)' }).click();
  await page.getByRole('status').filter({ hasText: 'Cleared after' }).waitFor();
  w.assertClean();
  await w.close();
});

test('fingerprint exceptions go to the supervisor in two keys: U with a reason for worn fingers, M for a child', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await openConsole(page);
  const officer = await login(OFFICER);

  // Worn fingers: U, Enter (the first listed reason), and the crossing waits for the supervisor.
  await scanPassport(page, td3(PASSPORT));
  await page.keyboard.press('u');
  const dialog = page.getByRole('dialog', { name: 'Unable to capture fingerprints' });
  await dialog.waitFor();
  assert.ok(await dialog.getByRole('radio', { name: 'Worn or damaged fingertips' }).isChecked());
  await page.keyboard.press('Enter');
  await page.getByTestId('crossing-status').getByText('Awaiting supervisor').waitFor();
  await page.getByText('Sent to the supervisor: this crossing waits for their decision.').waitFor();
  await page.getByText('Fingers could not be captured: a supervisor decides').waitFor();
  await screenshot(page, 'lane-08-worn-fingers-to-supervisor');
  await page.keyboard.press('Enter');

  // A child of six with a passport, never fingerprinted: M.
  const child: PassportFields = { ...PASSPORT, surname: 'WAZIR', givenNames: 'ZARGHONA', documentNumber: 'GH0609012', sex: 'F', birthDate: childBirthDate(6) };
  const childId = await createWithPassport(officer, { surnameLatin: 'WAZIR', givenNamesLatin: 'ZARGHONA', birthDate: isoBirth(child.birthDate), sex: 'F', nationality: 'PAK' }, child);
  await page.locator('#lane-mrz').waitFor();
  await scanPassport(page, td3(child));
  await page.keyboard.press('m');
  await page.getByTestId('crossing-status').getByText('Awaiting supervisor').waitFor();
  await page.getByText('Child under the age for fingerprints: a supervisor decides').waitFor();
  await assertAccessible(page, 'lane console, child sent to the supervisor');
  await screenshot(page, 'lane-09-child-to-supervisor');
  const queue = await must<{ crossings: { traveller: { id: string } | null; fingerprintException: { kind: string; reason: string | null } | null }[] }>(
    200,
    'GET',
    `/api/crossings?post=${POST}&status=awaiting_supervisor`,
    undefined,
    officer,
  );
  const exceptionOf = (id: string) => queue.crossings.find((c) => c.traveller?.id === id)?.fingerprintException;
  assert.deepEqual(exceptionOf(travellerId), { kind: 'unable_to_capture', reason: 'Worn or damaged fingertips' });
  assert.deepEqual(exceptionOf(childId), { kind: 'under_age', reason: null });
  w.assertClean();
  await w.close();
});

test('an ID number typed with its kind is checked too; a CNIC alone is not a travel document, so clearing asks for a reason', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await openConsole(page);
  await page.getByRole('radio', { name: 'ID number' }).check();
  await page.getByLabel('Kind of document').selectOption('cnic');
  await page.getByLabel('Document number').fill(CNIC.replace(/-/g, ''));
  await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(PERSON, 2, 8));
  await page.getByLabel('Left index: template or image file').setInputFiles(templateFile(PERSON, 7, 8));
  await page.getByTestId('recommendation').getByText('Secondary inspection', { exact: true }).waitFor();
  await page.getByText('Not a travel document on its own').waitFor();
  assert.equal(await page.getByTestId('confidence').innerText(), 'Strong');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Clear with a reason' });
  await dialog.waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'WAZIR, NASEEM KHAN: Cleared after' }).waitFor();
  const officer = await login(OFFICER);
  const movements = await must<{ crossings: { id: string; status: string; recordedAt: string }[] }>(200, 'GET', `/api/travellers/${travellerId}/movements`, undefined, officer);
  const last = [...movements.crossings].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0]!;
  const crossing = await must<{ crossing: { document: { type: string; number: string }; decisions: { decision: string; reason: string }[] } }>(200, 'GET', `/api/crossings/${last.id}`, undefined, officer);
  assert.deepEqual([crossing.crossing.document.type, crossing.crossing.document.number], ['cnic', CNIC]);
  assert.deepEqual(crossing.crossing.decisions.map((d) => [d.decision, d.reason]), [['clear', 'Checked at the counter: the concern is resolved']]);
  w.assertClean();
  await w.close();
});

test('the lane console reads completely in Urdu, right to left', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await openConsole(page);
  await page.getByLabel('Language').selectOption('ur');
  await page.getByRole('heading', { name: 'لین کنسول', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await scanPassport(page, td3(PASSPORT));
  await page.getByLabel('دائیں شہادت کی انگلی: ٹیمپلیٹ یا تصویری فائل').setInputFiles(templateFile(PERSON, 2, 7));
  await page.getByLabel('بائیں شہادت کی انگلی: ٹیمپلیٹ یا تصویری فائل').setInputFiles(templateFile(PERSON, 7, 7));
  await page.getByTestId('recommendation').getByText('کلیئر', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('confidence').innerText(), 'مضبوط');
  await assertAccessible(page, 'lane console in Urdu');
  await screenshot(page, 'lane-04-urdu-result');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'WAZIR, NASEEM KHAN' }).waitFor();
  await page.getByLabel('زبان').selectOption('en');
  w.assertClean();
  await w.close();
});
