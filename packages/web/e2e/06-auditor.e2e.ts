/**
 * Journey: an outside auditor signs in, sees the audit chain verified with its latest hash, and downloads a
 * checkpoint that matches what the server vouches for.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { adminToken, ensureUser, login, must } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, navigationLinks, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';

let browser: Browser;
before(async () => {
  const token = await adminToken();
  await ensureUser(token, { username: 'ext.auditor', displayName: 'Rukhsana Baig', roles: ['auditor'], allPosts: true });
  browser = await launch();
});
after(async () => {
  await browser.close();
});

test('the auditor sees the chain verified and downloads a checkpoint', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, 'ext.auditor', PASSWORD);
  assert.deepEqual(await navigationLinks(page), ['Overview', 'Audit log', 'My account']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  const verdict = page.getByTestId('audit-verdict');
  await verdict.waitFor();
  assert.match(await verdict.innerText(), /^Chain verified: [\d,]+ entries intact\.$/);
  const hash = await page.locator('dd.hash').innerText();
  assert.match(hash, /^[0-9a-f]{64}$/);
  await assertAccessible(page, 'audit');
  await screenshot(page, 'auditor-01-chain-verified');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download checkpoint' }).click()]);
  const path = await download.path();
  const checkpoint = JSON.parse(await readFile(path, 'utf8')) as { seq: number; hash: string; time: string | null };
  assert.match(download.suggestedFilename(), new RegExp(`^sarhad-audit-checkpoint-${checkpoint.seq}\\.json$`));
  await page.getByText(`Checkpoint #${checkpoint.seq} downloaded as ${download.suggestedFilename()}.`).waitFor();
  assert.match(checkpoint.hash, /^[0-9a-f]{64}$/);

  // The server's own verification agrees that the chain holds the exported checkpoint.
  const verification = await must<{ ok: boolean; entries: number }>(200, 'GET', '/api/audit/verify', undefined, await login('ext.auditor'));
  assert.equal(verification.ok, true);
  assert.ok(verification.entries >= checkpoint.seq);
  await screenshot(page, 'auditor-02-checkpoint-downloaded');

  // The latest entries, then only those about the administrator's account.
  const entries = page.getByRole('region', { name: 'Entries', exact: true });
  await entries.getByRole('cell', { name: 'auth.login', exact: true }).first().waitFor();
  const admin = (await must<{ users: { id: string; username: string }[] }>(200, 'GET', '/api/users', undefined, await adminToken())).users.find((u) => u.username === 'admin')!;
  await entries.getByLabel('Subject').fill(`user:${admin.id}`);
  await entries.getByRole('button', { name: 'Show' }).click();
  // Wait until the table shows the filtered page (the earlier page stays on screen while the next loads).
  await page.waitForFunction((subject) => {
    const cells = Array.from(document.querySelectorAll('section[aria-labelledby="audit-entries"] tbody tr td:nth-child(5)'));
    return cells.length > 0 && cells.every((cell) => cell.textContent === subject);
  }, `user:${admin.id}`);
  await entries.getByRole('cell', { name: 'user.created', exact: true }).waitFor();
  await assertAccessible(page, 'audit entries');
  await screenshot(page, 'auditor-03-entries-of-a-user');

  // Verify again re-runs the check.
  await page.getByRole('button', { name: 'Verify again' }).click();
  await verdict.waitFor();
  w.assertClean();
  await w.close();
});
