import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { send } from '../api.js';
import { Notice } from '../components/Notice.js';
import { asApiError, type FormError } from '../forms/problem.js';
import { usePageLang } from '../i18n/hooks.js';
import { AttachmentUpload } from './AttachmentUpload.js';
import { Discussion, RevisionList } from './Discussion.js';
import { practiceErrors } from './problems.js';
import { ReviewForm } from './ReviewForm.js';
import { practicePath, practiceUrl, type PracticeView } from './types.js';

/** A status word as a badge; the word carries the meaning, the colour only repeats it. */
export function StatusBadge({ status }: { status: PracticeView['status'] }) {
  return (
    <span className={`badge practice-status-${status}`}>
      <FormattedMessage id={`practices.status.${status}`} />
    </span>
  );
}

/**
 * What owners and the secretariat see besides the text: the status, the actions their `can`
 * flags allow, attachments to add, the revisions and the discussion. After an action the page
 * reloads and a notice takes focus (the button pressed may be gone).
 */
export function PracticeWork({ practice, onChanged }: { practice: PracticeView; onChanged: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const [said, setSaid] = useState<{ n: number; message: string } | null>(null);
  const [failed, setFailed] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const done = (id: string) => {
    setSaid((s) => ({ n: (s?.n ?? 0) + 1, message: intl.formatMessage({ id }) }));
    onChanged();
  };
  const act = async (action: 'submission' | 'revisions', message: string) => {
    setBusy(true);
    setFailed([]);
    try {
      // An empty object, not no body: the API validates a JSON body (an optional note).
      await send('POST', practiceUrl.action(practice.id, action, lang), {});
      done(message);
    } catch (err) {
      setFailed(practiceErrors(intl, asApiError(err)));
    } finally {
      setBusy(false);
    }
  };
  const { can } = practice;
  return (
    <>
      <section aria-labelledby="practice-work">
        <h2 id="practice-work">
          <FormattedMessage id="practices.workflow" />
        </h2>
        {said && (
          <Notice key={said.n}>
            <p>{said.message}</p>
          </Notice>
        )}
        <p>
          <FormattedMessage
            id="practices.statusLine"
            values={{ status: <StatusBadge status={practice.status} />, revision: practice.revision }}
          />
        </p>
        {failed.length > 0 && (
          <div className="notice" role="alert">
            {failed.map((f, i) => (
              <p key={i}>{f.message}</p>
            ))}
          </div>
        )}
        {(can.edit || can.submit || can.revise) && (
          <p className="actions">
            {can.edit && (
              <Link className="button-link" to={practicePath.edit(lang, practice.id)}>
                <FormattedMessage id="practices.action.edit" />
              </Link>
            )}
            {can.submit && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void act('submission', 'practices.action.submitted')}
              >
                <FormattedMessage id="practices.action.submit" />
              </button>
            )}
            {can.revise && (
              <button type="button" disabled={busy} onClick={() => void act('revisions', 'practices.action.revised')}>
                <FormattedMessage id="practices.action.revise" />
              </button>
            )}
          </p>
        )}
        {can.edit && <AttachmentUpload practiceId={practice.id} onChanged={onChanged} />}
        <h3>
          <FormattedMessage id="practices.revisions" />
        </h3>
        <RevisionList practice={practice} />
      </section>
      {can.review && <ReviewForm practice={practice} onChanged={() => done('practices.review.done')} />}
      <Discussion practice={practice} onChanged={onChanged} />
    </>
  );
}
