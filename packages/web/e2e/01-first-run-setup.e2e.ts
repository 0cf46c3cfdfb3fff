/**
 * Journey: a new installation. The browser lands on first-run setup, the operator pastes the one-time token that
 * `sarhad serve` printed, creates the administrator, and signs in to an administrator's navigation.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { call } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, navigationLinks, openPage, screenshot, signIn } from './helpers/browser.js';
import { ADMIN, SETUP_TOKEN } from './helpers/env.js';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

test('first-run setup with the printed token creates the administrator, who signs in', async (t) => {
  const setup = await call<{ required: boolean }>('GET', '/api/setup');
  if (!setup.json.required) return t.skip('setup was already done on this server (this journey must run first)');
  assert.match(SETUP_TOKEN, /^sarhad_setup_/, 'the runner passes the token printed by sarhad serve');

  const w = await openPage(browser, '/');
  const { page } = w;
  await page.getByRole('heading', { name: 'First-run setup', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/setup');
  await assertAccessible(page, 'setup');
  await screenshot(page, 'setup-01-first-run');

  // A mismatch is caught before anything is sent.
  await page.getByLabel('Setup token').fill(SETUP_TOKEN);
  await page.getByLabel('Administrator username').fill(ADMIN.username);
  await page.getByLabel('Full name').fill(ADMIN.displayName);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat the password').fill(`${ADMIN.password}x`);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await page.getByText('The two passwords differ.').waitFor();

  await page.getByLabel('Repeat the password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByText(`The administrator ${ADMIN.username} was created. Sign in now.`).waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.getByLabel('Username').inputValue(), ADMIN.username, 'the new username is filled in');
  await screenshot(page, 'setup-02-login-after-setup');

  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.deepEqual(await navigationLinks(page), [
    'Overview',
    'Watchlists',
    'Users',
    'Posts and lanes',
    'Devices',
    'Retention',
    'Audit log',
    'My account',
  ]);
  await page.getByText(`Signed in as ${ADMIN.displayName}`).waitFor();
  await assertAccessible(page, 'administrator overview');
  await screenshot(page, 'setup-03-admin-overview');

  // Setup is over: the page is gone for good, and a reload keeps the session.
  assert.deepEqual((await call('GET', '/api/setup')).json, { required: false });
  await page.reload();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
  w.assertClean();
  await w.close();
});

test('a signed-out visitor to a page is sent to the login page, and the administrator signs in there', async () => {
  const w = await openPage(browser, '/admin/users');
  await w.page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  assert.equal(new URL(w.page.url()).pathname, '/login');
  await signIn(w.page, ADMIN.username, ADMIN.password);
  await w.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  w.assertClean();
  await w.close();
});
