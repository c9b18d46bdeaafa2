import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setToken } from './client';

export interface User {
  username: string;
  name?: string;
  roles: string[];
  country?: string;
}

interface Session {
  user: User | null;
  token: string | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
}

// The token lives in memory and in sessionStorage (gone when the tab closes), never in localStorage.
const STORAGE_KEY = 'vetting.session';

function restore(): { token: string; user: User } | null {
  try {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (!saved) return null;
    const parsed = JSON.parse(saved) as { token: string; user: User };
    const payload = JSON.parse(atob(parsed.token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return payload.exp && payload.exp * 1000 < Date.now() ? null : parsed;
  } catch {
    return null;
  }
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(restore);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setToken(null);
    setState(null);
  }, []);
  setToken(state?.token ?? null, signOut);
  useEffect(() => setToken(state?.token ?? null, signOut), [state, signOut]);
  const signIn = useCallback(async (username: string, password: string) => {
    const result = await api<{ token: string; user: User }>('/auth/login', { method: 'POST', body: { username, password } });
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(result));
    setToken(result.token, signOut);
    setState(result);
  }, [signOut]);
  const value = useMemo<Session>(() => ({ user: state?.user ?? null, token: state?.token ?? null, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
