/**
 * Journey: enrolment with a duplicate. An enrolment officer enrols a person from their passport (the MRZ fills the
 * form), adds a CNIC, captures two fingers as templates and a third as an image, and issues a border pass. Then the same fingers come back under another
 * identity (another name in Latin and Arabic script, a birth year only; the right middle finger as an image this
 * time, as at the first enrolment): the server searches 1:N, creates nothing,
 * and opens an adjudication case; the page shows this enrolment and the candidate side by side with the scores per
 * finger, and the officer leaves the case with the supervisor, whose queue holds it (checked through the API).
 * Last, the first person's border pass is renewed from the day after it ends, and the form is shown in Urdu.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { adminToken, ensurePost, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';
import { expiryIn, fingerImageFiles, td3, templateFile, type PassportFields } from './helpers/lane.js';

const POST = 'GHL';
const ENROLLER = 'ghl.enrol';
const SUPERVISOR = 'ghl.supervisor';
const PERSON = 61_101;
const PASSPORT: PassportFields = {
  issuingState: 'PAK',
  surname: 'AFRIDI',
  givenNames: 'SHER ALAM',
  documentNumber: 'GH6110111',
  nationality: 'PAK',
  birthDate: '820309',
  sex: 'M',
  expiryDate: expiryIn(5),
};

let browser: Browser;
/** Two impressions of one synthetic right middle finger, as BMP images. */
let middle: { name: string; mimeType: string; buffer: Buffer }[];

before(async () => {
  const admin = await adminToken();
  await ensurePost(admin, POST, 'Ghulam Khan');
  await ensureUser(admin, { username: ENROLLER, displayName: 'Sadia Bangash', roles: ['enrolment_officer'], posts: [POST] });
  await ensureUser(admin, { username: SUPERVISOR, displayName: 'Imran Orakzai', roles: ['supervisor'], posts: [POST] });
  middle = fingerImageFiles(PERSON, [0, 1]);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the same fingers under another identity are held for adjudication and shown side by side, never merged', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, ENROLLER, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Enrolment' }).click();
  await page.getByRole('heading', { name: 'Enrolment', level: 1 }).waitFor();

  // 1. A first enrolment from the passport, with a CNIC, two fingers and a border pass.
  const [line1, line2] = td3(PASSPORT);
  await page.getByLabel('Passport MRZ', { exact: false }).fill(`${line1}\n${line2}`);
  await page.getByText('Filled from the passport.', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Surname (Latin letters)').inputValue(), 'AFRIDI');
  assert.equal(await page.getByLabel('Birth date', { exact: true }).inputValue(), '1982-03-09');
  assert.equal(await page.getByLabel('Nationality', { exact: true }).inputValue(), 'PAK');
  await page.getByLabel('Father’s name (Latin letters)').fill('GUL ALAM');
  await page.getByLabel('Kind of document').selectOption('cnic');
  await page.getByLabel('Number', { exact: true }).fill('2130112345671');
  await page.getByRole('button', { name: 'Add a document' }).click();
  await page.getByRole('list', { name: 'Documents' }).getByText('CNIC 2130112345671', { exact: true }).waitFor();
  await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(PERSON, 2, 0));
  await page.getByLabel('Left index: template or image file').setInputFiles(templateFile(PERSON, 7, 0));
  // A third finger, the right middle, comes from the scanner software as an image.
  await page.getByLabel('Add a finger').selectOption('3');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByLabel('Right middle: template or image file').setInputFiles(middle[0]!);
  await page.getByRole('img', { name: 'Captured image of Right middle' }).waitFor();
  await assertAccessible(page, 'enrolment form');
  await screenshot(page, 'enrol-01-form');
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  await page.getByText('AFRIDI, SHER ALAM is enrolled with 3 finger(s).').waitFor();
  await page.getByText('Documents recorded: Passport GH6110111, CNIC 2130112345671.').waitFor();
  await page.getByLabel('Number', { exact: true }).fill('GHL-61101');
  await page.getByRole('button', { name: 'Issue border pass' }).click();
  await page.getByText('Border pass GHL-61101 issued', { exact: false }).waitFor();
  await screenshot(page, 'enrol-02-enrolled-border-pass');

  // 2. The same fingers (another capture) under another identity.
  await page.getByRole('button', { name: 'Enrol another person' }).click();
  await page.getByLabel('Surname (Latin letters)').fill('Shinwari');
  await page.getByLabel('Given names (Latin letters)').fill('Gul Badshah');
  await page.getByLabel('Surname (original script)').fill('شینواری');
  await page.getByLabel('Given names (original script)').fill('ګل بادشاه');
  await page.getByLabel('Birth date', { exact: true }).fill('1990');
  await page.getByLabel('Nationality', { exact: true }).fill('AFG');
  await page.getByLabel('Kind of document').selectOption('tazkira');
  await page.getByLabel('Number', { exact: true }).fill('TZ-1368-4471');
  await page.getByRole('button', { name: 'Add a document' }).click();
  await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(PERSON, 2, 1));
  await page.getByLabel('Left index: template or image file').setInputFiles(templateFile(PERSON, 7, 1));
  await page.getByLabel('Add a finger').selectOption('3');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByLabel('Right middle: template or image file').setInputFiles(middle[1]!);
  await page.getByRole('button', { name: 'Enrol', exact: true }).click();

  // Side by side: this enrolment and the candidate, with the scores.
  const duplicate = page.getByRole('region', { name: 'Possible duplicate: held for adjudication' });
  await duplicate.waitFor();
  const submitted = duplicate.getByRole('region', { name: 'This enrolment' });
  await submitted.getByText('SHINWARI, GUL BADSHAH').waitFor();
  await submitted.getByText('شینواری ګل بادشاه').waitFor();
  await submitted.getByText('Tazkira TZ-1368-4471', { exact: true }).waitFor();
  // The image this enrolment captured is shown; templates have none.
  await submitted.getByRole('img', { name: 'Captured image of Right middle' }).waitFor();
  // The candidates' records load after the comparison opens: wait for them, then count.
  const candidate = duplicate.getByTestId('duplicate-candidate');
  await candidate.getByRole('heading', { name: 'Candidate 1: enrolled · AFRIDI, SHER ALAM' }).waitFor();
  assert.equal(await candidate.count(), 1);
  await candidate.getByText('Passport GH6110111').waitFor();
  await candidate.getByText('Border pass GHL-61101').waitFor();
  assert.ok(Number(await candidate.getByTestId('fused-score').innerText()) > 0);
  await candidate.getByText(/^Right index: [\d.]+$/).waitFor();
  await candidate.getByText(/^Left index: [\d.]+$/).waitFor();
  await candidate.getByText('Not kept: Sarhad stores minutiae templates only.').waitFor();
  const caseId = /case ([0-9a-f-]{36})/.exec(await duplicate.innerText())?.[1];
  assert.ok(caseId, 'the case id is shown');
  await assertAccessible(page, 'duplicate side by side');
  await screenshot(page, 'enrol-03-duplicate-side-by-side');

  // Left with the supervisor.
  await page.getByRole('button', { name: 'Leave the case with the supervisor and start the next enrolment' }).click();
  await page.getByText(`Case ${caseId} is in the supervisor’s queue. Nothing was merged.`).waitFor();
  await screenshot(page, 'enrol-04-sent-to-supervisor');

  // The supervisor's queue holds the case; no second record was created.
  const supervisor = await login(SUPERVISOR);
  const cases = await must<{ cases: { id: string; candidates: { travellerId: string }[]; submitted: { traveller: { surnameLatin: string } | null } }[] }>(
    200,
    'GET',
    '/api/adjudications?status=open',
    undefined,
    supervisor,
  );
  const held = cases.cases.find((c) => c.id === caseId);
  assert.ok(held, 'the case is open in the supervisor queue');
  assert.equal(held.submitted.traveller?.surnameLatin, 'Shinwari');
  const afridi = await must<{ travellers: { id: string }[] }>(200, 'GET', '/api/travellers?surname=AFRIDI&givenNames=SHER%20ALAM', undefined, supervisor);
  assert.deepEqual(held.candidates.map((c) => c.travellerId), [afridi.travellers[0]!.id]);
  const shinwari = await must<{ travellers: unknown[] }>(200, 'GET', '/api/travellers?surname=SHINWARI', undefined, supervisor);
  assert.equal(shinwari.travellers.length, 0, 'nothing was created for the held enrolment');

  // Renewing Sher Alam's border pass: found by his CNIC, the new pass starts the day after the first one ends.
  const renew = page.getByRole('region', { name: 'Renew a border pass' });
  await renew.getByLabel('Document carried').selectOption('cnic');
  await renew.getByLabel('Its number').fill('21301-1234567-1');
  await renew.getByRole('button', { name: 'Find' }).click();
  await renew.getByRole('heading', { name: 'AFRIDI, SHER ALAM' }).waitFor();
  const firstPass = renew.getByRole('list', { name: 'Border passes issued' }).locator('li');
  assert.equal(await firstPass.count(), 1);
  const firstUntil = /– (\d{4}-\d{2}-\d{2})/.exec(await firstPass.innerText())?.[1];
  assert.ok(firstUntil);
  const dayAfter = new Date(Date.parse(`${firstUntil}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  assert.equal(await renew.getByLabel('Valid from').inputValue(), dayAfter);
  await renew.getByLabel('New pass number').fill('GHL-61102');
  await renew.getByRole('button', { name: 'Issue the renewed pass' }).click();
  await renew.getByText(`Border pass GHL-61102 issued, valid ${dayAfter} to`, { exact: false }).waitFor();
  await assertAccessible(page, 'border pass renewal');
  await screenshot(page, 'enrol-05-border-pass-renewed');

  // The enrolment form in Urdu, right to left.
  await page.getByLabel('Language').selectOption('ur');
  await page.getByRole('heading', { name: 'اندراج', level: 1 }).waitFor();
  await page.getByLabel('خاندانی نام (لاطینی حروف)').waitFor();
  await assertAccessible(page, 'enrolment form in Urdu');
  await screenshot(page, 'enrol-06-urdu-form');
  await page.getByLabel('زبان').selectOption('en');
  w.assertClean();
  await w.close();
});
