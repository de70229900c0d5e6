import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { isLang, type Lang } from '../../shared/lang.js';
import { DEFAULT_LANG } from './negotiate.js';

/** The language the page is rendered in (the IntlProvider's locale). */
export function usePageLang(): Lang {
  const { locale } = useIntl();
  return isLang(locale) ? locale : DEFAULT_LANG;
}

/**
 * Set document.title to "<page> | <site>" in the page language. null leaves the title alone, so
 * a wrapper can defer to an error view inside it (children's effects run first).
 */
export function useDocumentTitle(page: string | null): void {
  const intl = useIntl();
  useEffect(() => {
    if (page === null) return;
    document.title = intl.formatMessage(
      { id: 'app.documentTitle' },
      { page, site: intl.formatMessage({ id: 'app.name' }) },
    );
  }, [intl, page]);
}
