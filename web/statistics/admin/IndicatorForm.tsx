import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LANGS, type Lang } from '../../../shared/lang.js';
import { send } from '../../api.js';
import { Checkbox, TextArea, TextField } from '../../forms/Field.js';
import { Form } from '../../forms/Form.js';
import { problemErrors, type FormError } from '../../forms/problem.js';
import { useForm } from '../../forms/useForm.js';
import { usePageLang } from '../../i18n/hooks.js';
import {
  bodyOf,
  emptyDraft,
  draftOf,
  fieldId,
  FIELDS,
  indicatorUrl,
  TEXT_KINDS,
  type Draft,
  type FullIndicator,
  type TextKind,
} from './model.js';

interface Props {
  /** Absent: a new indicator. */
  indicator?: FullIndicator;
  onSaved: (code: string) => void;
  onCancel: () => void;
}

/**
 * Adds or edits an indicator: its texts in the four languages side by side, so a translator sees
 * every version of a sentence at once. Problems the server finds land next to their inputs.
 */
export function IndicatorForm({ indicator, onSaved, onCancel }: Props) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const creating = !indicator;
  const [draft, setDraft] = useState<Draft>(() => (indicator ? draftOf(indicator) : emptyDraft()));
  const headingId = 'indicator-form-title';
  const label = (id: string) => intl.formatMessage({ id: `statsAdmin.field.${id}` });
  const setText = (kind: TextKind, l: Lang, value: string) =>
    setDraft((d) => ({ ...d, [kind]: { ...d[kind], [l]: value } }));

  const textLabel = (kind: TextKind, l: Lang) =>
    intl.formatMessage(
      { id: 'statsAdmin.field.inLanguage' },
      { field: label(kind), language: intl.formatMessage({ id: `lang.name.${l}` }) },
    );

  const validate = (): FormError[] => {
    const missing: FormError[] = [];
    const required = (id: string, value: string, name: string) => {
      if (value.trim() === '') {
        missing.push({ field: id, message: intl.formatMessage({ id: 'form.error.required' }, { field: name }) });
      }
    };
    if (creating) required(fieldId('code'), draft.code, label('code'));
    for (const kind of TEXT_KINDS) {
      for (const l of LANGS) required(fieldId(kind, l), draft[kind][l], textLabel(kind, l));
    }
    required(fieldId('unit'), draft.unit, label('unit'));
    return missing;
  };

  const onSubmit = () =>
    form.submit(
      validate,
      async () => {
        const body = bodyOf(draft, creating);
        const code = creating ? draft.code.trim() : indicator.code;
        if (creating) await send('POST', `/api/statistics/indicators?lang=${lang}`, body);
        else await send('PATCH', `${indicatorUrl(code)}?lang=${lang}`, body);
        onSaved(code);
      },
      (err) => problemErrors(intl, err, FIELDS),
    );

  return (
    <section aria-labelledby={headingId} className="indicator-form">
      <h2 id={headingId} tabIndex={-1}>
        {creating ? (
          <FormattedMessage id="statsAdmin.form.new" />
        ) : (
          <FormattedMessage id="statsAdmin.form.edit" values={{ code: indicator.code }} />
        )}
      </h2>
      <Form form={form} onSubmit={() => void onSubmit()} labelledBy={headingId}>
        {creating && (
          <TextField
            id={fieldId('code')}
            label={label('code')}
            hint={intl.formatMessage({ id: 'statsAdmin.hint.code' })}
            required
            value={draft.code}
            error={form.errorFor(fieldId('code'))}
            onChange={(code) => setDraft((d) => ({ ...d, code }))}
          />
        )}
        {TEXT_KINDS.map((kind) => (
          <fieldset key={kind} className="indicator-texts">
            <legend>{label(kind)}</legend>
            <div className="indicator-langs">
              {LANGS.map((l) => (
                <TextArea
                  key={l}
                  id={fieldId(kind, l)}
                  label={textLabel(kind, l)}
                  required
                  lang={l}
                  rows={kind === 'name' ? 2 : 4}
                  value={draft[kind][l]}
                  error={form.errorFor(fieldId(kind, l))}
                  onChange={(v) => setText(kind, l, v)}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <TextField
          id={fieldId('unit')}
          label={label('unit')}
          hint={intl.formatMessage({ id: 'statsAdmin.hint.unit' })}
          required
          value={draft.unit}
          error={form.errorFor(fieldId('unit'))}
          onChange={(unit) => setDraft((d) => ({ ...d, unit }))}
        />
        <TextArea
          id={fieldId('breakdowns')}
          label={label('breakdowns')}
          hint={intl.formatMessage({ id: 'statsAdmin.hint.breakdowns' })}
          rows={4}
          value={draft.breakdowns}
          error={form.errorFor(fieldId('breakdowns'))}
          onChange={(breakdowns) => setDraft((d) => ({ ...d, breakdowns }))}
        />
        <Checkbox
          id={fieldId('additive')}
          label={label('additive')}
          hint={intl.formatMessage({ id: 'statsAdmin.hint.additive' })}
          checked={draft.additive}
          error={form.errorFor(fieldId('additive'))}
          onChange={(additive) => setDraft((d) => ({ ...d, additive }))}
        />
        <p className="actions">
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id={creating ? 'statsAdmin.form.create' : 'statsAdmin.form.save'} />
          </button>{' '}
          <button type="button" className="secondary" onClick={onCancel}>
            <FormattedMessage id="statsAdmin.form.cancel" />
          </button>
        </p>
      </Form>
    </section>
  );
}
