import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LANGS, LANG_NAMES } from '../../shared/lang.js';
import { useDocumentTitle } from '../i18n/hooks.js';

/** The first path segment is not one of our languages: offer the four. */
export function UnknownLanguage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'notFound.title' }));
  return (
    <div className="status-page">
      <h1>
        <FormattedMessage id="notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="notFound.language" />
      </p>
      <ul className="lang-choice">
        {LANGS.map((lang) => (
          <li key={lang}>
            <Link to={`/${lang}`} lang={lang} hrefLang={lang}>
              {LANG_NAMES[lang]}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
