/**
 * Journey: a watchlist alert referred to secondary inspection. A national stop list naming the traveller (an alias
 * spelled differently, the same birth date, nationality and passport) is imported through the API, as a watchlist
 * manager would; this replaces the post's national list version for the journeys after it. The traveller's
 * passport is scanned and the fingers captured: the console answers Alert and explains the hit (which listed name
 * or alias matched which name parts, birth date, nationality, document). The officer cannot clear an alert; F then
 * Escape cancels a refusal, R asks for a reason, Enter records it, and the crossing shows in secondary inspection.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { adminToken, call, ensurePost, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';
import { enrolWithPassport, expiryIn, td3, templateFile, type PassportFields } from './helpers/lane.js';

const POST = 'GHL';
const OFFICER = 'ghl.officer';
const PERSON = 61_001;
const PASSPORT: PassportFields = {
  issuingState: 'AFG',
  surname: 'KAROKHEL',
  givenNames: 'MIR AHMAD',
  documentNumber: 'P6100101',
  nationality: 'AFG',
  birthDate: '750620',
  sex: 'M',
  expiryDate: expiryIn(3),
};
const STOP_LIST = [
  'id,names,aliases,dob,nationality,documents,reason,valid_until,list',
  'NSL-6100,Meer Ahmed Karokhail,Mir Ahmad Karokhel|Mirza Karokhel,1975-06-20,AFG,passport:P6100101:AFG,"Removal order 2025/61",2031-12-31,entry-ban',
  'NSL-6101,Olga Ivanova,,1980..1983,RUS|UKR,,Overstay and removal order,,entry-ban',
].join('\n');

let browser: Browser;

before(async () => {
  const admin = await adminToken();
  await ensurePost(admin, POST, 'Ghulam Khan');
  await ensureUser(admin, { username: OFFICER, displayName: 'Naveed Dawar', roles: ['officer'], posts: [POST] });
  const officer = await login(OFFICER);
  await enrolWithPassport(officer, POST, PERSON, { surnameLatin: 'KAROKHEL', givenNamesLatin: 'MIR AHMAD', birthDate: '1975-06-20', sex: 'M', nationality: 'AFG' }, PASSPORT);
  const imported = await call('POST', '/api/watchlists/import', { format: 'csv', text: STOP_LIST }, admin);
  assert.ok(imported.status === 201 || imported.status === 200, `watchlist import answered ${imported.status}: ${JSON.stringify(imported.json)}`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a watchlisted traveller raises an explained alert, and R with a reason sends them to secondary inspection', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, OFFICER, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lane console' }).click();
  await page.getByRole('heading', { name: 'Lane console', level: 1 }).waitFor();
  await page.locator('#lane-mrz').focus();
  const [line1, line2] = td3(PASSPORT);
  await page.keyboard.type(`${line1}\n${line2}\n`);
  await page.getByLabel('Right index: template or image file').setInputFiles(templateFile(PERSON, 2, 3));
  await page.getByLabel('Left index: template or image file').setInputFiles(templateFile(PERSON, 7, 3));

  // The alert and its explanation.
  await page.getByTestId('recommendation').getByText('Alert', { exact: true }).waitFor();
  const hit = page.getByTestId('watchlist-hit');
  await hit.getByText('national NSL-6100: Meer Ahmed Karokhail').waitFor();
  await hit.getByText('Name: “MIR AHMAD KAROKHEL” matched the alias “Mir Ahmad Karokhel”', { exact: false }).waitFor();
  assert.match(await hit.innerText(), /Name parts: .*KAROKHEL ↔ KAROKHEL \(100 %\)/i);
  assert.equal(await hit.locator('dt:text-is("Date of birth") + dd').innerText(), 'agrees');
  assert.equal(await hit.locator('dt:text-is("Nationality") + dd').innerText(), 'agrees');
  await hit.getByText('P6100101 matches listed P6100101 (passport)').waitFor();
  await page.getByText('Watchlist hit', { exact: true }).waitFor();
  // Fingers verify: the person is the passport holder, and listed.
  assert.equal(await page.getByTestId('confidence').innerText(), 'Strong');
  // Only a supervisor clears an alert.
  assert.ok(await page.getByRole('button', { name: 'Clear (Enter)' }).isDisabled());
  await page.getByText('Only a supervisor clears an alert: refer or refuse.').waitFor();
  await assertAccessible(page, 'lane console, watchlist alert');
  await screenshot(page, 'lane-05-watchlist-alert');

  // F opens the refusal; Escape cancels it and nothing is recorded.
  await page.keyboard.press('f');
  const refuse = page.getByRole('dialog', { name: 'Refuse entry or exit' });
  await refuse.waitFor();
  await page.keyboard.press('Escape');
  await refuse.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Refer to secondary (R)' }).waitFor();

  // R, a listed reason with details, Enter.
  await page.keyboard.press('r');
  const refer = page.getByRole('dialog', { name: 'Refer to secondary inspection' });
  await refer.waitFor();
  assert.ok(await refer.getByRole('radio', { name: 'Watchlist hit to examine' }).isChecked());
  await assertAccessible(page, 'refer dialog');
  await screenshot(page, 'lane-06-refer-reason');
  await refer.getByLabel('Details').fill('National stop list NSL-6100, removal order');
  await page.keyboard.press('Enter');
  await page.getByTestId('crossing-status').getByText('In secondary inspection').waitFor();
  await screenshot(page, 'lane-07-in-secondary');

  // The server has the referral with the reason.
  const officer = await login(OFFICER);
  const queue = await must<{ crossings: { id: string; status: string; traveller: { surnameLatin: string } | null; decisions: { decision: string; reason: string }[] }[] }>(
    200,
    'GET',
    `/api/crossings?post=${POST}&status=in_secondary`,
    undefined,
    officer,
  );
  const referred = queue.crossings.find((c) => c.traveller?.surnameLatin === 'KAROKHEL');
  assert.ok(referred, 'the crossing is in the secondary queue');
  assert.deepEqual(referred.decisions.map((d) => [d.decision, d.reason]), [['refer_secondary', 'Watchlist hit to examine: National stop list NSL-6100, removal order']]);

  // Enter: the next traveller.
  await page.keyboard.press('Enter');
  await page.locator('#lane-mrz').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lane-mrz');
  w.assertClean();
  await w.close();
});
