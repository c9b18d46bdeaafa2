import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, setToken } from './client';

export interface User {
  username: string;
  name?: string;
  roles: string[];
  country?: string;
}

/** What the gateway answers to a sign-in or a refresh. */
interface Grant {
  token: string;
  expiresAt: string;
  refreshToken: string;
  deviceToken?: string;
  user: User;
}

interface Session {
  user: User | null;
  token: string | null;
  /** Throws the gateway's ApiError: 401 `AUTH.SECOND_FACTOR_REQUIRED` asks for `code`, 403 `…ENROLMENT_REQUIRED` carries the enrolment. */
  signIn(username: string, password: string, code?: string): Promise<void>;
  /** Confirms a new authenticator with its first code and signs in. */
  completeEnrolment(enrolmentToken: string, code: string): Promise<void>;
  signOut(): void;
}

// The session lives in memory and in sessionStorage (gone when the tab closes), never in localStorage.
// Only the device token (no access: it spares this browser the delays strangers cause) is kept longer.
const STORAGE_KEY = 'vetting.session';
const deviceKey = (username: string) => `vetting.device.${username}`;

function restore(): Grant | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Grant | null;
    return saved?.refreshToken && saved.expiresAt ? saved : null;
  } catch {
    return null;
  }
}

/** The session's own calls: never through `api()`, which would wait for a refresh in progress. */
async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Access tokens live minutes: the session renews them a minute before they run out (and a request
 * renews one about to), spending the refresh token for the next. A refused refresh — the account
 * was disabled, or the session ended — signs the user out.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(restore);
  const current = useRef(state);
  current.current = state;
  const refreshing = useRef<Promise<void> | null>(null);
  const keep = useCallback((grant: Grant) => {
    if (grant.deviceToken) localStorage.setItem(deviceKey(grant.user.username), grant.deviceToken);
    const { deviceToken: _d, ...session } = grant;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    current.current = session;
    setState(session);
  }, []);
  const signOut = useCallback(() => {
    const refreshToken = current.current?.refreshToken;
    if (refreshToken) void post('/auth/logout', { refreshToken }).catch(() => undefined);
    sessionStorage.removeItem(STORAGE_KEY);
    current.current = null;
    setToken(null);
    setState(null);
  }, []);
  const refresh = useCallback(() => {
    refreshing.current ??= (async () => {
      const refreshToken = current.current?.refreshToken;
      if (!refreshToken) return;
      try {
        keep(await post<Grant>('/auth/refresh', { refreshToken }));
      } catch {
        signOut();
      }
    })().finally(() => (refreshing.current = null));
    return refreshing.current;
  }, [keep, signOut]);
  const bind = (s: Grant | null) => setToken(s?.token ?? null, signOut, s ? { expiresAt: Date.parse(s.expiresAt), refresh } : undefined);
  bind(state);
  useEffect(() => {
    bind(state);
    if (!state) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, Date.parse(state.expiresAt) - Date.now() - 60_000));
    return () => clearTimeout(timer);
  }, [state, signOut, refresh]);
  const signIn = useCallback(
    async (username: string, password: string, code?: string) => {
      const deviceToken = localStorage.getItem(deviceKey(username)) ?? undefined;
      keep(
        await api<Grant>('/auth/login', {
          method: 'POST',
          body: { username, password, ...(code ? { code } : {}), ...(deviceToken ? { deviceToken } : {}) },
        }),
      );
    },
    [keep],
  );
  const completeEnrolment = useCallback(
    async (enrolmentToken: string, code: string) => {
      keep(await api<Grant>('/auth/second-factor', { method: 'POST', body: { enrolmentToken, code } }));
    },
    [keep],
  );
  const value = useMemo<Session>(
    () => ({ user: state?.user ?? null, token: state?.token ?? null, signIn, completeEnrolment, signOut }),
    [state, signIn, completeEnrolment, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
