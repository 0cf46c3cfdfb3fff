/**
 * Journey: every role signs in and finds the navigation its role opens, no more; a page opened by URL outside the
 * role says so; signing out returns to the login page and the session is gone.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { adminToken, call, ensurePost, ensureUser } from './helpers/api.js';
import { launch, navigationLinks, openPage, screenshot, signIn } from './helpers/browser.js';
import { PASSWORD } from './helpers/env.js';

/** Each role, a user holding only it, and the navigation it must show. */
const CASES = [
  { role: 'officer', name: 'Lane officer', posts: ['TKM'], nav: ['Overview', 'Lane console', 'Enrolment', 'Traveller search', 'Overstays', 'My account'] },
  { role: 'enrolment_officer', name: 'Enrolment officer', posts: ['TKM'], nav: ['Overview', 'Enrolment', 'Traveller search', 'Overstays', 'My account'] },
  { role: 'supervisor', name: 'Supervisor', posts: ['TKM'], nav: ['Overview', 'Lane console', 'Post dashboard', 'Supervisor queue', 'Enrolment', 'Traveller search', 'Overstays', 'Crossing flows', 'My account'] },
  { role: 'analyst', name: 'Analyst', allPosts: true, nav: ['Overview', 'Traveller search', 'Overstays', 'Crossing flows', 'My account'] },
  { role: 'watchlist_manager', name: 'Watchlist manager', allPosts: true, nav: ['Overview', 'Watchlists', 'My account'] },
  { role: 'admin', name: 'Administrator', posts: ['TKM'], nav: ['Overview', 'Watchlists', 'Users', 'Posts and lanes', 'Devices', 'Retention', 'Audit log', 'My account'] },
  { role: 'auditor', name: 'Auditor', allPosts: true, nav: ['Overview', 'Audit log', 'My account'] },
] as const;

let browser: Browser;
before(async () => {
  const token = await adminToken();
  await ensurePost(token, 'TKM', 'Torkham');
  for (const c of CASES) {
    await ensureUser(token, {
      username: `nav.${c.role.replace('_', '-')}`,
      displayName: `${c.name} (navigation)`,
      roles: [c.role],
      posts: 'posts' in c ? [...c.posts] : [],
      allPosts: 'allPosts' in c,
    });
  }
  browser = await launch();
});
after(async () => {
  await browser.close();
});

for (const c of CASES) {
  test(`the ${c.role} role (${c.name}) sees its navigation, not the pages of other roles, and signs out`, async () => {
    const username = `nav.${c.role.replace('_', '-')}`;
    const w = await openPage(browser, '/login');
    const { page } = w;
    await signIn(page, username, PASSWORD);
    assert.deepEqual(await navigationLinks(page), c.nav);
    await page.getByRole('region', { name: 'Your roles' }).getByText(c.name, { exact: true }).waitFor();
    await screenshot(page, `roles-${c.role}`);

    if (!(c.nav as readonly string[]).includes('Users')) {
      await page.goto('/admin/users');
      await page.getByRole('heading', { name: 'Your roles do not give access to this page.', level: 1 }).waitFor();
    }

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    const cookies = await w.context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'sarhad_session');
    assert.ok(!session || session.value === '', 'the session cookie is cleared');
    w.assertClean();
    await w.close();
  });
}

test('a session ended on the server sends the user back to the login page with a note', async () => {
  const token = await adminToken();
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, 'nav.analyst', PASSWORD);
  // The administrator resets the analyst's password: every session of theirs ends at once.
  const users = (await call<{ users: { id: string; username: string }[] }>('GET', '/api/users', undefined, token)).json.users;
  const analyst = users.find((u) => u.username === 'nav.analyst')!;
  assert.equal((await call('POST', `/api/users/${analyst.id}/password`, { password: PASSWORD }, token)).status, 204);

  w.allow(/status of 401/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Traveller search' }).click();
  await page.getByLabel('Surname (Latin letters)').fill('KHAN');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('Your session has ended. Sign in again.').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  w.assertClean();
  await w.close();
});
