import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useLocation, useParams } from 'react-router';
import { signInPath } from '../account/next.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { Notice } from '../components/Notice.js';
import { ApiView } from '../components/Status.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { useNames, type Names } from './names.js';
import { AttachmentList, PracticeFacts } from './PracticeFacts.js';
import { PracticeBlock, practiceMarker } from './PracticeText.js';
import { PracticeWork } from './PracticeWork.js';
import { practicePath, practiceUrl, type PracticeView } from './types.js';
import './practices.css';

const SECTIONS = ['description', 'results', 'lessons'] as const;

function PracticeContent({
  practice,
  names,
  onChanged,
}: {
  practice: PracticeView;
  names: Names;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const title = practice.read.title;
  const summary = practice.read.summary;
  const titleNote = title ? practiceMarker(title, lang, intl) : null;
  // Work (status, discussion) comes with the practice only for its owners and the secretariat.
  const working = practice.revisions !== undefined;
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  return (
    <>
      <Breadcrumbs
        trail={[{ to: practicePath.library(lang), label: intl.formatMessage({ id: 'practices.title' }) }]}
        current={title?.text ?? ''}
      />
      <h1 lang={title && title.lang !== lang ? title.lang : undefined}>{title?.text}</h1>
      {titleNote && <p className="lt-marker">{titleNote}</p>}
      {saved && (
        <Notice>
          <p>
            <FormattedMessage id="practices.form.saved" />
          </p>
        </Notice>
      )}
      {summary?.text && (
        <div className="practice-summary">
          <PracticeBlock value={summary} />
        </div>
      )}
      <PracticeFacts practice={practice} names={names} />
      {SECTIONS.map((field) => {
        const value = practice.read[field];
        if (!value?.text) return null;
        return (
          <section key={field} aria-labelledby={`practice-${field}`}>
            <h2 id={`practice-${field}`}>
              <FormattedMessage id={`practices.field.${field}`} />
            </h2>
            <PracticeBlock value={value} />
          </section>
        );
      })}
      <section aria-labelledby="practice-attachments">
        <h2 id="practice-attachments">
          <FormattedMessage id="practices.attachments" />
        </h2>
        <AttachmentList practice={practice} />
      </section>
      {working && <PracticeWork practice={practice} onChanged={onChanged} />}
    </>
  );
}

/** /:lang/practices/:id — one practice in the reader's language; its workflow for those who work on it. */
export function PracticePage() {
  const lang = usePageLang();
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const names = useNames();
  const state = useApi<PracticeView>(practiceUrl.practice(id, lang));
  if (state.status === 'error' && state.error.code === 'unauthorized') {
    return <Navigate replace to={signInPath(lang, pathname)} />;
  }
  return (
    <ApiView state={state} title={(p) => p.read.title?.text ?? ''}>
      {(p) => (
        <PracticeContent
          practice={p}
          names={names}
          onChanged={state.status === 'ok' ? state.reload : () => undefined}
        />
      )}
    </ApiView>
  );
}
