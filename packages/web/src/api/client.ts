/**
 * The one way the UI calls the API: same-origin `fetch` with the HttpOnly session cookie (never a token kept in
 * script-readable storage), JSON in and out, and every error body `{ error: { code, message } }` turned into an
 * `ApiError`. A 401 anywhere means the session ended; listeners (the session provider) are told once per call.
 */

/** An error answered by the API, with its stable code (docs/errors.md). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/** Calls `listener` whenever an authenticated call answers 401; returns the unsubscribe function. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export type Query = Readonly<Record<string, string | undefined>>;

/** `path` plus the non-empty query parameters. */
export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Sends one request. `expectSession: false` marks calls made while signed out (login, setup), whose 401 is an
 * answer, not a lost session.
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
  options: { readonly expectSession?: boolean } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, say: reported below with the status.
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : response.statusText;
    if (response.status === 401 && code === 'AUTH_REQUIRED' && options.expectSession !== false) {
      for (const listener of sessionEndedListeners) listener();
    }
    throw new ApiError(response.status, code, message);
  }
  return json as T;
}

/** Largest page the server gives (packages/server/src/services/pagination.ts). */
const PAGE_LIMIT_MAX = 500; // items

/**
 * A whole list from a paginated endpoint (`limit`, `cursor` → `{ <key>: [...], nextCursor }`): follows `nextCursor`
 * until the last page, asking for the largest pages, and answers the first page's body with `key` holding every
 * item. For screens that show the whole list (accounts, a report); a list that may grow without bound should be
 * paged in the screen instead.
 */
export async function allPages<T extends Readonly<Record<string, unknown>>>(path: string, key: keyof T & string, query: Query = {}): Promise<T> {
  let cursor: string | undefined;
  let first: T | undefined;
  const items: unknown[] = [];
  do {
    const page = await api<T & { readonly nextCursor?: string | null }>('GET', withQuery(path, { ...query, limit: String(PAGE_LIMIT_MAX), cursor }));
    first ??= page;
    items.push(...((page[key] as unknown[] | undefined) ?? []));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { ...first, [key]: items, nextCursor: null };
}
