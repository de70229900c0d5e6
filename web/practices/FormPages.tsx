import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useLocation, useParams } from 'react-router';
import { signInPath } from '../account/next.js';
import { useSession } from '../account/sessionContext.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { ApiView } from '../components/Status.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { AttachmentUpload } from './AttachmentUpload.js';
import { worksOnPractices } from './LibraryPage.js';
import { useNames } from './names.js';
import { EditableAttachments } from './AttachmentRemove.js';
import { PracticeForm } from './PracticeForm.js';
import { practicePath, practiceUrl, type PracticeView } from './types.js';
import './practices.css';

/** Signed-out readers go to sign in and come back; others who cannot draft are told so. */
function useGuard(): 'wait' | 'sign-in' | 'denied' | 'ok' {
  const { state, user } = useSession();
  if (state.status !== 'ready' || state.leaving) return 'wait';
  if (!user) return 'sign-in';
  return worksOnPractices(user.roles) ? 'ok' : 'denied';
}

function Denied() {
  return (
    <p>
      <FormattedMessage id="practices.form.denied" />
    </p>
  );
}

/** /:lang/practices/new — draft a practice for one's state or organisation (the secretariat: its own). */
export function CreatePracticePage() {
  const intl = useIntl();
  const lang = usePageLang();
  const { pathname } = useLocation();
  const names = useNames();
  const guard = useGuard();
  const title = intl.formatMessage({ id: 'practices.create.title' });
  useDocumentTitle(title);
  if (guard === 'wait') return null;
  if (guard === 'sign-in') return <Navigate replace to={signInPath(lang, pathname)} />;
  return (
    <>
      <Breadcrumbs
        trail={[{ to: practicePath.library(lang), label: intl.formatMessage({ id: 'practices.title' }) }]}
        current={title}
      />
      <h1>{title}</h1>
      {guard === 'denied' ? (
        <Denied />
      ) : (
        <>
          <p>
            <FormattedMessage id="practices.create.intro" />
          </p>
          <PracticeForm names={names} />
        </>
      )}
    </>
  );
}

/** /:lang/practices/:id/edit — change a draft or returned practice, and its attachments. */
export function EditPracticePage() {
  const intl = useIntl();
  const lang = usePageLang();
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const names = useNames();
  const state = useApi<PracticeView>(practiceUrl.practice(id, lang));
  if (state.status === 'error' && state.error.code === 'unauthorized') {
    return <Navigate replace to={signInPath(lang, pathname)} />;
  }
  const title = (p: PracticeView) =>
    intl.formatMessage({ id: 'practices.edit.title' }, { title: p.read.title?.text ?? '' });
  return (
    <ApiView state={state} title={title}>
      {(p) => (
        <>
          <Breadcrumbs
            trail={[
              { to: practicePath.library(lang), label: intl.formatMessage({ id: 'practices.title' }) },
              { to: practicePath.practice(lang, p.id), label: p.read.title?.text ?? p.id },
            ]}
            current={intl.formatMessage({ id: 'practices.action.edit' })}
          />
          <h1>{title(p)}</h1>
          {!p.can.edit ? (
            <Denied />
          ) : (
            <>
              <PracticeForm practice={p} names={names} />
              <section aria-labelledby="practice-attachments">
                <h2 id="practice-attachments" tabIndex={-1}>
                  <FormattedMessage id="practices.attachments" />
                </h2>
                <EditableAttachments practice={p} onChanged={state.status === 'ok' ? state.reload : () => {}} />
                <AttachmentUpload practiceId={p.id} onChanged={state.status === 'ok' ? state.reload : () => {}} />
              </section>
            </>
          )}
        </>
      )}
    </ApiView>
  );
}
