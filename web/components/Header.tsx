import type { MouseEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, NavLink } from 'react-router';
import type { Lang } from '../../shared/lang.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { UserMenu } from './UserMenu.js';

export const MAIN_ID = 'main';

// Focus the target ourselves: a bare "#main" would go through the router as a navigation.
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById(MAIN_ID);
  if (!main) return;
  event.preventDefault();
  main.focus();
}

/** The public sections every page leads to; the account menu holds the rest. */
function SiteNav({ home }: { home: Lang }) {
  const intl = useIntl();
  const links = [
    { to: `/${home}`, id: 'meetings.title', end: true },
    { to: `/${home}/treaties`, id: 'nav.treaties', end: false },
    { to: `/${home}/countries`, id: 'nav.countries', end: false },
    { to: `/${home}/practices`, id: 'nav.practices', end: false },
    { to: `/${home}/statistics`, id: 'nav.statistics', end: false },
  ];
  return (
    <nav className="site-nav" aria-label={intl.formatMessage({ id: 'nav.main' })}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end}>
              <FormattedMessage id={l.id} />
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Header({ lang, home }: { lang: Lang | null; home: Lang }) {
  return (
    <header className="site-header">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        <FormattedMessage id="nav.skip" />
      </a>
      <div className="site-header-inner">
        <p className="site-name">
          <Link to={`/${home}`}>
            <FormattedMessage id="app.name" />
          </Link>
          <span className="site-tagline">
            <FormattedMessage id="app.tagline" />
          </span>
        </p>
        <div className="site-tools">
          <LanguageSwitcher current={lang} />
          <UserMenu lang={home} />
        </div>
        <SiteNav home={home} />
      </div>
    </header>
  );
}
