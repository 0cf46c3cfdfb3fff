/**
 * The API as test setup uses it (creating posts, users and travellers the journeys then look at): plain HTTP with
 * a Bearer session token, as any client of the server would.
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

export async function login(username: string, password: string = PASSWORD): Promise<string> {
  return (await must<{ token: string }>(200, 'POST', '/api/auth/login', { username, password })).token;
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

/** Creates an account unless the username exists. */
export async function ensureUser(
  token: string,
  user: { username: string; displayName: string; roles: string[]; posts?: string[]; allPosts?: boolean },
): Promise<void> {
  const created = await call('POST', '/api/users', { password: PASSWORD, posts: [], allPosts: false, ...user }, token);
  if (created.status === 201) return;
  assert.equal((created.json as { error?: { code?: string } }).error?.code, 'USERNAME_TAKEN', JSON.stringify(created.json));
}
