import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import type { Agenda } from '../../shared/schemas/agenda.js';
import { useSession } from '../account/sessionContext.js';
import { apiUrl } from '../api.js';
import { InlineError } from '../components/InlineError.js';
import { Loading, NotFoundView } from '../components/Status.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { MeetingCrumbs, useMeeting } from '../participation/MeetingCrumbs.js';
import { useApi } from '../useApi.js';
import { CreateDocumentForm, filingScopes } from './CreateDocumentForm.js';
import { DocumentFilterForm, useDocumentFilters } from './DocumentFilters.js';
import { DocumentResults } from './DocumentResults.js';
import { GenerateDocumentForm } from './GenerateDocumentForm.js';
import { agendaItems, documentUrl, type DocumentList } from './types.js';
import './documents.css';

/** /:lang/meetings/:slug/documents — the meeting's register: what the reader may see, filtered. */
export function DocumentsPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const filters = useDocumentFilters();
  const meeting = useMeeting(slug);
  const hasAgenda = meeting.status === 'ok' && meeting.data.agendaVersions > 0;
  // The current agenda names the items a document belongs to (and fills the item filter).
  const agenda = useApi<Agenda>(hasAgenda ? apiUrl.agenda(slug, lang, null) : null);
  const list = useApi<DocumentList>(documentUrl.list(slug, lang, filters));
  const { user } = useSession();
  const scopes = filingScopes(user);
  const title = intl.formatMessage({ id: 'documents.title' });
  useDocumentTitle(meeting.status === 'ok' ? `${title} — ${meeting.data.title.text}` : title);
  const items = agenda.status === 'ok' ? agendaItems(agenda.data) : [];
  const filtered = params.toString() !== '';

  if (meeting.status === 'error' && meeting.error.code === 'not_found') return <NotFoundView />;
  return (
    <>
      <MeetingCrumbs slug={slug} meeting={meeting} current={title} />
      <h1>{title}</h1>
      <p>
        <FormattedMessage id="documents.intro" />
      </p>
      {/* A new form when the address changes (back, a shared link): its fields show what applies. */}
      <DocumentFilterForm key={params.toString()} filters={filters} items={items} />
      <p role="status" aria-atomic="true" className="results-count">
        {list.status === 'ok' &&
          intl.formatMessage(
            { id: filtered ? 'documents.countFiltered' : 'documents.count' },
            { count: list.data.total },
          )}
      </p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <InlineError error={list.error} retry={list.retry} />}
      {list.status === 'ok' && list.data.items.length > 0 && (
        <DocumentResults items={list.data.items} agendaItems={items} />
      )}
      {scopes.length > 0 && <CreateDocumentForm slug={slug} scopes={scopes} items={items} />}
      {scopes.some((s) => s.type === 'secretariat') && meeting.status === 'ok' && (
        <GenerateDocumentForm slug={slug} agendaVersions={meeting.data.agendaVersions} />
      )}
    </>
  );
}
