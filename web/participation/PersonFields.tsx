import type { ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { LANGS, type Lang } from '../../shared/lang.js';
import type { Checks } from '../forms/checks.js';
import { Checkbox, SelectField, TextField } from '../forms/Field.js';
import type { FormState } from '../forms/useForm.js';
import { GENDERS, type PersonInput } from './types.js';

const TEXT = ['givenName', 'familyName', 'email', 'title', 'position', 'institution', 'phone'] as const;
type TextKey = (typeof TEXT)[number];

export interface PersonValues extends Record<TextKey, string> {
  gender: (typeof GENDERS)[number];
  preferredLang: Lang;
  idDocumentNumber: string;
  publicListConsent: boolean;
}

export const emptyPerson = (lang: Lang): PersonValues => ({
  givenName: '',
  familyName: '',
  email: '',
  title: '',
  position: '',
  institution: '',
  phone: '',
  gender: 'undisclosed',
  preferredLang: lang,
  idDocumentNumber: '',
  publicListConsent: false,
});

// The server's limits (shared/schemas/participation.ts), checked here first.
const MAX: Record<TextKey | 'idDocumentNumber', number> = {
  givenName: 100,
  familyName: 100,
  email: 254,
  title: 60,
  position: 200,
  institution: 200,
  phone: 40,
  idDocumentNumber: 40,
};
const PHONE = /^\+?[0-9 ().\-/]{4,40}$/;
const ID_DOCUMENT = /^[A-Za-z0-9 -]{3,40}$/;

const LABELS: Record<TextKey | 'gender' | 'preferredLang' | 'idDocumentNumber', string> = {
  givenName: 'participation.person.givenName',
  familyName: 'participation.person.familyName',
  email: 'account.email',
  title: 'participation.person.title',
  position: 'participation.person.position',
  institution: 'participation.person.institution',
  phone: 'contacts.phone',
  gender: 'participation.person.gender',
  preferredLang: 'participation.person.preferredLang',
  idDocumentNumber: 'participation.person.idDocument',
};

const personId = (prefix: string, key: string) => `${prefix}-${key}`;

/** JSON pointers of the request body (under `base`, e.g. "/person") to the ids of the controls. */
export function personFieldMap(prefix: string, base = '/person'): Record<string, string> {
  const keys = [...TEXT, 'gender', 'preferredLang', 'idDocumentNumber', 'publicListConsent'];
  return Object.fromEntries(keys.map((k) => [`${base}/${k}`, personId(prefix, k)]));
}

/** Client-side checks in the order of the fields. */
export function checkPerson(
  intl: IntlShape,
  checks: Checks,
  prefix: string,
  values: PersonValues,
  requiresIdDocument: boolean,
): void {
  const label = (key: keyof typeof LABELS) => intl.formatMessage({ id: LABELS[key] });
  const id = (key: string) => personId(prefix, key);
  for (const key of TEXT) {
    const value = values[key];
    if (key === 'givenName' || key === 'familyName') {
      if (checks.required(id(key), value, label(key))) checks.maxLength(id(key), value, MAX[key], label(key));
    } else if (key === 'email') {
      if (checks.maxLength(id(key), value, MAX.email, label(key))) checks.email(id(key), value, label(key));
    } else if (checks.maxLength(id(key), value, MAX[key], label(key)) && key === 'phone') {
      if (value.trim() !== '' && !PHONE.test(value.trim())) checks.add(id(key), 'participation.error.phone');
    }
  }
  const document = values.idDocumentNumber.trim();
  if (requiresIdDocument && checks.required(id('idDocumentNumber'), document, label('idDocumentNumber'))) {
    if (!ID_DOCUMENT.test(document)) checks.add(id('idDocumentNumber'), 'participation.error.idDocument');
  } else if (!requiresIdDocument && document !== '' && !ID_DOCUMENT.test(document)) {
    checks.add(id('idDocumentNumber'), 'participation.error.idDocument');
  }
}

/** What the API takes: blanks left out. */
export function personInput(values: PersonValues): PersonInput {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    email: values.email.trim(),
    title: optional(values.title),
    position: optional(values.position),
    institution: optional(values.institution),
    phone: optional(values.phone),
    gender: values.gender,
    preferredLang: values.preferredLang,
    idDocumentNumber: optional(values.idDocumentNumber),
    publicListConsent: values.publicListConsent,
  };
}

interface Props {
  prefix: string;
  legend: ReactNode;
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  form: FormState;
  /** Show the identity-document field (the meeting asks for it). */
  idDocument: boolean;
}

/** A person's details as a fieldset: names, contact, gender, language, consent to the public list. */
export function PersonFields({ prefix, legend, values, onChange, form, idDocument }: Props) {
  const intl = useIntl();
  const id = (key: string) => personId(prefix, key);
  const set =
    <K extends keyof PersonValues>(key: K) =>
    (value: PersonValues[K]) =>
      onChange({ ...values, [key]: value });
  const text = (key: TextKey, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={id(key)}
      label={intl.formatMessage({ id: LABELS[key] })}
      value={values[key]}
      onChange={set(key)}
      error={form.errorFor(id(key))}
      required={key === 'givenName' || key === 'familyName' || key === 'email'}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <fieldset className="person-fields">
      <legend>{legend}</legend>
      {text('givenName')}
      {text('familyName')}
      {text('email', { type: 'email', spellCheck: false })}
      {text('title', { hint: <FormattedMessage id="participation.person.titleHint" /> })}
      {text('position')}
      {text('institution')}
      {text('phone', { type: 'tel', hint: <FormattedMessage id="contacts.phoneHint" /> })}
      <SelectField
        id={id('gender')}
        label={intl.formatMessage({ id: LABELS.gender })}
        value={values.gender}
        onChange={(v) => set('gender')(v as PersonValues['gender'])}
        error={form.errorFor(id('gender'))}
        options={GENDERS.map((g) => ({ value: g, label: intl.formatMessage({ id: `participation.gender.${g}` }) }))}
      />
      <SelectField
        id={id('preferredLang')}
        label={intl.formatMessage({ id: LABELS.preferredLang })}
        hint={<FormattedMessage id="participation.person.preferredLangHint" />}
        value={values.preferredLang}
        onChange={(v) => set('preferredLang')(v as Lang)}
        error={form.errorFor(id('preferredLang'))}
        options={LANGS.map((l) => ({ value: l, label: intl.formatMessage({ id: `lang.name.${l}` }) }))}
      />
      {idDocument && (
        <TextField
          id={id('idDocumentNumber')}
          label={intl.formatMessage({ id: LABELS.idDocumentNumber })}
          hint={<FormattedMessage id="participation.person.idDocumentHint" />}
          value={values.idDocumentNumber}
          onChange={set('idDocumentNumber')}
          error={form.errorFor(id('idDocumentNumber'))}
          required
          autoComplete="off"
        />
      )}
      <Checkbox
        id={id('publicListConsent')}
        label={<FormattedMessage id="participation.person.consent" />}
        hint={<FormattedMessage id="participation.person.consentHint" />}
        checked={values.publicListConsent}
        onChange={set('publicListConsent')}
        error={form.errorFor(id('publicListConsent'))}
      />
    </fieldset>
  );
}
