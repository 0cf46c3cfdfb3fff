/**
 * Journey: an analyst at headquarters opens the crossing flows, sees the day's crossings at Ghulam Khan on the charts
 * and in their tables, and exports the report as CSV by keyboard; the downloaded file has the header row and the
 * same counts. Ghulam Khan is this journey's own post, so its counts are exactly the three crossings recorded
 * here through the API by its officer (two in, one out), as the lane would.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { adminToken, call, ensurePost, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';

const POST = 'GHK';
let browser: Browser;
/** Today at the post (Asia/Karachi), as the report counts days. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

before(async () => {
  const token = await adminToken();
  await ensurePost(token, POST, 'Ghulam Khan');
  // ensurePost gives an entry lane; exits go through an exit lane (taken already when the journey runs again).
  const exitLane = await call('POST', `/api/posts/${POST}/lanes`, { code: 'X01', name: 'Exit 1', direction: 'exit' }, token);
  assert.ok([201, 409].includes(exitLane.status), JSON.stringify(exitLane.json));
  await ensureUser(token, { username: 'ghk.officer', displayName: 'Zarina Dawar', roles: ['officer'], posts: [POST] });
  await ensureUser(token, { username: 'hq.flows', displayName: 'Imran Yousafzai', roles: ['analyst'], allPosts: true });
  const officer = await login('ghk.officer');
  const found = await call<{ travellers: { id: string }[] }>('GET', '/api/travellers?surname=DAWAR&givenNames=KHAN%20ZAMAN', undefined, officer);
  if (found.json.travellers.length === 0) {
    const created = await must<{ traveller: { id: string } }>(201, 'POST', '/api/travellers', { post: POST, surnameLatin: 'DAWAR', givenNamesLatin: 'KHAN ZAMAN', birthDate: '1981-06-01', sex: 'M', nationality: 'AFG' }, officer);
    await must(201, 'POST', `/api/travellers/${created.traveller.id}/documents`, { post: POST, document: { type: 'tazkira', number: '1399-77-4455' } }, officer);
    for (const [i, direction] of (['in', 'out', 'in'] as const).entries()) {
      await must(201, 'POST', '/api/crossings', { post: POST, lane: direction === 'in' ? 'E01' : 'X01', direction, idempotencyKey: `e2e-flows-${created.traveller.id}-${i}`, document: { type: 'tazkira', number: '1399-77-4455' } }, officer);
    }
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the analyst sees the flows of a post and exports them as CSV', async () => {
  browser ??= await launch();
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, 'hq.flows', PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Crossing flows' }).click();
  await page.getByRole('heading', { name: 'Crossing flows', level: 1 }).waitFor();

  // The last week, at Ghulam Khan only.
  await page.getByLabel('Post').selectOption(POST);
  await page.getByRole('button', { name: 'Show flows' }).click();
  const section = page.locator(`section[data-post="${POST}"]`);
  await section.getByTestId('flows-totals').filter({ hasText: '3 crossings: 2 in, 1 out' }).waitFor();
  const day = section.getByTestId('flows-by-day').locator(`g[data-key="${today}"]`);
  assert.equal(await day.getAttribute('data-in'), '2');
  assert.equal(await day.getAttribute('data-out'), '1');
  // The table alternative of the day chart, and the nationality and document tables.
  await section.getByText('Show the numbers as a table').first().click();
  await section.getByRole('row', { name: `${today.slice(5)} 2 1 3` }).waitFor();
  await section.getByRole('row', { name: 'AFG 2 1 3' }).waitFor();
  await section.getByRole('row', { name: 'Tazkira 2 1 3' }).waitFor();
  await assertAccessible(page, 'analyst flows');
  await screenshot(page, 'flows-01-report');

  // Export by keyboard: focus the link, Enter.
  const exportLink = page.getByRole('link', { name: 'Export CSV' });
  await exportLink.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), new RegExp(`^sarhad-flows-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}-${POST}\\.csv$`));
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.split('\r\n');
  assert.equal(lines[0], 'post,time_zone,dimension,value,in,out,total');
  assert.ok(lines.includes(`${POST},Asia/Karachi,day,${today},2,1,3`), csv);
  assert.ok(lines.includes(`${POST},Asia/Karachi,nationality,AFG,2,1,3`), csv);
  assert.ok(lines.includes(`${POST},Asia/Karachi,document_type,tazkira,2,1,3`), csv);
  assert.ok(lines.includes(`${POST},Asia/Karachi,total,total,2,1,3`), csv);
  const hourRows = lines.filter((l) => l.startsWith(`${POST},Asia/Karachi,hour,`));
  assert.equal(hourRows.length, 24);
  assert.equal(hourRows.reduce((sum, l) => sum + Number(l.split(',')[6]), 0), 3);

  // Urdu: the same report, right to left, the charts' time still running left to right.
  await page.getByLabel('Language').selectOption('ur');
  await page.getByRole('heading', { name: 'آمد و رفت کا بہاؤ', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await section.getByTestId('flows-totals').filter({ hasText: 'داخل' }).waitFor();
  await assertAccessible(page, 'analyst flows in Urdu');
  await screenshot(page, 'flows-02-urdu');
  await page.getByLabel('زبان').selectOption('en');
  w.assertClean();
  await w.close();
});
