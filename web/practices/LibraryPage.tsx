import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../account/sessionContext.js';
import { ApiError, getJson } from '../api.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { LibraryResults } from './LibraryResults.js';
import { LibrarySearchForm, useLibrarySearch } from './LibrarySearch.js';
import { useNames } from './names.js';
import { practicePath, practiceUrl, type PracticeHit, type SearchResult } from './types.js';
import './practices.css';

/** Focal points, representatives and the secretariat draft and review practices. */
export function worksOnPractices(roles: { role: string }[] | undefined): boolean {
  return (roles ?? []).some((r) => ['secretariat', 'focal_point', 'organization_rep'].includes(r.role));
}

/** /:lang/practices — the public library: words in any language, facets with counts, more on demand. */
export function LibraryPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const [params] = useSearchParams();
  const search = useLibrarySearch();
  const names = useNames();
  const { user } = useSession();
  const url = practiceUrl.search(lang, search);
  const first = useApi<SearchResult>(url);
  // Later pages, for the search they belong to: a new search starts from its first page again.
  const [more, setMore] = useState<{
    url: string;
    hits: PracticeHit[];
    cursor: string | null;
    start: number;
  } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const title = intl.formatMessage({ id: 'practices.title' });
  useDocumentTitle(title);

  const extra = more?.url === url ? more : null;
  const hits = first.status === 'ok' ? [...first.data.items, ...(extra?.hits ?? [])] : [];
  const cursor = extra ? extra.cursor : first.status === 'ok' ? first.data.nextCursor : null;
  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await getJson<SearchResult>(practiceUrl.search(lang, search, cursor), new AbortController().signal);
      setMore({ url, hits: [...(extra?.hits ?? []), ...page.items], cursor: page.nextCursor, start: hits.length });
    } catch (err) {
      setMoreError(err instanceof ApiError ? err : new ApiError('internal', 0, String(err)));
    } finally {
      setBusy(false);
    }
  };
  const filtered = params.toString() !== '';

  return (
    <>
      <h1>{title}</h1>
      <p>
        <FormattedMessage id="practices.intro" />
      </p>
      {worksOnPractices(user?.roles) && (
        <p className="practice-links">
          <Link to={practicePath.work(lang)}>
            <FormattedMessage id="practices.work.title" />
          </Link>{' '}
          <Link to={practicePath.create(lang)}>
            <FormattedMessage id="practices.create.title" />
          </Link>
        </p>
      )}
      {/* A new form when the address changes (back, a shared link): its fields show what applies. */}
      <LibrarySearchForm
        key={params.toString()}
        search={search}
        facets={first.status === 'ok' ? first.data.facets : null}
        names={names}
      />
      <p role="status" aria-atomic="true" className="results-count">
        {first.status === 'ok' &&
          intl.formatMessage(
            { id: filtered ? 'practices.countFiltered' : 'practices.count' },
            { count: first.data.total },
          )}
      </p>
      {first.status === 'loading' && <Loading />}
      {first.status === 'error' && <InlineError error={first.error} retry={first.retry} />}
      {hits.length > 0 && <LibraryResults hits={hits} names={names} firstNew={extra?.start ?? 0} />}
      {moreError && <InlineError error={moreError} />}
      {cursor && (
        <p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void loadMore()}>
            <FormattedMessage id="practices.more" />
          </button>
        </p>
      )}
    </>
  );
}
