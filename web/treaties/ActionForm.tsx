import { useState } from 'react';
import { useIntl } from 'react-intl';
import { TREATY_ACTIONS } from '../../shared/schemas/treaties.js';
import { send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { SelectField, TextArea, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { useForm } from '../forms/useForm.js';
import { treatyFormErrors } from './problems.js';
import type { TreatyAction } from './types.js';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Props {
  instrument: string;
  iso3: string;
  /** The action to correct; none: a new one. */
  action?: TreatyAction;
  /** Names the form: the heading or button that opened it. */
  labelledBy: string;
  onSaved: () => void;
}

/**
 * The secretariat records or corrects one treaty action of the state for one instrument. The
 * server checks it as the import does (no future date, none before the adoption, one signature
 * and one consent); its problems are shown next to their fields.
 */
export function ActionForm({ instrument, iso3, action, labelledBy, onSaved }: Props) {
  const intl = useIntl();
  const form = useForm();
  const base = `action-${instrument}-${action?.id ?? 'new'}`;
  const ids = {
    action: `${base}-action`,
    date: `${base}-date`,
    reservations: `${base}-reservations`,
    source: `${base}-source`,
  };
  const [kind, setKind] = useState<string>(action?.action ?? 'ratification');
  const [date, setDate] = useState(action?.date ?? '');
  const [reservations, setReservations] = useState(action?.reservations ?? '');
  const [source, setSource] = useState(action?.source ?? '');
  const label = (id: string) => intl.formatMessage({ id });

  const onSubmit = () =>
    void form.submit(
      () => {
        const checks = new Checks(intl);
        if (!PARTIAL_DATE.test(date.trim())) checks.add(ids.date, 'treatyEdit.error.date');
        checks.required(ids.source, source, label('treatyEdit.field.source'));
        return checks.errors;
      },
      async () => {
        const body = {
          action: kind,
          date: date.trim(),
          source: source.trim(),
          reservations: reservations.trim() || null,
        };
        const base = `/api/treaties/${encodeURIComponent(instrument)}/actions`;
        if (action) await send('PATCH', `${base}/${encodeURIComponent(action.id)}`, body);
        else await send('POST', base, { ...body, state: iso3 });
        if (!action) {
          setDate('');
          setReservations('');
          setSource('');
        }
        form.setDone(label('treatyEdit.saved'));
        onSaved();
      },
      (err) =>
        treatyFormErrors(intl, err, {
          '/action': ids.action,
          '/date': ids.date,
          '/reservations': ids.reservations,
          '/source': ids.source,
        }),
    );

  return (
    <Form form={form} onSubmit={onSubmit} className="action-form" labelledBy={labelledBy}>
      <SelectField
        id={ids.action}
        label={label('treatyEdit.field.action')}
        value={kind}
        onChange={setKind}
        options={TREATY_ACTIONS.map((a) => ({ value: a, label: label(`treaties.action.${a}`) }))}
        error={form.errorFor(ids.action)}
      />
      <TextField
        id={ids.date}
        label={label('treatyEdit.field.date')}
        hint={label('treatyEdit.field.dateHint')}
        required
        value={date}
        onChange={setDate}
        inputMode="numeric"
        autoComplete="off"
        error={form.errorFor(ids.date)}
      />
      <TextArea
        id={ids.source}
        label={label('treatyEdit.field.source')}
        required
        rows={2}
        value={source}
        onChange={setSource}
        error={form.errorFor(ids.source)}
      />
      <TextArea
        id={ids.reservations}
        label={label('treatyEdit.field.reservations')}
        rows={2}
        value={reservations}
        onChange={setReservations}
        error={form.errorFor(ids.reservations)}
      />
      <p>
        <button type="submit" disabled={form.busy}>
          {label(action ? 'treatyEdit.saveChanges' : 'treatyEdit.save')}
        </button>
      </p>
    </Form>
  );
}
