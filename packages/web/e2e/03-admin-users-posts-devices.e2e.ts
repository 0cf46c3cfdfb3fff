/**
 * Journey: a headquarters administrator sets up a crossing. Creates the post and a lane, then a lane officer and a
 * supervisor granted only that post, registers a capture station (its key shown once), disables and re-enables an
 * account; the officer then signs in and sees the post as theirs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { adminToken, call, login } from './helpers/api.js';
import { assertAccessible } from './helpers/accessibility.js';
import { launch, navigationLinks, openPage, screenshot, signIn } from './helpers/browser.js';
import { ADMIN, PASSWORD } from './helpers/env.js';

let browser: Browser;
before(async () => {
  await adminToken(); // first-run setup through the API when this journey runs alone
  browser = await launch();
});
after(async () => {
  await browser.close();
});

async function goTo(page: Page, link: string, heading: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function createUser(page: Page, user: { username: string; displayName: string; role: string; post: string }) {
  const form = page.getByRole('region', { name: 'Create a user' });
  await form.getByLabel('Username').fill(user.username);
  await form.getByLabel('Full name').fill(user.displayName);
  await form.getByLabel('Initial password').fill(PASSWORD);
  await form.getByRole('group', { name: 'Roles' }).getByLabel(user.role, { exact: true }).check();
  await form.getByRole('group', { name: 'Posts' }).getByLabel(user.post).check();
  await form.getByRole('button', { name: 'Create user' }).click();
  await page.getByRole('status').filter({ hasText: `User ${user.username} created.` }).waitFor();
}

test('the administrator creates a post with a lane, an officer and a supervisor scoped to it, and a device', async () => {
  const w = await openPage(browser, '/login');
  const { page } = w;
  await signIn(page, ADMIN.username, ADMIN.password);

  // Posts and lanes.
  await goTo(page, 'Posts and lanes', 'Posts and lanes');
  const newPost = page.getByRole('region', { name: 'Create a post' });
  await newPost.getByLabel('Code').fill('GKN');
  await newPost.getByLabel('Name').fill('Ghulam Khan');
  await newPost.getByLabel('Side').selectOption('PK');
  await newPost.getByLabel('Time zone').fill('Asia/Karachi');
  // A bad code is refused by the server and the reason is shown next to the form.
  await newPost.getByLabel('Code').fill('G1');
  w.allow(/status of 400 .*\/api\/posts\)$/);
  await newPost.getByRole('button', { name: 'Create post' }).click();
  await newPost.getByRole('alert').filter({ hasText: 'Some fields are not valid: code:' }).waitFor();
  await newPost.getByLabel('Code').fill('GKN');
  await newPost.getByRole('button', { name: 'Create post' }).click();
  await page.getByRole('status').filter({ hasText: 'Post GKN created.' }).waitFor();

  const gkn = page.locator('section[data-post="GKN"]');
  await gkn.getByLabel('Lane code').fill('E01');
  await gkn.getByLabel('Lane name').fill('Pedestrian entry 1');
  await gkn.getByLabel('Direction').selectOption('entry');
  await gkn.getByRole('button', { name: 'Add lane' }).click();
  await page.getByRole('status').filter({ hasText: 'Lane E01 added to GKN.' }).waitFor();
  await gkn.getByLabel('Lane code').fill('X01');
  await gkn.getByLabel('Lane name').fill('Pedestrian exit 1');
  await gkn.getByLabel('Direction').selectOption('exit');
  await gkn.getByRole('button', { name: 'Add lane' }).click();
  await page.getByRole('status').filter({ hasText: 'Lane X01 added to GKN.' }).waitFor();
  await gkn.getByRole('cell', { name: 'Pedestrian exit 1' }).waitFor();
  await assertAccessible(page, 'posts and lanes');
  await screenshot(page, 'admin-01-posts-and-lanes');

  // Users scoped to the post.
  await goTo(page, 'Users', 'Users');
  await createUser(page, { username: 'gkn.officer', displayName: 'Imran Afridi', role: 'Lane officer', post: 'GKN' });
  await createUser(page, { username: 'gkn.supervisor', displayName: 'Sana Wazir', role: 'Supervisor', post: 'GKN' });
  const officerRow = page.locator('tr[data-username="gkn.officer"]');
  await officerRow.getByRole('cell', { name: 'Lane officer' }).waitFor();
  assert.equal(await officerRow.locator('td').nth(2).innerText(), 'GKN');
  assert.equal(await page.locator('tr[data-username="gkn.supervisor"]').locator('td').nth(1).innerText(), 'Supervisor');
  await assertAccessible(page, 'users');
  await screenshot(page, 'admin-02-users-created');

  // The server holds what the page showed.
  const token = await adminToken();
  const users = (await call<{ users: { username: string; roles: string[]; posts: string[]; allPosts: boolean }[] }>('GET', '/api/users', undefined, token)).json.users;
  const officer = users.find((u) => u.username === 'gkn.officer');
  assert.deepEqual({ roles: officer?.roles, posts: officer?.posts, allPosts: officer?.allPosts }, { roles: ['officer'], posts: ['GKN'], allPosts: false });
  assert.deepEqual(users.find((u) => u.username === 'gkn.supervisor')?.roles, ['supervisor']);

  // Disable, then enable the officer (unlock after an incident).
  await page.getByRole('button', { name: 'Edit gkn.officer' }).click();
  const editor = page.getByRole('region', { name: 'Edit gkn.officer' });
  await editor.getByRole('button', { name: 'Disable account' }).click();
  await page.getByRole('status').filter({ hasText: 'gkn.officer is disabled and signed out.' }).waitFor();
  assert.equal((await call('POST', '/api/auth/login', { username: 'gkn.officer', password: PASSWORD })).status, 401);
  await page.getByRole('button', { name: 'Edit gkn.officer' }).click();
  await assertAccessible(page, 'user editor');
  await screenshot(page, 'admin-03-user-disabled');
  await page.getByRole('region', { name: 'Edit gkn.officer' }).getByRole('button', { name: 'Enable account' }).click();
  await page.getByRole('status').filter({ hasText: 'gkn.officer can sign in again.' }).waitFor();
  await login('gkn.officer');

  // A device on the entry lane: the key is shown once.
  await goTo(page, 'Devices', 'Devices');
  await page.getByLabel('Post').selectOption('GKN');
  const register = page.getByRole('region', { name: 'Register a device' });
  await register.getByLabel('Lane').selectOption('E01');
  await register.getByLabel('Device name').fill('GKN-E01 capture station');
  await register.getByRole('button', { name: 'Register device' }).click();
  const key = await page.getByTestId('device-api-key').inputValue();
  assert.match(key, /^sarhad_dk_/);
  await assertAccessible(page, 'device key');
  await screenshot(page, 'admin-04-device-key-once');
  const self = await call<{ device: { post: string; lane: string } }>('GET', '/api/devices/self', undefined, key);
  assert.deepEqual({ post: self.json.device.post, lane: self.json.device.lane }, { post: 'GKN', lane: 'E01' });
  await page.getByRole('button', { name: 'I have copied the key' }).click();
  await page.getByTestId('device-api-key').waitFor({ state: 'detached' });
  assert.equal(await page.getByText(key).count(), 0, 'the key is not shown again');

  // Revoking asks first, then the key stops working.
  await page.getByRole('button', { name: 'Revoke GKN-E01 capture station' }).click();
  await page.getByRole('button', { name: 'Revoke key' }).click();
  await page.getByRole('status').filter({ hasText: 'The key of GKN-E01 capture station is revoked.' }).waitFor();
  assert.equal((await call('GET', '/api/devices/self', undefined, key)).status, 401);
  await screenshot(page, 'admin-05-device-revoked');
  w.assertClean();
  await w.close();

  // The officer signs in and sees the post as theirs.
  const o = await openPage(browser, '/login');
  await signIn(o.page, 'gkn.officer', PASSWORD);
  assert.deepEqual(await navigationLinks(o.page), ['Overview', 'Lane console', 'Enrolment', 'Traveller search', 'Overstays', 'My account']);
  await o.page.getByRole('region', { name: 'Your posts' }).getByText('GKN').waitFor();
  o.assertClean();
  await o.close();
});
