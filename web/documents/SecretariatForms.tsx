import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { SYMBOL_MAX } from '../../shared/schemas/documents.js';
import { send } from '../api.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { SelectField, TextArea, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { Checks } from '../forms/checks.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { documentErrors } from './problems.js';
import { documentUrl, type DocumentList, type DocumentView } from './types.js';

interface Props {
  doc: DocumentView;
  onChanged: () => void;
}

/** Issuing and superseding remove their own form: the page says it was done, in a focused notice. */
interface DoneProps {
  doc: DocumentView;
  onDone: (message: string) => void;
}

/** Issue a draft: the symbol given, or the next number of a series (the meeting's by default). */
export function IssueForm({ doc, onDone }: DoneProps) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [how, setHow] = useState<'series' | 'symbol'>(doc.symbol ? 'symbol' : 'series');
  const [symbol, setSymbol] = useState(doc.symbol ?? '');
  const [series, setSeries] = useState('');
  const [date, setDate] = useState(doc.date ?? '');
  const symbolLabel = intl.formatMessage({ id: 'documents.field.symbol' });
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        if (how === 'symbol' && checks.required('issue-symbol', symbol, symbolLabel)) {
          checks.maxLength('issue-symbol', symbol, SYMBOL_MAX, symbolLabel);
        }
        return checks.errors;
      },
      async () => {
        const body: { symbol?: string; series?: string; date?: string } = {};
        if (how === 'symbol') body.symbol = symbol.trim();
        else if (series.trim()) body.series = series.trim();
        if (date) body.date = date;
        await send('POST', documentUrl.issue(doc.id, lang), body);
        onDone(intl.formatMessage({ id: 'documents.issue.done' }));
      },
      (err) =>
        documentErrors(
          intl,
          err,
          { '/symbol': 'issue-symbol', '/series': 'issue-series', '/date': 'issue-date' },
          { reasonField: { symbol_taken: how === 'symbol' ? 'issue-symbol' : 'issue-series' } },
        ),
    );
  return (
    <section aria-labelledby="document-issue">
      <h3 id="document-issue">
        <FormattedMessage id="documents.issue.title" />
      </h3>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="document-issue">
        <fieldset>
          <legend>
            <FormattedMessage id="documents.issue.how" />
          </legend>
          {(['series', 'symbol'] as const).map((value) => (
            <div className="field checkbox" key={value}>
              <input
                type="radio"
                id={`issue-how-${value}`}
                name="issue-how"
                checked={how === value}
                onChange={() => setHow(value)}
              />
              <label htmlFor={`issue-how-${value}`}>
                <FormattedMessage id={`documents.issue.how.${value}`} />
              </label>
            </div>
          ))}
        </fieldset>
        {how === 'symbol' ? (
          <TextField
            id="issue-symbol"
            label={symbolLabel}
            hint={<FormattedMessage id="documents.field.symbolHint" />}
            required
            value={symbol}
            onChange={setSymbol}
            error={form.errorFor('issue-symbol')}
            autoComplete="off"
          />
        ) : (
          <TextField
            id="issue-series"
            label={intl.formatMessage({ id: 'documents.issue.series' })}
            hint={<FormattedMessage id="documents.issue.seriesHint" />}
            value={series}
            onChange={setSeries}
            error={form.errorFor('issue-series')}
            maxLength={100}
            autoComplete="off"
          />
        )}
        <TextField
          id="issue-date"
          type="date"
          label={intl.formatMessage({ id: 'documents.field.date' })}
          value={date}
          onChange={setDate}
          error={form.errorFor('issue-date')}
        />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="documents.issue.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}

/** A revision or corrigendum: what changed is required, so readers of the register know. */
export function RevisionForm({ doc, onChanged }: Props) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [kind, setKind] = useState('rev');
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const noteLabel = intl.formatMessage({ id: 'documents.revision.note' });
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        if (checks.required('revision-note', note, noteLabel)) checks.maxLength('revision-note', note, 2000, noteLabel);
        return checks.errors;
      },
      async () => {
        await send('POST', documentUrl.revisions(doc.id, lang), { kind, note: note.trim(), ...(date ? { date } : {}) });
        setNote('');
        setDate('');
        form.setDone(intl.formatMessage({ id: 'documents.revision.done' }));
        onChanged();
      },
      (err) =>
        documentErrors(intl, err, { '/kind': 'revision-kind', '/note': 'revision-note', '/date': 'revision-date' }),
    );
  return (
    <section aria-labelledby="document-revise">
      <h3 id="document-revise">
        <FormattedMessage id="documents.revision.title" />
      </h3>
      <p>
        <FormattedMessage id="documents.revision.intro" />
      </p>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="document-revise">
        <SelectField
          id="revision-kind"
          label={intl.formatMessage({ id: 'documents.revision.kind' })}
          value={kind}
          onChange={setKind}
          options={['rev', 'corr'].map((k) => ({
            value: k,
            label: intl.formatMessage({ id: `documents.revision.kind.${k}` }),
          }))}
        />
        <TextArea
          id="revision-note"
          label={noteLabel}
          hint={<FormattedMessage id="documents.revision.noteHint" />}
          required
          value={note}
          onChange={setNote}
          error={form.errorFor('revision-note')}
          rows={3}
        />
        <TextField
          id="revision-date"
          type="date"
          label={intl.formatMessage({ id: 'documents.field.date' })}
          value={date}
          onChange={setDate}
          error={form.errorFor('revision-date')}
        />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="documents.revision.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}

/** Mark the document superseded, optionally by another document of the meeting. */
export function SupersedeForm({ doc, onDone }: DoneProps) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [by, setBy] = useState('');
  const others = useApi<DocumentList>(documentUrl.list(doc.meeting.slug, lang));
  const options = others.status === 'ok' ? others.data.items.filter((d) => d.id !== doc.id) : [];
  const onSubmit = () =>
    form.submit(
      () => [],
      async () => {
        await send('POST', documentUrl.supersede(doc.id, lang), by ? { by } : {});
        onDone(intl.formatMessage({ id: 'documents.supersede.done' }));
      },
      (err) => documentErrors(intl, err, { '/by': 'supersede-by' }),
    );
  return (
    <section aria-labelledby="document-supersede">
      <h3 id="document-supersede">
        <FormattedMessage id="documents.supersede.title" />
      </h3>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="document-supersede">
        <SelectField
          id="supersede-by"
          label={intl.formatMessage({ id: 'documents.supersede.by' })}
          value={by}
          onChange={setBy}
          error={form.errorFor('supersede-by')}
          options={[
            { value: '', label: intl.formatMessage({ id: 'documents.field.none' }) },
            ...options.map((d) => ({ value: d.id, label: d.symbol ? `${d.symbol} — ${d.title.text}` : d.title.text })),
          ]}
        />
        {/* Asked twice: a superseded document stays so for every reader. */}
        <ConfirmButton
          label={<FormattedMessage id="documents.supersede.submit" />}
          question={<FormattedMessage id="documents.supersede.question" />}
          confirm={<FormattedMessage id="documents.supersede.confirm" />}
          busy={form.busy}
          onConfirm={onSubmit}
        />
      </Form>
    </section>
  );
}
