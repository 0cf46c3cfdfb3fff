/**
 * Journey: a watchlist manager imports a national stop list in the browser and sees the change report, then imports
 * the next edition (one person removed, one added, one changed) and sees exactly that, and finds both versions in the
 * list of stored versions, browses the new one; imports OFAC's SDN files chosen together; a malformed file is refused
 * whole with its line. An administrator then sets retention periods. Other journeys import national lists
 * too, so the first import's report depends on what is stored; the second's is exact.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { adminToken, ensureUser } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { ADMIN, PASSWORD } from './helpers/env.js';

const HEADER = 'id,names,aliases,dob,nationality,documents,reason,valid_until,list';
/** Fictitious people; a run-specific suffix keeps the ids new on a database where the journey ran before. */
const run = Date.now().toString(36).toUpperCase();
const first = [
  HEADER,
  `E2E-${run}-1,Gul Bahadar Wazir,Gul Bahadur,1970-01-01,AFG,passport:P9000001:AFG,Forged documents,,entry-ban`,
  `E2E-${run}-2,Saleem Khan Marwat,,1982,PAK,,Removal order,,entry-ban`,
  `E2E-${run}-3,Noor Jahan Kakar,Nur Jahan,1990-05,AFG,,Court order,,entry-ban`,
].join('\n');
const second = [
  HEADER,
  `E2E-${run}-1,Gul Bahadar Wazir,Gul Bahadur,1970-01-01,AFG,passport:P9000001:AFG,Forged documents,,entry-ban`,
  `E2E-${run}-3,Noor Jahan Kakar,Nur Jahan|Noor Jehan,1990-05,AFG,,Court order,,entry-ban`,
  `E2E-${run}-4,Rahim Dad Mohmand,,1975,AFG,,Wanted on a warrant,,interpol`,
].join('\n');

let browser: Browser;

before(async () => {
  const token = await adminToken();
  await ensureUser(token, { username: 'hq.lists', displayName: 'Sana Baloch', roles: ['watchlist_manager'], allPosts: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the watchlist manager imports a national list, sees the change report and the versions', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, 'hq.lists', PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Watchlists' }).click();
  await page.getByRole('heading', { name: 'Watchlists', level: 1 }).waitFor();
  await assertAccessible(page, 'watchlists');

  const importFile = async (name: string, text: string) => {
    await page.getByLabel('List format').selectOption('csv');
    await page.getByLabel('List file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    // By keyboard: the Import button is the next stop after the file.
    await page.getByRole('button', { name: 'Import' }).focus();
    await page.keyboard.press('Enter');
  };

  await importFile('national-1.csv', first);
  const report = page.getByTestId('watchlist-report');
  await report.getByText(/^Saved as version /).waitFor();
  for (const n of [1, 2, 3]) await report.getByTestId('watchlist-added').getByText(`E2E-${run}-${n}`, { exact: true }).waitFor();
  await screenshot(page, 'watchlists-01-first-import');

  await importFile('national-2.csv', second);
  await report.getByText(/^Saved as version /).waitFor();
  await report.getByRole('heading', { name: 'Added (1)' }).waitFor();
  assert.deepEqual(await report.getByTestId('watchlist-added').locator('li').allInnerTexts(), [`E2E-${run}-4`]);
  await report.getByRole('heading', { name: 'Removed (1)' }).waitFor();
  assert.deepEqual(await report.getByTestId('watchlist-removed').locator('li').allInnerTexts(), [`E2E-${run}-2`]);
  await report.getByRole('heading', { name: 'Changed (1)' }).waitFor();
  assert.match((await report.getByTestId('watchlist-changed').locator('li').allInnerTexts()).join(), new RegExp(`^E2E-${run}-3`));
  await report.getByText('Unchanged entries: 1.').waitFor();
  // The versions table lists the new version first.
  const newest = page.getByTestId('watchlist-versions').locator('tbody tr').first();
  await newest.getByRole('cell', { name: 'national' }).waitFor();
  await newest.getByRole('cell', { name: '3', exact: true }).waitFor();
  await assertAccessible(page, 'watchlist change report');
  await screenshot(page, 'watchlists-02-change-report');

  // Browse the new version and find one person in it by an alias.
  await newest.getByRole('button', { name: /^Browse the entries of version / }).click();
  const entries = page.getByTestId('watchlist-entries');
  await entries.getByRole('row', { name: new RegExp(`^E2E-${run}-4 `) }).waitFor();
  await entries.getByRole('textbox', { name: 'Find in this version' }).fill('jehan');
  await entries.getByRole('textbox', { name: 'Find in this version' }).press('Enter');
  await entries.getByRole('row', { name: new RegExp(`^E2E-${run}-4 `) }).waitFor({ state: 'detached' });
  await entries.getByRole('row', { name: new RegExp(`^E2E-${run}-3 Noor Jahan Kakar`) }).waitFor();
  assert.equal(await entries.locator('tbody tr').count(), 1);
  await assertAccessible(page, 'watchlist entries');
  await screenshot(page, 'watchlists-03-entries');

  // OFAC's SDN set: the files chosen together; without alt.csv and add.csv the page asks for them first.
  const ofac = (name: string) => ({ name, mimeType: 'text/csv', buffer: readFileSync(new URL(`../../screening/test/fixtures/ofac/${name}`, import.meta.url)) });
  await page.getByLabel('List format').selectOption('ofac');
  await page.getByLabel('The SDN files').setInputFiles([ofac('sdn.csv')]);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByText('Missing: alt.csv, add.csv.').waitFor();
  await page.getByLabel('The SDN files').setInputFiles(['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map(ofac));
  await page.getByRole('button', { name: 'Import' }).click();
  await report.getByText(/^(Saved as|Identical to) version /).waitFor();
  await page.getByTestId('watchlist-versions').getByRole('cell', { name: 'ofac', exact: true }).first().waitFor();

  // A broken file: refused whole, with the line.
  w.allow(/status of 400/);
  await importFile('broken.csv', `${HEADER}\nE2E-${run}-5,"Unclosed quote,,1970,AFG,,x,,entry-ban\n`);
  await page.getByRole('alert').filter({ hasText: /line/ }).waitFor();
  await screenshot(page, 'watchlists-04-malformed');
  w.assertClean();
  await w.close();
});

test('the administrator sets retention periods within their bounds', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).click();
  await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
  await assertAccessible(page, 'retention');
  // The audit log below its legal minimum is refused.
  w.allow(/status of 400/);
  const audit = page.locator('tr[data-class="audit_log"]');
  await audit.getByLabel('Keep for ever').uncheck();
  await page.getByLabel('Days to keep: Audit log').fill('100');
  await page.getByRole('button', { name: 'Save periods' }).click();
  await page.getByRole('alert').filter({ hasText: 'RETENTION_PERIOD_INVALID' }).waitFor();
  // Travellers never enrolled: 900 days; the audit log kept for ever again.
  await audit.getByLabel('Keep for ever').check();
  await page.getByLabel('Days to keep: Travellers never enrolled').fill('900');
  await page.getByRole('button', { name: 'Save periods' }).press('Enter');
  await page.getByText('The periods are saved; the next purge uses them.').waitFor();
  assert.equal(await page.getByLabel('Days to keep: Travellers never enrolled').inputValue(), '900');
  await page.locator('tr[data-class="unenrolled_travellers"]').getByText(/admin$/).waitFor();
  await screenshot(page, 'retention-01-settings');
  w.assertClean();
  await w.close();
});
