import { useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { MemberState } from '../../shared/schemas/reference.js';
import { send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { SelectField, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, fieldFor, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import {
  ACCREDITATION_STATUSES,
  CSO_KINDS,
  participationUrl,
  type CivilSocietyInput,
  type CivilSocietyOrganization,
} from './types.js';

const KEYS = ['name', 'acronym', 'country', 'kind', 'status', 'validFrom', 'validUntil', 'website'] as const;
type Key = (typeof KEYS)[number];
type Values = Record<Key, string>;

const MAX: Partial<Record<Key, number>> = { name: 200, acronym: 30, website: 300 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const valuesOf = (org: CivilSocietyOrganization | null): Values => ({
  name: org?.name ?? '',
  acronym: org?.acronym ?? '',
  country: org?.country ?? '',
  kind: org?.kind === 'academic' ? 'academic' : 'ngo',
  status: org?.accreditation.status ?? 'accredited',
  validFrom: org?.accreditation.validFrom ?? '',
  validUntil: org?.accreditation.validUntil ?? '',
  website: org?.website ?? '',
});

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

function toInput(values: Values): CivilSocietyInput {
  return {
    name: values.name.trim(),
    acronym: blankToNull(values.acronym),
    country: values.country,
    kind: values.kind === 'academic' ? 'academic' : 'ngo',
    status: values.status as CivilSocietyInput['status'],
    validFrom: blankToNull(values.validFrom),
    validUntil: blankToNull(values.validUntil),
    website: blankToNull(values.website),
  };
}

// The registry's own sentences (use-case checks), said in the reader's language.
function csoErrors(intl: IntlShape, err: unknown, fields: Record<string, string>): FormError[] {
  const error = asApiError(err);
  const known: [RegExp, string][] = [
    [/must not be before validFrom/, 'form.error.dateOrder'],
    [/http\(s\) address|format "uri"/, 'form.error.website'],
    [/is not a member state/, 'cso.error.country'],
  ];
  if (error.code === 'validation_failed' && error.errors.some((e) => known.some(([re]) => re.test(e.message)))) {
    return error.errors.map((e) => {
      const id = known.find(([re]) => re.test(e.message))?.[1] ?? 'form.error.invalid';
      return { field: fieldFor(e.path, fields), message: intl.formatMessage({ id }) };
    });
  }
  return problemErrors(intl, error, fields);
}

interface Props {
  /** null: a new organisation */
  org: CivilSocietyOrganization | null;
  states: MemberState[];
  idPrefix: string;
  labelledBy: string;
  onSaved: (org: CivilSocietyOrganization) => void;
  onCancel?: () => void;
}

/** Add an organisation to the registry, or change one (secretariat). */
export function CsoForm({ org, states, idPrefix, labelledBy, onSaved, onCancel }: Props) {
  const intl = useIntl();
  const form = useForm();
  const [values, setValues] = useState<Values>(() => valuesOf(org));
  const id = (key: Key) => `${idPrefix}-${key}`;
  const label = (key: Key) => intl.formatMessage({ id: `cso.field.${key}` });
  const set = (key: Key) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const fields = Object.fromEntries(KEYS.map((k) => [`/${k}`, id(k)]));

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        if (checks.required(id('name'), values.name, label('name'))) {
          checks.maxLength(id('name'), values.name, MAX.name!, label('name'));
        }
        checks.maxLength(id('acronym'), values.acronym, MAX.acronym!, label('acronym'));
        checks.required(id('country'), values.country, label('country'));
        for (const key of ['validFrom', 'validUntil'] as const) {
          if (values[key] !== '' && !DATE.test(values[key])) checks.add(id(key), 'form.error.invalid');
        }
        if (values.validFrom && values.validUntil && values.validFrom > values.validUntil) {
          checks.add(id('validUntil'), 'form.error.dateOrder');
        }
        if (checks.maxLength(id('website'), values.website, MAX.website!, label('website'))) {
          checks.webAddress(id('website'), values.website);
        }
        return checks.errors;
      },
      async () => {
        const input = toInput(values);
        const saved = org
          ? await send<CivilSocietyOrganization>('PATCH', participationUrl.civilSocietyOrg(org.id), input)
          : await send<CivilSocietyOrganization>('POST', participationUrl.civilSociety(), input);
        if (!org) setValues(valuesOf(null));
        form.setDone(intl.formatMessage({ id: org ? 'cso.saved' : 'cso.added' }, { name: saved.name }));
        onSaved(saved);
      },
      (err) => csoErrors(intl, err, fields),
    );

  const text = (key: 'name' | 'acronym' | 'website', extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={id(key)}
      label={label(key)}
      value={values[key]}
      onChange={set(key)}
      error={form.errorFor(id(key))}
      required={key === 'name'}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy={labelledBy}>
      {text('name')}
      {text('acronym')}
      <SelectField
        id={id('country')}
        label={label('country')}
        value={values.country}
        onChange={set('country')}
        error={form.errorFor(id('country'))}
        required
        options={[
          { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
          ...states.map((s) => ({ value: s.iso3, label: s.name })),
        ]}
      />
      <SelectField
        id={id('kind')}
        label={label('kind')}
        value={values.kind}
        onChange={set('kind')}
        error={form.errorFor(id('kind'))}
        options={CSO_KINDS.map((k) => ({ value: k, label: intl.formatMessage({ id: `org.kind.${k}` }) }))}
      />
      <fieldset>
        <legend>
          <FormattedMessage id="cso.accreditation" />
        </legend>
        <SelectField
          id={id('status')}
          label={label('status')}
          value={values.status}
          onChange={set('status')}
          error={form.errorFor(id('status'))}
          options={ACCREDITATION_STATUSES.map((s) => ({
            value: s,
            label: intl.formatMessage({ id: `cso.status.${s}` }),
          }))}
        />
        <TextField
          id={id('validFrom')}
          type="date"
          label={label('validFrom')}
          value={values.validFrom}
          onChange={set('validFrom')}
          error={form.errorFor(id('validFrom'))}
        />
        <TextField
          id={id('validUntil')}
          type="date"
          label={label('validUntil')}
          value={values.validUntil}
          onChange={set('validUntil')}
          error={form.errorFor(id('validUntil'))}
        />
      </fieldset>
      {text('website', { type: 'url', spellCheck: false, hint: <FormattedMessage id="contacts.websiteHint" /> })}
      <p className="actions">
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id={org ? 'cso.save' : 'cso.add'} />
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            <FormattedMessage id="form.cancel" />
          </button>
        )}
      </p>
    </Form>
  );
}
