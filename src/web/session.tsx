/**
 * Who is signed in. The session itself is the HTTP-only cookie; the browser keeps the user and
 * the CSRF token in memory, recovered after a reload from GET /api/me.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { navigate } from './router.js';
import type { ApiResponse } from './api/types.js';
import type { Me, MeResponse } from './types.js';

export type SessionState =
  | { status: 'unknown' }
  | { status: 'anonymous'; reason?: string }
  | { status: 'signedIn'; me: Me };

interface SessionValue {
  state: SessionState;
  /** Asks the server (GET /api/me) once; later calls reuse what is known. */
  ensureLoaded(): void;
  login(username: string, password: string): Promise<Me>;
  /** Proves the existing account's password to link an identity provider's sign-in (POST /api/auth/oidc/link). */
  linkIdentity(token: string, password: string): Promise<{ me: Me; returnTo: string | null }>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'unknown' });
  const asked = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const me = await api<MeResponse>('/api/me', { on401: 'throw' });
      setCsrfToken(me.csrfToken);
      setState({ status: 'signedIn', me: me.user });
    } catch {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const ensureLoaded = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler((code) => {
      setCsrfToken(null);
      setState({ status: 'anonymous', reason: code });
      const here = window.location.pathname + window.location.search;
      if (window.location.pathname !== '/login') navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api<ApiResponse<'/api/auth/login', 'post'>>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
      on401: 'throw',
    });
    setCsrfToken(result.csrfToken);
    setState({ status: 'signedIn', me: result.user });
    return result.user;
  }, []);

  const linkIdentity = useCallback(async (token: string, password: string) => {
    const result = await api<ApiResponse<'/api/auth/oidc/link', 'post'>>('/api/auth/oidc/link', {
      method: 'POST',
      body: { token, password },
      on401: 'throw',
    });
    setCsrfToken(result.csrfToken);
    setState({ status: 'signedIn', me: result.user });
    return { me: result.user, returnTo: result.returnTo };
  }, []);

  const logout = useCallback(async () => {
    // A session the identity provider opened also ends there (RP-initiated logout), then comes back.
    const viaProvider = state.status === 'signedIn' && state.me.identityLevel !== null;
    let endSessionUrl: string | null = null;
    try {
      if (viaProvider) {
        const out = await api<ApiResponse<'/api/auth/oidc/logout', 'post'>>('/api/auth/oidc/logout', {
          method: 'POST',
          on401: 'throw',
        });
        endSessionUrl = out.endSessionUrl;
      } else {
        await api<void>('/api/auth/logout', { method: 'POST', on401: 'throw' });
      }
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
      if (endSessionUrl) window.location.assign(endSessionUrl);
      else navigate('/login', { replace: true });
    }
  }, [state]);

  const value = useMemo(
    () => ({ state, ensureLoaded, login, linkIdentity, logout, refresh }),
    [state, ensureLoaded, login, linkIdentity, logout, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Where a user lands after signing in: staff to the console, citizens to the portal. */
export function homeOf(me: Me): string {
  return me.kind === 'citizen' ? '/' : '/staff';
}
