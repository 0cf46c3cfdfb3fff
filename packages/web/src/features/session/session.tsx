/**
 * The session: whether first-run setup is needed, who is signed in. The session itself is the server's HttpOnly
 * cookie; the UI keeps only a "probably signed in" hint in localStorage so that a fresh browser goes straight to
 * the login page instead of asking /api/auth/me for a 401. Any 401 from the API ends the session in the UI. A user
 * whose password an administrator set is signed in with `passwordChangeRequired`, and the app shows only the
 * password change (PasswordChangePage) until the server clears it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionEnded } from '../../api/client.js';
import type { User } from '../../api/types.js';

export type SignedOutReason = 'ended' | 'signedOut' | 'setupDone' | 'passwordChanged';

export type SessionState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'setup' }
  | { readonly kind: 'signedOut'; readonly reason?: SignedOutReason; readonly username?: string }
  | { readonly kind: 'signedIn'; readonly user: User };

interface Session {
  readonly state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** After setup or a password change: back to the login page with a note. */
  endLocally(reason: 'setupDone' | 'passwordChanged', username?: string): void;
  /** Changes the signed-in user's password; the server keeps this session and ends the others. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  reload(): void;
}

const HINT_KEY = 'sarhad.signedIn';
const SessionContext = createContext<Session | undefined>(undefined);

function setHint(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Without storage the UI asks the server at every load.
  }
}

function hasHint(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const setup = await api<{ required: boolean }>('GET', '/api/setup', undefined, { expectSession: false });
        if (cancelled) return;
        if (setup.required) return setState({ kind: 'setup' });
        if (!hasHint()) return setState({ kind: 'signedOut' });
        const me = await api<{ user: User }>('GET', '/api/auth/me', undefined, { expectSession: false });
        if (!cancelled) setState({ kind: 'signedIn', user: me.user });
      } catch (error) {
        if (cancelled) return;
        const status = (error as { status?: number }).status;
        if (status === 401) {
          setHint(false);
          setState({ kind: 'signedOut', reason: 'ended' });
        } else setState({ kind: 'unreachable', message: (error as Error).message });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(
    () =>
      onSessionEnded(() => {
        setHint(false);
        setState((current) => (current.kind === 'signedIn' ? { kind: 'signedOut', reason: 'ended' } : current));
      }),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const signed = await api<{ user: User }>('POST', '/api/auth/login', { username, password }, { expectSession: false });
    setHint(true);
    setState({ kind: 'signedIn', user: signed.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api<void>('POST', '/api/auth/logout', undefined, { expectSession: false });
    } catch {
      // An already-ended session is signed out all the same.
    }
    setHint(false);
    setState({ kind: 'signedOut', reason: 'signedOut' });
  }, []);

  const endLocally = useCallback((reason: 'setupDone' | 'passwordChanged', username?: string) => {
    setHint(false);
    setState({ kind: 'signedOut', reason, ...(username ? { username } : {}) });
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const changed = await api<{ user: User }>('POST', '/api/auth/password', { currentPassword, newPassword });
    setState({ kind: 'signedIn', user: changed.user });
  }, []);

  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, endLocally, changePassword, reload }),
    [state, signIn, signOut, endLocally, changePassword, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages rendered inside the signed-in shell. */
export function useUser(): User {
  const { state } = useSession();
  if (state.kind !== 'signedIn') throw new Error('useUser without a signed-in user');
  return state.user;
}
