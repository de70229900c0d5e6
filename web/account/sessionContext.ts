import { createContext, useContext } from 'react';
import type { ApiError } from '../api.js';
import type { SessionUser } from './types.js';

export type SessionState =
  | { status: 'loading' }
  /** leaving: the user just signed out here and is being taken elsewhere; guards wait. */
  | { status: 'ready'; user: SessionUser | null; mfaPending: boolean; leaving?: boolean }
  | { status: 'error'; error: ApiError };

export interface Session {
  state: SessionState;
  /** The signed-in user, or null (also while loading). */
  user: SessionUser | null;
  /** Reads GET /api/auth/session again (after sign-in, sign-out, profile changes, a 401). */
  refresh: () => Promise<void>;
  /** Ends this session on the server (the caller then calls clear() and navigates). */
  signOut: () => Promise<void>;
  /**
   * Forgets the user at once and navigates with `go`, then reads the session again. Meanwhile
   * guarded pages render nothing instead of sending the reader to sign in.
   */
  leave: (go: () => void | Promise<void>) => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}
