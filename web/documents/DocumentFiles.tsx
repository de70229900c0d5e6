import { FormattedMessage, useIntl } from 'react-intl';
import { LongDate } from '../i18n/dates.js';
import { usePageLang } from '../i18n/hooks.js';
import { FileSize } from './DocumentBits.js';
import type { DocumentFile, DocumentView, Revision } from './types.js';

/** "rev. 1", or "as first issued" for revision 0 (labels are the register's, the same in every language). */
export function RevisionName({ revision, inline = false }: { revision: Pick<Revision, 'label'>; inline?: boolean }) {
  if (revision.label) return <>{revision.label}</>;
  return <FormattedMessage id={inline ? 'documents.revision.originalInline' : 'documents.revision.original'} />;
}

/** Every language version of one revision: a download link each, said original or translation, official or not. */
export function FileList({ files }: { files: DocumentFile[] }) {
  const intl = useIntl();
  if (files.length === 0) {
    return (
      <p>
        <FormattedMessage id="documents.noFiles" />
      </p>
    );
  }
  return (
    <ul className="file-list">
      {files.map((file) => (
        <li key={file.lang}>
          <a href={file.url} hrefLang={file.lang} type={file.contentType}>
            <FormattedMessage
              id="documents.file.link"
              values={{
                language: intl.formatMessage({ id: `lang.name.${file.lang}` }),
                format: file.format.toUpperCase(),
                size: <FileSize bytes={file.size} />,
              }}
            />
          </a>{' '}
          <span className="file-tags">
            <FormattedMessage id={`documents.file.${file.role}`} />
            {' · '}
            <FormattedMessage id={file.official ? 'documents.file.official' : 'documents.file.unofficial'} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Which version the reader gets in their language, and a plain word when it is the original instead. */
export function Reading({ doc }: { doc: DocumentView }) {
  const intl = useIntl();
  const lang = usePageLang();
  const reading = doc.reading;
  const name = (l: string) => intl.formatMessage({ id: `lang.name.${l}` });
  if (!reading) {
    return (
      <p>
        <FormattedMessage id="documents.reading.none" />
      </p>
    );
  }
  const revision = doc.revisions.find((r) => r.number === reading.revision);
  const file = revision?.files.find((f) => f.lang === reading.lang);
  const revisionName = revision ? <RevisionName revision={revision} inline /> : String(reading.revision);
  return (
    <div className={reading.fallback ? 'reading fallback' : 'reading'}>
      {reading.fallback && (
        <p className="fallback-note">
          <FormattedMessage
            id="documents.reading.fallback"
            values={{ wanted: name(lang), language: name(reading.lang) }}
          />
        </p>
      )}
      <p>
        <FormattedMessage
          id={reading.original ? 'documents.reading.original' : 'documents.reading.translation'}
          values={{ language: name(reading.lang), revision: revisionName, official: String(reading.official) }}
        />
      </p>
      <p>
        <a className="button-link" href={reading.url} hrefLang={reading.lang} type={file?.contentType}>
          <FormattedMessage
            id="documents.reading.download"
            values={{ language: name(reading.lang), format: (file?.format ?? 'pdf').toUpperCase() }}
          />
        </a>
      </p>
    </div>
  );
}

/**
 * All revisions, oldest first, with their dates, what changed and their files; only once the
 * document has been revised (before that, the language versions above say it all).
 */
export function Revisions({ doc }: { doc: DocumentView }) {
  if (doc.revisions.length < 2) return null;
  return (
    <section aria-labelledby="document-revisions">
      <h2 id="document-revisions">
        <FormattedMessage id="documents.revisions" />
      </h2>
      <ol className="revisions">
        {doc.revisions.map((r) => (
          <li key={r.number}>
            <h3>
              <RevisionName revision={r} />
              {r.number === doc.currentRevision && (
                <span className="badge current">
                  <FormattedMessage id="documents.revision.current" />
                </span>
              )}
            </h3>
            {r.date && (
              <p className="note">
                <FormattedMessage id="documents.revision.date" values={{ date: <LongDate date={r.date} /> }} />
              </p>
            )}
            {r.note && <p className="revision-note">{r.note}</p>}
            <FileList files={r.files} />
          </li>
        ))}
      </ol>
    </section>
  );
}
