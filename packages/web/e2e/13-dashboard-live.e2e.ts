/**
 * Journey: the post dashboard updates live. A supervisor opens the dashboard of Angoor Adda; crossings are then
 * submitted and decided through the API, as the lanes would, and the page follows over server-sent events without
 * being reloaded: today's count, the bar of the current hour in the chart, the lane's figures and the queue of
 * referrals. Then the same page in Urdu, right to left.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { adminToken, ensurePost, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';

const POST = 'ANG';
const TIME_ZONE = 'Asia/Karachi'; // ensurePost's default
const OFFICER = 'ang.officer';
const SUPERVISOR = 'ang.supervisor';
const SUBMITTED = 3; // crossings sent while the page is open

let browser: Browser;
let officer: string;
let key = 0;

/** A crossing on an unregistered passport, without fingers: answered `secondary`. */
const cross = async () =>
  (
    await must<{ crossing: { id: string; recommendation: string } }>(
      201,
      'POST',
      '/api/crossings',
      { post: POST, lane: 'E01', direction: 'in', idempotencyKey: `e2e-13-${Date.now()}-${++key}`, document: { type: 'passport', number: `A${1300000 + key}` } },
      officer,
    )
  ).crossing;

/** The wall-clock hour at the post now. */
const hourAtPost = () => Number(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));

/** Crossings today as the page shows them, and the bar of the hour at the post (0 when it has no bar). */
async function shown(page: Page, hour: number): Promise<{ total: number; bar: number }> {
  const total = Number(await page.getByTestId('crossings-today').getAttribute('data-value'));
  const bar = page.locator(`[data-testid="hourly-chart"] rect[data-hour="${hour}"]`);
  return { total, bar: (await bar.count()) ? Number(await bar.getAttribute('data-count')) : 0 };
}

before(async () => {
  const admin = await adminToken();
  await ensurePost(admin, POST, 'Angoor Adda');
  await ensureUser(admin, { username: OFFICER, displayName: 'Saima Wazir', roles: ['officer'], posts: [POST] });
  await ensureUser(admin, { username: SUPERVISOR, displayName: 'Iqbal Mehsud', roles: ['supervisor'], posts: [POST] });
  officer = await login(OFFICER);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('crossings submitted through the API change the count, the chart and the queue without a reload', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, SUPERVISOR, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Post dashboard' }).click();
  await page.getByRole('heading', { name: 'Post dashboard', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Today at ANG · Angoor Adda' }).waitFor();
  await page.getByTestId('live-state').getByText('Live', { exact: true }).waitFor();
  await assertAccessible(page, 'dashboard');
  await screenshot(page, 'dashboard-01-open');

  const hour = hourAtPost();
  const before = await shown(page, hour);
  const referrals = Number(await page.getByTestId('queue-count-referral').innerText());
  // A marker that a reload would wipe.
  await page.evaluate(() => {
    (window as unknown as { sarhadNoReload: boolean }).sarhadNoReload = true;
  });

  const ids: string[] = [];
  for (let i = 0; i < SUBMITTED; i++) ids.push((await cross()).id);
  await page.waitForFunction(
    (expected) => Number(document.querySelector('[data-testid="crossings-today"]')?.getAttribute('data-value')) === expected,
    before.total + SUBMITTED,
  );
  // The hour may have turned while the crossings were sent; then they are in the new hour's bar.
  const after = await shown(page, hourAtPost());
  assert.equal(after.total, before.total + SUBMITTED);
  assert.equal(after.bar, hourAtPost() === hour ? before.bar + SUBMITTED : SUBMITTED);
  const lane = page.getByRole('row', { name: /^E01/ });
  assert.equal(await lane.locator('td').first().innerText(), String(after.total));
  await screenshot(page, 'dashboard-02-after-crossings');

  // The officer refers one to secondary inspection: it joins the supervisor's queue, and the lane has a decision.
  await must(200, 'POST', `/api/crossings/${ids[0]}/decision`, { decision: 'refer_secondary', reason: 'passport not registered' }, officer);
  await page.getByTestId('queue-count-referral').getByText(String(referrals + 1), { exact: true }).waitFor();
  await page.getByRole('link', { name: /^Open Referral of / }).first().waitFor();
  assert.notEqual(await lane.locator('td').nth(3).innerText(), '—', 'a median processing time once a crossing is decided');
  assert.equal(await page.evaluate(() => (window as unknown as { sarhadNoReload?: boolean }).sarhadNoReload), true, 'the page was not reloaded');
  await assertAccessible(page, 'dashboard after updates');
  await screenshot(page, 'dashboard-03-referral-queued');

  // In Urdu, right to left, still live.
  await page.getByLabel('Language').selectOption('ur');
  await page.getByRole('heading', { name: 'چوکی ڈیش بورڈ', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await cross();
  await page.waitForFunction(
    (expected) => Number(document.querySelector('[data-testid="crossings-today"]')?.getAttribute('data-value')) === expected,
    before.total + SUBMITTED + 1,
  );
  await assertAccessible(page, 'dashboard in Urdu');
  await screenshot(page, 'dashboard-04-urdu');
  await page.getByLabel('زبان').selectOption('en');
  w.assertClean();
  await w.close();
});
