import { useRef, useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { send } from '../../api.js';
import { Checkbox } from '../../forms/Field.js';
import { Form } from '../../forms/Form.js';
import { asApiError, problemMessage, type FormError } from '../../forms/problem.js';
import { useForm } from '../../forms/useForm.js';
import { bodyFrom, entriesFrom, indicatorRows, placeProblems, type Entries, type GridRow } from './grid.js';
import { cellProblemText, problemAt, rowFullName } from './labels.js';
import { ReportGrid } from './ReportGrid.js';
import { reportingUrl, type Indicator, type Report } from './types.js';

interface Props {
  iso3: string;
  year: number;
  report: Report | null;
  indicators: Indicator[];
  editable: boolean;
  /** Whether the reader may send the report for validation (a draft or a returned one). */
  canSubmit: boolean;
  /** After a change; `notice` is said (and focused) above when the buttons pressed are gone. */
  onChanged: (notice?: string) => void;
}

/** A refused save or submission: problems placed on the cells they are about, or one sentence. */
function errorsOf(intl: IntlShape, err: unknown, sent: GridRow[], indicators: Indicator[]): FormError[] {
  const error = asApiError(err);
  if (error.code === 'validation_failed' && error.errors.length > 0) {
    return placeProblems(error.errors, sent).map((p) => ({
      field: p.field,
      message: cellProblemText(intl, p, indicators),
    }));
  }
  if (error.code === 'unprocessable')
    return [{ field: null, message: intl.formatMessage({ id: 'reporting.error.empty' }) }];
  if (error.code === 'conflict')
    return [{ field: null, message: intl.formatMessage({ id: 'reporting.error.conflict' }) }];
  return [{ field: null, message: problemMessage(intl, error) }];
}

const hasDetails = (entries: Entries) =>
  Object.values(entries).some((e) => e.provisional || e.estimate || e.source !== '' || e.notes !== '');

/**
 * The grid and its two actions: save the draft (PUT) and send it for validation (saving first
 * when something changed). Figures reset to the server's whenever the report is read again.
 */
export function ReportEditor({ iso3, year, report, indicators, editable, canSubmit, onChanged }: Props) {
  const intl = useIntl();
  const form = useForm();
  const [base, setBase] = useState(report);
  const [entries, setEntries] = useState<Entries>(() => entriesFrom(report?.values ?? []));
  const [details, setDetails] = useState(() => hasDetails(entries));
  // The rows of the last body sent: the server's `body/values/N` paths index into it.
  const sent = useRef<GridRow[]>([]);
  // Read again (after a save, an import, a review): show what the server holds now.
  if (report !== base) {
    setBase(report);
    const fresh = entriesFrom(report?.values ?? []);
    setEntries(fresh);
    if (hasDetails(fresh)) setDetails(true);
  }
  const rows = indicators.flatMap(indicatorRows);
  const body = bodyFrom(rows, entries);
  const saved = bodyFrom(rows, entriesFrom(report?.values ?? []));
  const dirty = JSON.stringify(body.values) !== JSON.stringify(saved.values) || body.unreadable.length > 0;

  const unreadable = (): FormError[] =>
    body.unreadable.map((row) => ({
      field: `${row.id}-value`,
      message: problemAt(
        intl,
        rowFullName(intl, row, indicators),
        intl.formatMessage({ id: 'reporting.problem.not_a_count' }),
      ),
    }));
  const save = async () => {
    sent.current = body.rows;
    await send('PUT', reportingUrl.report(iso3, year), { values: body.values });
  };
  const onError = (err: unknown) => errorsOf(intl, err, sent.current, indicators);
  const onSave = () =>
    form.submit(
      unreadable,
      async () => {
        await save();
        form.setDone(intl.formatMessage({ id: 'reporting.saved' }));
        onChanged();
      },
      onError,
    );
  const onSubmitReport = () =>
    form.submit(
      unreadable,
      async () => {
        if (dirty || !report) await save();
        sent.current = [];
        await send('POST', reportingUrl.submission(iso3, year));
        onChanged(intl.formatMessage({ id: 'reporting.submitted' }));
      },
      onError,
    );

  return (
    <Form form={form} onSubmit={() => void onSave()} labelledBy="report-figures" className="report-form">
      <h2 id="report-figures">
        <FormattedMessage id="reporting.grid.title" />
      </h2>
      {editable && (
        <p className="hint">
          <FormattedMessage id="reporting.grid.hint" />
        </p>
      )}
      <Checkbox
        id="report-details"
        label={intl.formatMessage({ id: 'reporting.grid.details' })}
        checked={details}
        onChange={setDetails}
      />
      <ReportGrid
        indicators={indicators}
        entries={entries}
        details={details}
        errors={form.errors}
        onChange={editable ? (key, entry) => setEntries((all) => ({ ...all, [key]: entry })) : null}
      />
      {editable && (
        <p className="actions report-actions">
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="reporting.save" />
          </button>
          {canSubmit && (
            <button type="button" className="secondary" disabled={form.busy} onClick={() => void onSubmitReport()}>
              <FormattedMessage id={dirty ? 'reporting.saveAndSubmit' : 'reporting.submit'} />
            </button>
          )}
          {dirty && (
            <span className="report-dirty">
              <FormattedMessage id="reporting.unsaved" />
            </span>
          )}
        </p>
      )}
    </Form>
  );
}
