import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../api.js';
import { Checkbox, TextArea } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { practiceErrors } from './problems.js';
import { practiceUrl, type PersonalDataWarning, type PracticeView } from './types.js';

const DECISIONS = ['publish', 'return', 'reject'] as const;
type Decision = (typeof DECISIONS)[number];
const ID = { decision: 'review-decision', comment: 'review-comment', confirm: 'review-confirm' };

/** What looks like personal data, where: the reviewer checks these before publishing anyway. */
function Warnings({ warnings }: { warnings: PersonalDataWarning[] }) {
  const intl = useIntl();
  return (
    <div className="practice-warnings" id="review-warnings">
      <p>
        <strong>
          <FormattedMessage id="practices.review.warnings" />
        </strong>
      </p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            <FormattedMessage
              id="practices.review.warning"
              values={{
                kind: intl.formatMessage({ id: `practices.warning.${w.kind}` }),
                field: intl.formatMessage({ id: `practices.field.${w.field}` }),
                language: intl.formatMessage({ id: `lang.name.${w.lang}` }),
              }}
            />{' '}
            <q lang={w.lang}>{w.excerpt}</q>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The secretariat's decision on a submitted revision. Publishing text that looks like it names
 * a victim or carries personal data is refused until the reviewer confirms having checked it
 * (the Protocol's art. 6): the warnings are shown with that confirmation.
 */
export function ReviewForm({ practice, onChanged }: { practice: PracticeView; onChanged: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [decision, setDecision] = useState<Decision>('publish');
  const [comment, setComment] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [warnings, setWarnings] = useState<PersonalDataWarning[]>(practice.warnings ?? []);
  const commentLabel = intl.formatMessage({ id: 'practices.review.comment' });

  const onSubmit = () =>
    form.submit(
      () =>
        decision !== 'publish' && !comment.trim()
          ? [{ field: ID.comment, message: intl.formatMessage({ id: 'practices.error.commentRequired' }) }]
          : [],
      async () => {
        await send('POST', practiceUrl.action(practice.id, 'review', lang), {
          decision,
          comment: comment.trim() || undefined,
          confirmPersonalData: decision === 'publish' && confirm ? true : undefined,
        });
        onChanged();
      },
      (err) => {
        const error = asApiError(err);
        if (error.code === 'conflict' && error.reason === 'personal_data') {
          setWarnings((error.extensions.warnings as PersonalDataWarning[] | undefined) ?? []);
          return [{ field: ID.confirm, message: intl.formatMessage({ id: 'practices.review.confirmNeeded' }) }];
        }
        return practiceErrors(intl, err, { '/comment': ID.comment });
      },
    );

  return (
    <section aria-labelledby="practice-review">
      <h2 id="practice-review">
        <FormattedMessage id="practices.review.title" />
      </h2>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="practice-review">
        <fieldset className="field" id={ID.decision}>
          <legend>
            <FormattedMessage id="practices.review.decision" />
          </legend>
          {DECISIONS.map((d) => (
            <div className="field checkbox" key={d}>
              <input
                type="radio"
                id={`${ID.decision}-${d}`}
                name="decision"
                value={d}
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              <label htmlFor={`${ID.decision}-${d}`}>
                <FormattedMessage id={`practices.review.${d}`} />
              </label>
            </div>
          ))}
        </fieldset>
        <TextArea
          id={ID.comment}
          label={commentLabel}
          hint={<FormattedMessage id="practices.review.commentHint" />}
          value={comment}
          onChange={setComment}
          error={form.errorFor(ID.comment)}
        />
        {decision === 'publish' && warnings.length > 0 && (
          <>
            <Warnings warnings={warnings} />
            <Checkbox
              id={ID.confirm}
              label={intl.formatMessage({ id: 'practices.review.confirm' })}
              checked={confirm}
              onChange={setConfirm}
              error={form.errorFor(ID.confirm)}
            />
          </>
        )}
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="practices.review.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}
