import { useEffect, useMemo } from 'react';
import { IntlProvider } from 'react-intl';
import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { isLang } from '../../shared/lang.js';
import { useMessages } from '../i18n/catalogues.js';
import { browserLang, DEFAULT_LANG } from '../i18n/negotiate.js';
import { pathInLang } from '../components/LanguageSwitcher.js';
import { Shell } from './Shell.js';
import { UnknownLanguage } from './UnknownLanguage.js';

// Shown from index.html (static, four languages) when not even a catalogue could be loaded.
function BootError() {
  useEffect(() => {
    document.getElementById('boot-error')?.removeAttribute('hidden');
  }, []);
  return null;
}

/** Everything under /:lang: validates the language, loads its catalogue, renders the shell. */
export function LangLayout() {
  const { lang: segment } = useParams();
  const { pathname, search, hash } = useLocation();
  const lang = isLang(segment) ? segment : null;
  const fallback = useMemo(() => (lang === null ? browserLang() : DEFAULT_LANG), [lang]);
  const uiLang = lang ?? fallback;
  const catalogue = useMessages(uiLang);

  const lower = segment?.toLowerCase();
  if (lang === null && isLang(lower)) {
    return <Navigate replace to={`${pathInLang(pathname, lower)}${search}${hash}`} />;
  }
  if (catalogue.status === 'failed') return <BootError />;
  if (catalogue.status === 'loading') return null;

  return (
    <IntlProvider locale={uiLang} defaultLocale={DEFAULT_LANG} messages={catalogue.messages}>
      <Shell lang={lang} home={uiLang}>
        {lang === null ? <UnknownLanguage /> : <Outlet />}
      </Shell>
    </IntlProvider>
  );
}
