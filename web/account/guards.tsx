import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../shared/roles.js';
import { ErrorView, Loading, StatusPage } from '../components/Status.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { signInPath } from './next.js';
import { useSession } from './sessionContext.js';
import { hasRole, type SessionUser } from './types.js';

/** A signed-in user without the role a page needs. */
export function NotAllowedView() {
  return <StatusPage titleId="guard.notAllowed.title" bodyId="guard.notAllowed.body" />;
}

interface GuardProps {
  /** Absent: any signed-in user. */
  role?: Role;
  /** document.title once allowed (the refusal and sign-in pages set their own). */
  title: string;
  children: (user: SessionUser) => ReactNode;
}

/** Sends the signed-out to sign in (and back here after), and the unauthorised to a refusal. */
export function RequireUser({ role, title, children }: GuardProps) {
  const session = useSession();
  const lang = usePageLang();
  const { pathname, search, hash } = useLocation();
  const { state } = session;
  const allowed = state.status === 'ready' && state.user !== null && (!role || hasRole(state.user, role));
  useDocumentTitle(allowed ? title : null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} retry={() => void session.refresh()} />;
  if (!state.user && state.leaving) return null;
  if (!state.user) return <Navigate replace to={signInPath(lang, `${pathname}${search}${hash}`)} />;
  if (role && !hasRole(state.user, role)) return <NotAllowedView />;
  return <>{children(state.user)}</>;
}
