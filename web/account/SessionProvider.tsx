import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, getJson, isAbort, onCsrfRefresh, send, setCsrfToken } from '../api.js';
import { SessionContext, type Session, type SessionState } from './sessionContext.js';
import { accountUrl, type SessionAnswer } from './types.js';
import { forgetRosters } from '../check-in/storage.js';

/** Loads who is signed in once per page load, and again whenever a flow changes it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const inFlight = useRef<Promise<void> | null>(null);

  const refresh = useCallback((): Promise<void> => {
    // Several callers at once (a stale CSRF token in two forms) share one request.
    inFlight.current ??= getJson<SessionAnswer>(accountUrl.session, new AbortController().signal)
      .then(
        (answer) => {
          setCsrfToken(answer.user ? (answer.csrfToken ?? null) : null);
          setState({ status: 'ready', user: answer.user, mfaPending: answer.mfaPending === true });
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          setCsrfToken(null);
          setState({
            status: 'error',
            error: err instanceof ApiError ? err : new ApiError('internal', 0, String(err)),
          });
        },
      )
      .finally(() => {
        inFlight.current = null;
      });
    return inFlight.current;
  }, []);

  const signOut = useCallback(async () => {
    await send('POST', accountUrl.signOut);
    forgetRosters();
  }, []);

  const leave = useCallback(
    async (go: () => void | Promise<void>) => {
      setCsrfToken(null);
      setState({ status: 'ready', user: null, mfaPending: false, leaving: true });
      await go();
      await refresh();
    },
    [refresh],
  );

  useEffect(() => {
    void refresh();
    onCsrfRefresh(refresh);
    return () => onCsrfRefresh(null);
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({ state, user: state.status === 'ready' ? state.user : null, refresh, signOut, leave }),
    [state, refresh, signOut, leave],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
