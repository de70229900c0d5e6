import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Notice } from '../components/Notice.js';
import { IssueForm, RevisionForm, SupersedeForm } from './SecretariatForms.js';
import type { DocumentView } from './types.js';
import { UploadForm } from './UploadForm.js';

/**
 * The forms the reader may use on this document, from the server's `can` flags (the policy
 * decides; the page only hides what would be refused): files, then issue or revise and supersede.
 */
export function DocumentActions({ doc, onChanged }: { doc: DocumentView; onChanged: () => void }) {
  const [notice, setNotice] = useState<{ n: number; text: string } | null>(null);
  const { upload, issue } = doc.can;
  if (!upload && !issue) return null;
  const onDone = (text: string) => {
    setNotice((old) => ({ n: (old?.n ?? 0) + 1, text }));
    onChanged();
  };
  return (
    <section aria-labelledby="document-manage" className="document-manage">
      <h2 id="document-manage">
        <FormattedMessage id="documents.manage" />
      </h2>
      {/* Keyed: each new notice takes the focus the removed form's button had. */}
      {notice && <Notice key={notice.n}>{notice.text}</Notice>}
      {/* Keyed by revision: a new revision starts the upload form afresh, on its missing languages. */}
      {upload && doc.status !== 'superseded' && (
        <UploadForm key={doc.revisions.length} doc={doc} secretariat={issue} onChanged={onChanged} />
      )}
      {issue && doc.status === 'draft' && <IssueForm doc={doc} onDone={onDone} />}
      {issue && doc.status === 'issued' && (
        <>
          <RevisionForm doc={doc} onChanged={onChanged} />
          <SupersedeForm doc={doc} onDone={onDone} />
        </>
      )}
    </section>
  );
}
