import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { ApiError } from '../api.js';
import type { ApiState } from '../useApi.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';

export function Loading() {
  return (
    <p className="status" role="status">
      <FormattedMessage id="status.loading" />
    </p>
  );
}

/** A full-page message (not found, not allowed) with a way back to the home page. */
export function StatusPage({ titleId, bodyId }: { titleId: string; bodyId: string }) {
  const intl = useIntl();
  const lang = usePageLang();
  useDocumentTitle(intl.formatMessage({ id: titleId }));
  return (
    <div className="status-page">
      <h1>
        <FormattedMessage id={titleId} />
      </h1>
      <p>
        <FormattedMessage id={bodyId} />
      </p>
      <p>
        <Link to={`/${lang}`}>
          <FormattedMessage id="notFound.home" />
        </Link>
      </p>
    </div>
  );
}

export function NotFoundView() {
  return <StatusPage titleId="notFound.title" bodyId="notFound.body" />;
}

export function ErrorView({ error, retry }: { error: ApiError; retry: () => void }) {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'status.errorTitle' }));
  return (
    <div className="status-page" role="alert">
      <h1>
        <FormattedMessage id="status.errorTitle" />
      </h1>
      <p>
        <FormattedMessage id={`error.${error.code}`} />
      </p>
      <p>
        <button type="button" onClick={retry}>
          <FormattedMessage id="status.retry" />
        </button>
      </p>
    </div>
  );
}

interface ApiViewProps<T> {
  state: ApiState<T>;
  /** document.title of the loaded page */
  title: (data: T) => string;
  children: (data: T) => ReactNode;
}

/** Loading, not-found, error or the page itself, from the state of one API call. */
export function ApiView<T>({ state, title, children }: ApiViewProps<T>) {
  const intl = useIntl();
  const pageTitle =
    state.status === 'ok'
      ? title(state.data)
      : state.status === 'loading'
        ? intl.formatMessage({ id: 'status.loading' })
        : null; // the error and not-found views set their own
  useDocumentTitle(pageTitle);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    if (state.error.code === 'not_found') return <NotFoundView />;
    return <ErrorView error={state.error} retry={state.retry} />;
  }
  return <>{children(state.data)}</>;
}
