/**
 * The API as test setup uses it (creating posts, users and travellers the journeys then look at): plain HTTP with
 * a Bearer session token, as any client of the server would.
 *
 * Accounts an administrator creates must replace their password at first sign-in (the server answers
 * PASSWORD_CHANGE_REQUIRED until then). `ensureUser` creates them with a one-time password and makes that change to
 * {@link PASSWORD}, and `login` completes a pending change the same way, so journeys that are not about it sign in
 * with PASSWORD and never see the change screen.
 */
import assert from 'node:assert/strict';
import { ADMIN, BASE_URL, PASSWORD, SETUP_TOKEN } from './env.js';

export async function call<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: T }> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : undefined) as T };
}

/** Calls the API and insists on the expected status. */
export async function must<T = unknown>(status: number, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const result = await call<T>(method, path, body, token);
  assert.equal(result.status, status, `${method} ${path} answered ${result.status}: ${JSON.stringify(result.json)}`);
  return result.json;
}

/** The password `ensureUser` gives a new account before the account replaces it with PASSWORD. */
export const ONE_TIME_PASSWORD = 'e2e-one-time-passphrase';

/** Changes the signed-in user's password (this session stays signed in). */
export async function changePassword(token: string, currentPassword: string, newPassword: string): Promise<void> {
  await must(200, 'POST', '/api/auth/password', { currentPassword, newPassword }, token);
}

/**
 * Signs in and returns the session token. When the account still has a password an administrator set, the change
 * is made here: to PASSWORD, or (when that is the password given) through an interim one and back, since a change
 * must pick a different password.
 */
export async function login(username: string, password: string = PASSWORD): Promise<string> {
  const signedIn = await must<{ token: string; user: { passwordChangeRequired?: boolean } }>(200, 'POST', '/api/auth/login', { username, password });
  if (signedIn.user.passwordChangeRequired) {
    if (password === PASSWORD) {
      const interim = `${PASSWORD}-interim`;
      await changePassword(signedIn.token, PASSWORD, interim);
      await changePassword(signedIn.token, interim, PASSWORD);
    } else {
      await changePassword(signedIn.token, password, PASSWORD);
    }
  }
  return signedIn.token;
}

/** A session token of the first administrator, completing first-run setup through the API if no journey did. */
export async function adminToken(): Promise<string> {
  const setup = await must<{ required: boolean }>(200, 'GET', '/api/setup');
  if (setup.required) {
    await must(201, 'POST', '/api/setup', { token: SETUP_TOKEN, ...ADMIN });
  }
  return login(ADMIN.username, ADMIN.password);
}

/** Creates a post with one lane unless it exists. */
export async function ensurePost(token: string, code: string, name: string, side: 'PK' | 'AF' = 'PK', timeZone = 'Asia/Karachi'): Promise<void> {
  const found = await call('GET', `/api/posts/${code}`, undefined, token);
  if (found.status === 200) return;
  await must(201, 'POST', '/api/posts', { code, name, side, timeZone }, token);
  await must(201, 'POST', `/api/posts/${code}/lanes`, { code: 'E01', name: 'Entry 1', direction: 'entry' }, token);
}

/** Creates an account unless the username exists; a new account has replaced its one-time password with PASSWORD. */
export async function ensureUser(
  token: string,
  user: { username: string; displayName: string; roles: string[]; posts?: string[]; allPosts?: boolean },
): Promise<void> {
  const created = await call('POST', '/api/users', { password: ONE_TIME_PASSWORD, posts: [], allPosts: false, ...user }, token);
  if (created.status === 201) {
    await login(user.username, ONE_TIME_PASSWORD);
    return;
  }
  assert.equal((created.json as { error?: { code?: string } }).error?.code, 'USERNAME_TAKEN', JSON.stringify(created.json));
}
