import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';
import { TextArea } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { practiceErrors } from './problems.js';
import { practiceUrl, type PracticeView } from './types.js';

const BODY_ID = 'practice-comment';

/** The revisions of a practice, newest last, with their status. */
export function RevisionList({ practice }: { practice: PracticeView }) {
  return (
    <ol className="practice-revisions">
      {(practice.revisions ?? []).map((r) => (
        <li key={r.number}>
          <FormattedMessage
            id="practices.revision.line"
            values={{
              number: r.number,
              status: <FormattedMessage id={`practices.revisionStatus.${r.status}`} />,
              date: <FormattedDate value={r.createdAt} dateStyle="medium" />,
            }}
          />
        </li>
      ))}
    </ol>
  );
}

/** The discussion kept on a practice (decisions with their reasons, comments) and a box to add to it. */
export function Discussion({ practice, onChanged }: { practice: PracticeView; onChanged: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [body, setBody] = useState('');
  const label = intl.formatMessage({ id: 'practices.comment.body' });
  const onSubmit = () =>
    form.submit(
      () =>
        body.trim()
          ? []
          : [{ field: BODY_ID, message: intl.formatMessage({ id: 'form.error.required' }, { field: label }) }],
      async () => {
        await send('POST', practiceUrl.action(practice.id, 'comments', lang), { body: body.trim() });
        setBody('');
        form.setDone(intl.formatMessage({ id: 'practices.comment.done' }));
        onChanged();
      },
      (err) => practiceErrors(intl, err, { '/body': BODY_ID }),
    );
  const comments = practice.comments ?? [];
  return (
    <section aria-labelledby="practice-discussion">
      <h2 id="practice-discussion">
        <FormattedMessage id="practices.discussion" />
      </h2>
      {comments.length === 0 ? (
        <p>
          <FormattedMessage id="practices.discussion.none" />
        </p>
      ) : (
        <ol className="practice-comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="practice-line">
                <FormattedMessage
                  id="practices.comment.meta"
                  values={{
                    kind: <FormattedMessage id={`practices.comment.kind.${c.kind}`} />,
                    author: c.author,
                    revision: c.revision,
                    date: <FormattedDate value={c.createdAt} dateStyle="medium" timeStyle="short" />,
                  }}
                />
              </p>
              {c.body && <p className="practice-comment-body">{c.body}</p>}
            </li>
          ))}
        </ol>
      )}
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="practice-comment-title">
        <h3 id="practice-comment-title">
          <FormattedMessage id="practices.comment.title" />
        </h3>
        <TextArea id={BODY_ID} label={label} value={body} onChange={setBody} error={form.errorFor(BODY_ID)} />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="practices.comment.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}
