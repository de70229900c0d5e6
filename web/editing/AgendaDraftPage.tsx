import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import type { AgendaDraft } from '../../shared/schemas/editing.js';
import type { Organization } from '../../shared/schemas/reference.js';
import { apiUrl, send, type ApiError } from '../api.js';
import { useApi } from '../useApi.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { InlineError } from '../components/InlineError.js';
import { Notice } from '../components/Notice.js';
import { Loading, NotFoundView } from '../components/Status.js';
import { asApiError } from '../forms/problem.js';
import { usePageLang } from '../i18n/hooks.js';
import { RequireUser } from '../account/guards.js';
import { AgendaDraftEditor } from './AgendaDraftEditor.js';

function Publish({ slug, dirty }: { slug: string; dirty: boolean }) {
  const lang = usePageLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await send<{ number: number }>('POST', apiUrl.agendaVersions(slug));
      setPublished(answer.number);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const agendaPath = `/${lang}/meetings/${encodeURIComponent(slug)}/agenda`;
  return (
    <section aria-labelledby="publish-heading" className="publish">
      <h2 id="publish-heading">
        <FormattedMessage id="draft.publishTitle" />
      </h2>
      <p>
        <FormattedMessage id="draft.publishBody" />
      </p>
      {error && <InlineError error={error} />}
      {published !== null && (
        <Notice>
          <p>
            <FormattedMessage id="draft.published" values={{ number: published }} />
          </p>
          <p>
            <Link to={`${agendaPath}?version=${published}`}>
              <FormattedMessage id="draft.viewPublished" values={{ number: published }} />
            </Link>
          </p>
        </Notice>
      )}
      {dirty ? (
        <p className="notice">
          <FormattedMessage id="draft.saveFirst" />
        </p>
      ) : (
        <ConfirmButton
          danger={false}
          label={<FormattedMessage id="draft.publish" />}
          question={<FormattedMessage id="draft.publishQuestion" />}
          confirm={<FormattedMessage id="draft.publishConfirm" />}
          onConfirm={publish}
          busy={busy}
        />
      )}
    </section>
  );
}

function Loader({ slug }: { slug: string }) {
  const lang = usePageLang();
  const draft = useApi<AgendaDraft>(apiUrl.agendaDraft(slug));
  const orgs = useApi<{ items: Organization[] }>(apiUrl.organizations(lang));
  const [dirty, setDirty] = useState(false);

  // Leaving the page (reload, closing the tab) with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (draft.status === 'loading' || orgs.status === 'loading') return <Loading />;
  if (draft.status === 'error') {
    return draft.error.code === 'not_found' ? (
      <NotFoundView />
    ) : (
      <InlineError error={draft.error} retry={draft.retry} />
    );
  }
  if (orgs.status === 'error') return <InlineError error={orgs.error} retry={orgs.retry} />;
  return (
    <>
      <ul className="links">
        <li>
          <Link to={`/${lang}/admin/meetings/${encodeURIComponent(slug)}`}>
            <FormattedMessage id="editing.editDetails" />
          </Link>
        </li>
        <li>
          <Link to={`/${lang}/meetings/${encodeURIComponent(slug)}/agenda`}>
            <FormattedMessage id="draft.viewLatest" />
          </Link>
        </li>
      </ul>
      {dirty && (
        <p className="notice" role="status">
          <FormattedMessage id="draft.unsaved" />
        </p>
      )}
      <AgendaDraftEditor slug={slug} initial={draft.data} organizations={orgs.data.items} onDirty={setDirty} />
      <Publish slug={slug} dirty={dirty} />
    </>
  );
}

/** /:lang/admin/meetings/:slug/agenda — edit the draft agenda, then publish it as a version. */
export function AgendaDraftPage() {
  const intl = useIntl();
  const { slug = '' } = useParams();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'draft.pageTitle' })}>
      {() => (
        <>
          <h1>
            <FormattedMessage id="draft.pageTitle" />
          </h1>
          <Loader slug={slug} />
        </>
      )}
    </RequireUser>
  );
}
