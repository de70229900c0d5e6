import { FormattedMessage, IntlProvider, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { isLang } from '../../shared/lang.js';
import { useMessages } from '../i18n/catalogues.js';
import { useDocumentTitle } from '../i18n/hooks.js';
import { browserLang, DEFAULT_LANG } from '../i18n/negotiate.js';
import { Shell } from './Shell.js';

function Message() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'status.errorTitle' }));
  return (
    <div className="status-page" role="alert">
      <h1>
        <FormattedMessage id="status.errorTitle" />
      </h1>
      <p>
        <FormattedMessage id="error.internal" />
      </p>
      <p>
        {/* A full reload: the state that broke rendering must not survive. */}
        <button type="button" onClick={() => window.location.reload()}>
          <FormattedMessage id="status.retry" />
        </button>
      </p>
    </div>
  );
}

/** A rendering failure anywhere under /:lang, shown translated instead of the router's default. */
export function RouteError() {
  const { lang: segment } = useParams();
  const lang = isLang(segment) ? segment : null;
  const uiLang = lang ?? browserLang();
  const catalogue = useMessages(uiLang);
  if (catalogue.status !== 'ready') return null;
  return (
    <IntlProvider locale={uiLang} defaultLocale={DEFAULT_LANG} messages={catalogue.messages}>
      <Shell lang={lang} home={uiLang}>
        <Message />
      </Shell>
    </IntlProvider>
  );
}
