/**
 * Journey: an analyst at headquarters looks for a person by name and by document number, opens the record and
 * reads its documents and movement history. The travellers and a crossing are recorded through the API by an officer
 * at Torkham beforehand, as the lane would.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { adminToken, call, ensurePost, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';

let browser: Browser;
let travellerId: string;

before(async () => {
  const token = await adminToken();
  await ensurePost(token, 'TKM', 'Torkham');
  await ensureUser(token, { username: 'tkm.officer', displayName: 'Bilal Shinwari', roles: ['officer'], posts: ['TKM'] });
  await ensureUser(token, { username: 'hq.analyst', displayName: 'Ayesha Siddiqui', roles: ['analyst'], allPosts: true });
  const officer = await login('tkm.officer');

  const found = await call<{ travellers: { id: string }[] }>('GET', '/api/travellers?surname=ZADRAN&givenNames=GUL%20AHMAD', undefined, officer);
  if (found.json.travellers.length) {
    travellerId = found.json.travellers[0]!.id;
    return;
  }
  const people = [
    { surnameLatin: 'ZADRAN', givenNamesLatin: 'GUL AHMAD', surnameOriginal: 'زدران', givenNamesOriginal: 'گل احمد', originalScript: 'Arab', fatherNameLatin: 'MIR AHMAD', birthDate: '1984-03-12', sex: 'M', nationality: 'AFG' },
    { surnameLatin: 'ZADRAN', givenNamesLatin: 'BIBI HAJIRA', surnameOriginal: 'زدران', givenNamesOriginal: 'بی بی هاجره', originalScript: 'Arab', birthDate: '1991', sex: 'F', nationality: 'AFG' },
    { surnameLatin: 'AFRIDI', givenNamesLatin: 'SHAHID', birthDate: '1979-11-02', sex: 'M', nationality: 'PAK' },
  ];
  const ids: string[] = [];
  for (const person of people) {
    const created = await must<{ traveller: { id: string } }>(201, 'POST', '/api/travellers', { post: 'TKM', ...person }, officer);
    ids.push(created.traveller.id);
  }
  travellerId = ids[0]!;
  await must(201, 'POST', `/api/travellers/${ids[0]}/documents`, { post: 'TKM', document: { type: 'e_tazkira', number: '1402-0123-45678' } }, officer);
  await must(201, 'POST', `/api/travellers/${ids[2]}/documents`, { post: 'TKM', document: { type: 'cnic', number: '17301-1234567-1' } }, officer);
  // Gul Ahmad enters at Torkham on his e-Tazkira; the officer clears him.
  const crossing = await must<{ crossing: { id: string; status: string; recommendation: string } }>(201, 'POST', '/api/crossings', {
    post: 'TKM',
    lane: 'E01',
    direction: 'in',
    idempotencyKey: `e2e-${ids[0]}-in`,
    document: { type: 'e_tazkira', number: '1402-0123-45678' },
  }, officer);
  await must(200, 'POST', `/api/crossings/${crossing.crossing.id}/decision`, { decision: 'clear', reason: 'Documents checked at the counter' }, officer);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the analyst finds travellers by name, opens a record, and finds one by document number', async () => {
  browser ??= await launch();
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, 'hq.analyst', PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Traveller search' }).click();
  await page.getByRole('heading', { name: 'Traveller search', level: 1 }).waitFor();

  // By name: both Zadrans, typed in lower case.
  await page.getByLabel('Surname (Latin letters)').fill('zadran');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('2 travellers found.').waitFor();
  const rows = page.getByRole('table').locator('tbody tr');
  assert.equal(await rows.count(), 2);
  await page.getByRole('cell', { name: 'زدران گل احمد' }).waitFor();
  await screenshot(page, 'analyst-01-name-results');

  await page.getByRole('button', { name: 'Open record of ZADRAN, GUL AHMAD' }).click();
  const record = page.getByRole('region', { name: 'Record: ZADRAN, GUL AHMAD' });
  await record.getByRole('cell', { name: '1402-0123-45678' }).waitFor();
  await record.getByText('MIR AHMAD').waitFor();
  await record.getByText('e-Tazkira').waitFor();
  // His movement history as a timeline: the cleared entry at Torkham, opening a stay in Pakistan still open.
  const timeline = record.getByRole('list', { name: 'Crossings' }).getByRole('listitem');
  await timeline.first().waitFor();
  assert.equal(await timeline.count(), 1);
  const item = await timeline.first().innerText();
  assert.match(item, /Entry at TKM/);
  assert.match(item, /Cleared/);
  assert.match(item, /In PAK since \d{4}-\d{2}-\d{2}: \d+ days so far/);
  const stay = record.getByRole('table', { name: 'Stays' }).locator('tbody tr');
  assert.equal(await stay.locator('td').first().innerText(), 'PAK');
  assert.equal(await stay.locator('td').nth(2).innerText(), 'Not left yet');
  await assertAccessible(page, 'traveller record');
  await screenshot(page, 'analyst-02-record');

  // Narrowed by birth year.
  await page.getByLabel('Given names').fill('');
  await page.getByLabel('Birth date').fill('1991');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('1 traveller found.').waitFor();
  await page.getByRole('button', { name: 'Open record of ZADRAN, BIBI HAJIRA' }).waitFor();

  // By document: a CNIC typed without hyphens.
  await page.getByRole('radio', { name: 'By document' }).check();
  await page.getByLabel('Document type').selectOption('cnic');
  await page.getByLabel('Document number').fill('1730112345671');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Open record of AFRIDI, SHAHID' }).waitFor();
  await page.getByText('1 traveller found.').waitFor();
  await screenshot(page, 'analyst-03-document-result');

  // Nothing found is said plainly.
  await page.getByLabel('Document number').fill('99999-9999999-9');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('No traveller matches this search.').waitFor();

  // Two weeks after his permitted stay ended he shows in the overstays report.
  const movements = await must<{ stays: { permitted: { until: string | null } | null }[] }>(200, 'GET', `/api/travellers/${travellerId}/movements`, undefined, await login('hq.analyst'));
  const until = movements.stays[0]?.permitted?.until;
  assert.ok(until, 'the stay has a last permitted day');
  const asOf = new Date(Date.parse(`${until}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overstays' }).click();
  await page.getByRole('heading', { name: 'Overstays', level: 1 }).waitFor();
  await page.getByLabel('As of', { exact: true }).fill(asOf);
  await page.getByRole('button', { name: 'Show report' }).click();
  await page.getByRole('heading', { name: `Overstays as of ${asOf}` }).waitFor();
  const overstay = page.getByRole('row', { name: /ZADRAN, GUL AHMAD/ });
  await overstay.getByText('14 days over').waitFor();
  await assertAccessible(page, 'overstays');
  await screenshot(page, 'analyst-04-overstays');

  // Each search and the record read are in the audit log.
  const auditor = await adminToken();
  const entries = await must<{ entries: { action: string; actor: string }[] }>(200, 'GET', `/api/audit/entries?subject=traveller:${travellerId}&limit=100`, undefined, auditor);
  assert.ok(entries.entries.some((e) => e.action === 'traveller.read'), JSON.stringify(entries.entries.map((e) => e.action)));
  w.assertClean();
  await w.close();
});
