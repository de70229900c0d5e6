import { useId, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, matchPath, useLocation, useNavigate } from 'react-router';
import type { Lang } from '../../shared/lang.js';
import { useSession } from '../account/sessionContext.js';
import { editsContacts, hasRole } from '../account/types.js';

const ACCOUNT = ['profile', 'security', 'tokens'] as const;
const SECRETARIAT = [
  ['admin/users', 'nav.users'],
  ['admin/outbox', 'nav.outbox'],
  ['admin/audit', 'nav.audit'],
  ['admin/meetings', 'nav.editMeeting'],
  ['civil-society', 'cso.title'],
] as const;
// On a meeting's pages, its participation pages: for the secretariat, and for whoever acts for a delegation.
const MEETING_SECRETARIAT = [
  ['delegations', 'participation.link.delegations'],
  ['registrations', 'participation.link.registrations'],
  ['check-in', 'checkin.link'],
  ['participation-statistics', 'participation.link.statistics'],
] as const;
const MEETING_DELEGATE = [['delegations', 'participation.link.myDelegation']] as const;

// Pages of the sign-in flows: coming back to them after signing in makes no sense.
const NO_RETURN = /^\/[a-z]{2}\/(?:sign-in|reset|invitation)(?:\/|$)/;

/** "Sign in", or the user's name opening a disclosure with their pages and "Sign out". */
export function UserMenu({ lang }: { lang: Lang }) {
  const intl = useIntl();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  if (session.state.status === 'loading') return null;
  const user = session.user;
  const meetingSlug = matchPath('/:lang/meetings/:slug/*', pathname)?.params.slug ?? null;
  if (!user) {
    const next =
      NO_RETURN.test(pathname) || pathname === `/${lang}` ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return (
      <Link className="sign-in-link" to={`/${lang}/sign-in${next}`}>
        <FormattedMessage id="nav.signIn" />
      </Link>
    );
  }

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
    }
  };
  const onBlur = (event: FocusEvent) => {
    if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  const onPanelClick = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest('a')) setOpen(false);
  };
  const signOut = async () => {
    // The menu stays mounted while signed out: closed now, it is closed for the next sign-in too.
    setOpen(false);
    try {
      await session.signOut();
      await session.leave(() => navigate(`/${lang}`));
    } catch {
      await session.refresh();
    }
  };

  return (
    <nav className="user-menu" aria-label={intl.formatMessage({ id: 'nav.account' })}>
      <div ref={rootRef} onKeyDown={onKeyDown} onBlur={onBlur}>
        <button
          type="button"
          ref={buttonRef}
          className="user-menu-button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="visually-hidden">
            <FormattedMessage id="nav.accountOf" />{' '}
          </span>
          {user.name}
        </button>
        <div id={panelId} className="user-menu-panel" hidden={!open} onClick={onPanelClick}>
          <ul>
            {(editsContacts(user) ? [...ACCOUNT, 'contacts' as const] : ACCOUNT).map((page) => (
              <li key={page}>
                <Link to={`/${lang}/account/${page}`}>
                  <FormattedMessage id={`account.${page}.title`} />
                </Link>
              </li>
            ))}
          </ul>
          {(hasRole(user, 'secretariat') || hasRole(user, 'focal_point')) && (
            <ul aria-label={intl.formatMessage({ id: 'reporting.nav' })}>
              <li>
                <Link to={`/${lang}/statistics/reports`}>
                  <FormattedMessage id="reporting.title" />
                </Link>
              </li>
              {hasRole(user, 'secretariat') && (
                <li>
                  <Link to={`/${lang}/statistics/admin`}>
                    <FormattedMessage id="statsAdmin.title" />
                  </Link>
                </li>
              )}
            </ul>
          )}
          {meetingSlug && (hasRole(user, 'secretariat') || editsContacts(user)) && (
            <ul aria-label={intl.formatMessage({ id: 'participation.nav.meeting' })}>
              {(hasRole(user, 'secretariat') ? MEETING_SECRETARIAT : MEETING_DELEGATE).map(([path, id]) => (
                <li key={path}>
                  <Link to={`/${lang}/meetings/${encodeURIComponent(meetingSlug)}/${path}`}>
                    <FormattedMessage id={id} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {hasRole(user, 'secretariat') && (
            <ul aria-label={intl.formatMessage({ id: 'nav.secretariat' })}>
              {SECRETARIAT.map(([path, id]) => (
                <li key={path}>
                  <Link to={`/${lang}/${path}`}>
                    <FormattedMessage id={id} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p>
            <button type="button" className="secondary" onClick={() => void signOut()}>
              <FormattedMessage id="nav.signOut" />
            </button>
          </p>
        </div>
      </div>
    </nav>
  );
}
