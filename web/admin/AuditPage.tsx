import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { getJson, query, type ApiError } from '../api.js';
import { useApi } from '../useApi.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { asApiError } from '../forms/problem.js';
import { RequireUser } from '../account/guards.js';
import { accountUrl } from '../account/types.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { auditQuery, type AuditEntry, type AuditPage as Page } from './auditTypes.js';

const LIMIT = 50;

interface More {
  forUrl: string;
  items: AuditEntry[];
  nextCursor: string | null;
  focusFrom: number;
}

function Trail({ url }: { url: string }) {
  const first = useApi<Page>(url);
  const [more, setMore] = useState<More | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (first.status === 'loading') return <Loading />;
  if (first.status === 'error') return <InlineError error={first.error} retry={first.retry} />;

  // Pages loaded for an earlier filter are dropped as soon as the filter changes.
  const extra = more && more.forUrl === url ? more : null;
  const items = [...first.data.items, ...(extra?.items ?? [])];
  const cursor = extra ? extra.nextCursor : first.data.nextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await getJson<Page>(`${url}&cursor=${encodeURIComponent(cursor)}`, new AbortController().signal);
      setMore({
        forUrl: url,
        items: [...(extra?.items ?? []), ...page.items],
        nextCursor: page.nextCursor,
        focusFrom: items.length,
      });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  if (items.length === 0) {
    return (
      <p>
        <FormattedMessage id="audit.empty" />
      </p>
    );
  }
  return (
    <>
      <AuditTable items={items} focusFrom={extra?.focusFrom ?? null} />
      <p role="status">
        <FormattedMessage id="audit.shown" values={{ count: items.length }} />
      </p>
      {error && <InlineError error={error} />}
      {cursor && (
        <p>
          <button type="button" onClick={() => void loadMore()} disabled={busy}>
            <FormattedMessage id="audit.loadMore" />
          </button>
        </p>
      )}
    </>
  );
}

function AuditContent() {
  const [params] = useSearchParams();
  const url = `${accountUrl.audit}${query({ ...auditQuery(params), limit: LIMIT })}`;
  return (
    <>
      <h1>
        <FormattedMessage id="nav.audit" />
      </h1>
      <p>
        <FormattedMessage id="audit.intro" />
      </p>
      <AuditFilters key={params.toString()} />
      <Trail url={url} />
    </>
  );
}

/** /:lang/admin/audit — who did what, when, with what outcome (secretariat). */
export function AuditPage() {
  const intl = useIntl();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'nav.audit' })}>
      {() => <AuditContent />}
    </RequireUser>
  );
}
