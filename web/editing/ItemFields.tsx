import { FormattedMessage, useIntl } from 'react-intl';
import type { Organization } from '../../shared/schemas/reference.js';
import type { DraftPresenter } from '../../shared/schemas/editing.js';
import type { AgendaItemKind } from '../../shared/schemas/agenda.js';
import { Checkbox, SelectField, TextField } from '../forms/Field.js';
import type { FormState } from '../forms/useForm.js';
import { organizationLabel } from '../admin/reference.js';
import { ITEM_KINDS } from './constants.js';
import type { EditItem } from './draftModel.js';
import { MultiTextEditor } from './MultiTextEditor.js';

interface Props {
  item: EditItem;
  onChange: (patch: Partial<EditItem>) => void;
  organizations: Organization[];
  form: FormState;
}

function togglePresenter(list: DraftPresenter[], id: string, on: boolean): DraftPresenter[] {
  const without = list.filter((p) => !(p.type === 'organization' && p.id === id));
  return on ? [...without, { type: 'organization', id }] : without;
}

/** The editable fields of one agenda item. */
export function ItemFields({ item, onChange, organizations, form }: Props) {
  const intl = useIntl();
  const { uid } = item;
  const chosen = new Set(item.presenters.flatMap((p) => (p.type === 'organization' ? [p.id] : [])));
  const people = item.presenters.flatMap((p) => (p.type === 'person' ? [p.name] : []));
  return (
    <div className="item-fields">
      <TextField
        id={`${uid}-number`}
        type="number"
        inputMode="numeric"
        min={1}
        max={999}
        label={intl.formatMessage({ id: 'draft.number' })}
        hint={<FormattedMessage id="draft.numberHint" />}
        value={String(item.number)}
        onChange={(v) => onChange({ number: Number.parseInt(v, 10) || 0 })}
        error={form.errorFor(`${uid}-number`)}
        className="short"
      />
      <SelectField
        id={`${uid}-kind`}
        label={intl.formatMessage({ id: 'draft.kind' })}
        value={item.kind}
        onChange={(v) => onChange({ kind: v as AgendaItemKind })}
        options={ITEM_KINDS.map((k) => ({ value: k, label: intl.formatMessage({ id: `agenda.kind.${k}` }) }))}
        error={form.errorFor(`${uid}-kind`)}
      />
      <MultiTextEditor
        id={`${uid}-title`}
        legend={<FormattedMessage id="draft.itemTitle" />}
        value={item.title}
        onChange={(title) => onChange({ title })}
        form={form}
        multiline
        rows={2}
      />
      <MultiTextEditor
        id={`${uid}-description`}
        legend={<FormattedMessage id="draft.description" />}
        hint={<FormattedMessage id="draft.descriptionHint" />}
        value={item.description}
        onChange={(description) => onChange({ description })}
        form={form}
        multiline
        rows={3}
      />
      <fieldset className="presenters" id={`${uid}-presenters`} tabIndex={-1}>
        <legend>
          <FormattedMessage id="agenda.presenters" />
        </legend>
        {form.errorFor(`${uid}-presenters`) && <p className="field-error">{form.errorFor(`${uid}-presenters`)}</p>}
        <div className="checkbox-columns">
          {organizations.map((org) => (
            <Checkbox
              key={org.id}
              id={`${uid}-org-${org.id}`}
              label={organizationLabel(org)}
              checked={chosen.has(org.id)}
              onChange={(on) => onChange({ presenters: togglePresenter(item.presenters, org.id, on) })}
            />
          ))}
        </div>
        {people.length > 0 && (
          <p className="note">
            <FormattedMessage id="draft.people" values={{ names: intl.formatList(people, { type: 'conjunction' }) }} />
          </p>
        )}
      </fieldset>
    </div>
  );
}
