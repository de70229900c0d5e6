import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink } from 'react-router';
import { usePageLang } from '../i18n/hooks.js';

const PAGES = ['profile', 'security', 'tokens'] as const;

/** Links between the three account pages. */
export function AccountNav() {
  const intl = useIntl();
  const lang = usePageLang();
  return (
    <nav className="subnav" aria-label={intl.formatMessage({ id: 'account.nav' })}>
      <ul>
        {PAGES.map((page) => (
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
