/**
 * Journey: an officer's first sign-in with the password the administrator gave them. The application shows only
 * "Choose your own password" (no navigation) until it is changed; a wrong given password is announced; the change
 * is made by keyboard alone and opens the application in the same session; the given password stops working.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { adminToken, call, ensurePost, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, navigationLinks, openPage, screenshot } from './helpers/browser.js';

const USERNAME = 'first.login';
const GIVEN = 'given-by-the-admin-1';
const OWN = 'only-i-know-this-one';

let browser: Browser;
before(async () => {
  const token = await adminToken();
  await ensurePost(token, 'TKM', 'Torkham');
  await must(201, 'POST', '/api/users', { username: USERNAME, displayName: 'Gul Khan', password: GIVEN, roles: ['officer'], posts: ['TKM'], allPosts: false }, token);
  browser = await launch();
});
after(async () => {
  await browser.close();
});

test('a new officer must choose their own password before anything else, by keyboard alone', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await page.getByLabel('Username').fill(USERNAME);
  await page.getByLabel('Password', { exact: true }).fill(GIVEN);
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Choose your own password', level: 1 }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no navigation before the change');
  await assertAccessible(page, 'forced password change');
  await screenshot(page, 'password-change-01-required');

  // The session is real but the server refuses everything else until the change.
  const signedIn = await call<{ token: string }>('POST', '/api/auth/login', { username: USERNAME, password: GIVEN });
  const refused = await call<{ error: { code: string } }>('GET', '/api/posts', undefined, signedIn.json.token);
  assert.deepEqual([refused.status, refused.json.error.code], [403, 'PASSWORD_CHANGE_REQUIRED']);

  // A wrong given password is announced; focus starts in the first field.
  w.allow(/status of 401/);
  const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');
  assert.equal(await focusedLabel(), 'Password you were given');
  await page.keyboard.type('not-what-i-was-given');
  await page.keyboard.press('Tab');
  await page.keyboard.type(OWN);
  await page.keyboard.press('Tab');
  await page.keyboard.type(OWN);
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'The current password is wrong.' }).waitFor();
  await screenshot(page, 'password-change-02-wrong-given-password');

  await page.getByLabel('Password you were given').fill(GIVEN);
  await page.getByLabel('Password you were given').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  const links = await navigationLinks(page);
  assert.ok(links.includes('Overview') && links.includes('My account'), `the officer's navigation: ${links.join(', ')}`);
  await page.getByRole('region', { name: 'Your posts' }).getByText('TKM').waitFor();
  await screenshot(page, 'password-change-03-signed-in');

  // The given password no longer signs in; the other session (above) was ended by the change.
  assert.equal((await call('POST', '/api/auth/login', { username: USERNAME, password: GIVEN })).status, 401);
  assert.equal((await call('GET', '/api/auth/me', undefined, signedIn.json.token)).status, 401);
  assert.equal((await call('POST', '/api/auth/login', { username: USERNAME, password: OWN })).status, 200);
  w.assertClean();
  await w.close();
});
