import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { send } from '../../api.js';
import { TextArea } from '../../forms/Field.js';
import { Form } from '../../forms/Form.js';
import { asApiError, problemErrors } from '../../forms/problem.js';
import { useForm } from '../../forms/useForm.js';
import { reportingUrl } from './types.js';

const DECISIONS = ['validate', 'return'] as const;
type Decision = (typeof DECISIONS)[number];
const ID = { decision: 'report-decision', comment: 'report-comment' };

/**
 * The secretariat's decision on a submitted report: validate it (its figures become public,
 * with suppression) or return it, saying what to correct.
 */
export function ReportReview({
  iso3,
  year,
  onChanged,
}: {
  iso3: string;
  year: number;
  onChanged: (notice: string) => void;
}) {
  const intl = useIntl();
  const form = useForm();
  const [decision, setDecision] = useState<Decision>('validate');
  const [comment, setComment] = useState('');
  const required = decision === 'return';

  const onSubmit = () =>
    form.submit(
      () =>
        required && !comment.trim()
          ? [{ field: ID.comment, message: intl.formatMessage({ id: 'reporting.review.commentRequired' }) }]
          : [],
      async () => {
        await send('POST', reportingUrl.review(iso3, year), { decision, comment: comment.trim() || null });
        onChanged(intl.formatMessage({ id: `reporting.review.done.${decision}` }));
      },
      (err) => {
        const error = asApiError(err);
        if (error.code === 'conflict') {
          return [{ field: null, message: intl.formatMessage({ id: 'reporting.error.conflict' }) }];
        }
        if (error.errors.some((e) => e.path === 'body/comment')) {
          return [{ field: ID.comment, message: intl.formatMessage({ id: 'reporting.review.commentRequired' }) }];
        }
        return problemErrors(intl, error, { '/comment': ID.comment });
      },
    );

  return (
    <section aria-labelledby="report-review">
      <h2 id="report-review">
        <FormattedMessage id="reporting.review.title" />
      </h2>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="report-review">
        <fieldset className="field" id={ID.decision}>
          <legend>
            <FormattedMessage id="reporting.review.decision" />
          </legend>
          {DECISIONS.map((d) => (
            <div className="field checkbox" key={d}>
              <input
                type="radio"
                id={`${ID.decision}-${d}`}
                name="report-decision"
                value={d}
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              <label htmlFor={`${ID.decision}-${d}`}>
                <FormattedMessage id={`reporting.review.${d}`} />
              </label>
            </div>
          ))}
        </fieldset>
        <TextArea
          id={ID.comment}
          label={intl.formatMessage({ id: 'reporting.review.comment' })}
          hint={<FormattedMessage id="reporting.review.commentHint" />}
          required={required}
          value={comment}
          onChange={setComment}
          error={form.errorFor(ID.comment)}
        />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="reporting.review.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}
