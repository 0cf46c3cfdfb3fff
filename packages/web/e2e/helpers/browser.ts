/**
 * The browser under test: Debian's Chromium (never a downloaded build) through playwright-core, at the laptop
 * size of a post counter (1366x768). Every page fails its test on a console error or an uncaught exception,
 * except the few a test announces (a wrong password answers 401 and Chromium logs that).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL, CHROMIUM, SCREENSHOTS } from './env.js';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Tolerate console errors matching `pattern` from now on (an expected 401, say). */
  allow(pattern: RegExp): void;
  /** Fails when the page logged an error or threw. */
  assertClean(): void;
  close(): Promise<void>;
}

/** A fresh browser context (no cookies, no storage) and a page in it, watched for errors. */
export async function openPage(browser: Browser, path = '/'): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: BASE_URL, acceptDownloads: true });
  context.setDefaultTimeout(15_000); // 15 s: generous on a busy machine, short enough to fail fast
  // tsx compiles these files with esbuild's keepNames, which wraps named functions in `__name(...)`; functions
  // passed to page.evaluate run in the page, so the page gets the same (identity) helper.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} (${message.location().url})`;
    if (!allowed.some((p) => p.test(text))) errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // A download's navigation is cancelled by design once the file is saved.
    if (!/ERR_ABORTED/.test(failure)) errors.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
  });
  await page.goto(path);
  return {
    page,
    context,
    allow: (pattern) => allowed.push(pattern),
    assertClean: () => assert.deepEqual(errors, [], `the browser reported errors:\n${errors.join('\n')}`),
    close: () => context.close(),
  };
}

/** Saves a full-page screenshot as screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login form. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** The names of the links in the main navigation, in order. */
export async function navigationLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
}
