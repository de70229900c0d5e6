import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink } from 'react-router';
import { usePageLang } from '../i18n/hooks.js';
import { useSession } from './sessionContext.js';
import { editsContacts } from './types.js';

const PAGES = ['profile', 'security', 'tokens'] as const;

/** Links between the account pages (contact details only for those who edit some). */
export function AccountNav() {
  const intl = useIntl();
  const lang = usePageLang();
  const { user } = useSession();
  const pages = editsContacts(user) ? [...PAGES, 'contacts' as const] : PAGES;
  return (
    <nav className="subnav" aria-label={intl.formatMessage({ id: 'account.nav' })}>
      <ul>
        {pages.map((page) => (
          <li key={page}>
            <NavLink to={`/${lang}/account/${page}`}>
              <FormattedMessage id={`account.${page}.title`} />
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
