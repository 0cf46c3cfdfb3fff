/**
 * Journey: the login form by keyboard alone, as an officer at a counter uses it. Tab order follows the page
 * (language, username, password, sign in), each stop shows a visible focus outline, Enter submits, a wrong
 * password is announced and keeps focus usable, and the signed-in page is reachable with the skip link.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { adminToken, ensureUser } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, openPage, screenshot } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';

let browser: Browser;
before(async () => {
  const token = await adminToken();
  await ensureUser(token, { username: 'kb.auditor', displayName: 'Keyboard Auditor', roles: ['auditor'], allPosts: true });
  browser = await launch();
});
after(async () => {
  await browser.close();
});

/** What has focus: its accessible label or text, and whether a focus outline is drawn. */
async function focused(page: Page): Promise<{ label: string; outline: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { label: '', outline: false };
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    const style = getComputedStyle(el);
    return { label: label.trim(), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
  });
}

test('the login form works by keyboard alone, with a visible focus at every stop', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  // The page opens with focus on the username field.
  assert.equal((await focused(page)).label, 'Username');

  await page.keyboard.press('Shift+Tab');
  const language = await focused(page);
  assert.equal(language.label, 'Language');
  assert.ok(language.outline, 'the language switch shows its focus');

  const stops: string[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    assert.ok(stop.outline, `${stop.label} shows its focus`);
    stops.push(stop.label);
  }
  assert.deepEqual(stops, ['Username', 'Password', 'Sign in']);

  // A wrong password: announced in an alert, the password emptied, focus kept in the form.
  w.allow(/status of 401/);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('kb.auditor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('not-the-password');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
  await assertAccessible(page, 'login with an error');
  await screenshot(page, 'keyboard-01-wrong-password');

  await page.getByLabel('Password', { exact: true }).focus();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();

  // From the top of the signed-in page, the first Tab reaches the skip link, which moves focus to the content.
  await page.goto('/');
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.equal(skip.label, 'Skip to main content');
  assert.ok(skip.outline);
  await screenshot(page, 'keyboard-02-skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

  // Navigation by keyboard: the audit link is in the tab order and opens its page with Enter.
  const auditLink = page.getByRole('link', { name: 'Audit log' }).first();
  await auditLink.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/audit');
  w.assertClean();
  await w.close();
});
