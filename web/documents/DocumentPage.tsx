import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useLocation, useParams } from 'react-router';
import { signInPath } from '../account/next.js';
import { LtHeading } from '../components/LocalizedText.js';
import { Notice } from '../components/Notice.js';
import { ApiView } from '../components/Status.js';
import { usePageLang } from '../i18n/hooks.js';
import { MeetingCrumbs, useMeeting } from '../participation/MeetingCrumbs.js';
import { useApi } from '../useApi.js';
import { DocumentActions } from './DocumentActions.js';
import { DocumentFacts } from './DocumentFacts.js';
import { FileList, Reading, RevisionName, Revisions } from './DocumentFiles.js';
import { documentPath, documentUrl, type DocumentView } from './types.js';
import './documents.css';

function DocumentContent({ doc, onChanged }: { doc: DocumentView; onChanged: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const location = useLocation();
  const meeting = useMeeting(doc.meeting.slug);
  const filed = (location.state as { filed?: boolean } | null)?.filed === true;
  const current = doc.revisions.find((r) => r.number === doc.currentRevision);
  return (
    <>
      <MeetingCrumbs
        slug={doc.meeting.slug}
        meeting={meeting}
        more={[{ to: documentPath.list(lang, doc.meeting.slug), label: intl.formatMessage({ id: 'documents.title' }) }]}
        current={doc.symbol ?? doc.title.text}
      />
      <LtHeading level={1} value={doc.title} />
      {filed && doc.status === 'draft' && (
        <Notice>
          <FormattedMessage id="documents.create.done" />
        </Notice>
      )}
      <DocumentFacts doc={doc} />
      <section aria-labelledby="document-reading">
        <h2 id="document-reading">
          <FormattedMessage id="documents.reading.title" />
        </h2>
        <Reading doc={doc} />
      </section>
      {current && (
        <section aria-labelledby="document-versions">
          <h2 id="document-versions">
            <FormattedMessage id="documents.versions" values={{ revision: <RevisionName revision={current} /> }} />
          </h2>
          <FileList files={current.files} />
        </section>
      )}
      <Revisions doc={doc} />
      <DocumentActions doc={doc} onChanged={onChanged} />
    </>
  );
}

/** /:lang/documents/:id — one document: metadata, the reader's version, every file and revision. */
export function DocumentPage() {
  const lang = usePageLang();
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const state = useApi<DocumentView>(documentUrl.document(id, lang));
  // A draft or a participants' document asks a signed-out reader to sign in, then comes back here.
  if (state.status === 'error' && state.error.code === 'unauthorized') {
    return <Navigate replace to={signInPath(lang, pathname)} />;
  }
  return (
    <ApiView state={state} title={(doc) => (doc.symbol ? `${doc.symbol} — ${doc.title.text}` : doc.title.text)}>
      {(doc) => <DocumentContent doc={doc} onChanged={state.status === 'ok' ? state.reload : () => undefined} />}
    </ApiView>
  );
}
