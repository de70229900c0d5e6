import { Link, useLocation } from 'react-router';
import { useIntl } from 'react-intl';
import { LANGS, LANG_NAMES, type Lang } from '../../shared/lang.js';

/** The same path with its first (language) segment replaced. */
export function pathInLang(pathname: string, lang: Lang): string {
  const rest = pathname.split('/').slice(2).join('/');
  return rest === '' ? `/${lang}` : `/${lang}/${rest}`;
}

/** Links to this page in each language, each named in its own language. */
export function LanguageSwitcher({ current }: { current: Lang | null }) {
  const intl = useIntl();
  const { pathname, search, hash } = useLocation();
  return (
    <nav className="lang-switcher" aria-label={intl.formatMessage({ id: 'nav.languages' })}>
      <ul>
        {LANGS.map((lang) => (
          <li key={lang}>
            <Link
              to={`${pathInLang(pathname, lang)}${search}${hash}`}
              lang={lang}
              hrefLang={lang}
              aria-current={lang === current ? 'page' : undefined}
            >
              {LANG_NAMES[lang]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
