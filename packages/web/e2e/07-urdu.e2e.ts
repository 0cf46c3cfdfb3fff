/**
 * Journey: the interface in Urdu. The language switch on the login page turns the page right to left
 * (`<html lang="ur" dir="rtl">`), the navigation moves to the right-hand side, the choice survives sign-in and a
 * reload, and switching back restores English.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { adminToken } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot } from './helpers/browser.js';
import { ADMIN } from './helpers/env.js';

let browser: Browser;
before(async () => {
  await adminToken();
  browser = await launch();
});
after(async () => {
  await browser.close();
});

test('switching to Urdu renders the interface right to left, through sign-in and back', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await page.getByLabel('Language').selectOption('ur');
  await page.getByRole('heading', { name: 'سائن ان', level: 1 }).waitFor();
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ur', 'rtl']);
  // Right to left: the card's labels start at its right edge.
  const label = await page.getByText('صارف نام', { exact: true }).boundingBox();
  const card = await page.locator('.public__card').boundingBox();
  assert.ok(label && card && label.x + label.width > card.x + card.width - 40, 'labels are right-aligned');
  await assertAccessible(page, 'Urdu login');
  await screenshot(page, 'urdu-01-login');

  await page.getByLabel('صارف نام').fill(ADMIN.username);
  await page.getByLabel('پاس ورڈ', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'سائن ان' }).click();
  const nav = page.getByRole('navigation', { name: 'مرکزی' });
  await nav.waitFor();
  assert.deepEqual(await nav.getByRole('link').allInnerTexts(), [
    'جائزہ',
    'نگرانی فہرستیں',
    'صارفین',
    'چوکیاں اور لینیں',
    'آلات',
    'ریکارڈ کی مدت',
    'آڈٹ لاگ',
    'میرا اکاؤنٹ',
  ]);
  const navBox = await nav.boundingBox();
  const mainBox = await page.locator('main').boundingBox();
  assert.ok(navBox && mainBox && navBox.x > mainBox.x, 'the navigation is on the right of the content');

  await nav.getByRole('link', { name: 'صارفین' }).click();
  await page.getByRole('heading', { name: 'صارفین', level: 1 }).waitFor();
  await page.getByRole('columnheader', { name: 'کردار' }).waitFor();
  await assertAccessible(page, 'Urdu users');
  await screenshot(page, 'urdu-02-users');

  await page.reload();
  await page.getByRole('heading', { name: 'صارفین', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');

  await page.getByLabel('زبان').selectOption('en');
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['en', 'ltr']);
  w.assertClean();
  await w.close();
});
