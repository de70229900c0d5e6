import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { LANGS } from '../../shared/lang.js';
import type { SessionUser } from '../../shared/schemas/auth.js';
import { useSession } from '../account/sessionContext.js';
import { send } from '../api.js';
import { SelectField, TextArea, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import type { FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { ChoiceGroup } from './ChoiceGroup.js';
import { emptyForm, fieldId, formFromData, problemFields, toInput, type PracticeFormState } from './formModel.js';
import type { Names } from './names.js';
import { PlacesField } from './PlacesField.js';
import { PresentedAtField } from './PresentedAtField.js';
import { practiceErrors } from './problems.js';
import { TextVersions } from './TextVersions.js';
import {
  EXPLOITATION_FORMS,
  practicePath,
  practiceUrl,
  TARGET_GROUPS,
  TEXT_FIELDS,
  THEMES,
  type FilterName,
  type PracticeView,
} from './types.js';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** For whom a user drafts: each state they are focal point of, each organisation they represent. */
export function ownerChoices(user: SessionUser | null): string[] {
  if (!user || user.roles.some((r) => r.role === 'secretariat')) return [];
  return user.roles.flatMap((r) =>
    r.role === 'focal_point' && r.memberState
      ? [`state:${r.memberState}`]
      : r.role === 'organization_rep' && r.organizationId
        ? [`org:${r.organizationId}`]
        : [],
  );
}

/** Create (no `practice`) or edit a practice; sends the whole content, then shows the practice page. */
export function PracticeForm({ practice, names }: { practice?: PracticeView; names: Names }) {
  const intl = useIntl();
  const lang = usePageLang();
  const navigate = useNavigate();
  const form = useForm();
  const { user } = useSession();
  const secretariat = user?.roles.some((r) => r.role === 'secretariat') ?? false;
  const translator = secretariat ? 'secretariat' : 'submitter';
  const [value, setValue] = useState<PracticeFormState>(() =>
    practice ? formFromData(practice.data, translator) : emptyForm(lang, translator),
  );
  const owners = ownerChoices(user);
  const [owner, setOwner] = useState(owners[0] ?? '');
  const set =
    <K extends keyof PracticeFormState>(key: K) =>
    (v: PracticeFormState[K]) =>
      setValue((s) => ({ ...s, [key]: v }));
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const catalogue = (facet: FilterName, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: names.value(facet, v) }));
  const states = [...names.states]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({ value: s.iso3, label: s.name }));
  const orgs = names.organizations
    .map((o) => ({ value: o.id, label: names.organization(o.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const check = (): FormError[] => {
    const errors: FormError[] = [];
    const original = value.versions[value.original].text;
    for (const f of ['title', 'summary', 'description'] as const) {
      if (!original[f].trim()) {
        const field = t(`practices.field.${f}`);
        errors.push({ field: fieldId.text(value.original, f), message: t('form.error.required', { field }) });
      }
    }
    // A translation of a field the original leaves empty would be lost: say so where it is.
    for (const l of LANGS) {
      if (l === value.original || !value.versions[l].on) continue;
      for (const f of TEXT_FIELDS) {
        if (value.versions[l].text[f].trim() && !original[f].trim()) {
          errors.push({
            field: fieldId.text(l, f),
            message: t('practices.error.noOriginal', { field: t(`practices.field.${f}`) }),
          });
        }
      }
    }
    if (value.themes.length === 0) {
      errors.push({ field: fieldId.themes, message: t('practices.error.themes') });
    }
    // Checked here, not dropped by toInput, so the rows sent keep the indices the server's problems name.
    value.otherPlaces.forEach((place, i) => {
      if (!LANGS.some((l) => place[l].trim())) {
        errors.push({ field: fieldId.place(i, LANGS[0]), message: t('practices.error.placeName') });
      }
    });
    value.presentedAt.forEach((row, i) => {
      if (!row.meeting) errors.push({ field: fieldId.presentedMeeting(i), message: t('practices.error.meeting') });
    });
    for (const key of ['periodStart', 'periodEnd'] as const) {
      if (value[key].trim() && !PERIOD.test(value[key].trim())) {
        errors.push({ field: fieldId[key], message: t('practices.error.period') });
      }
    }
    return errors;
  };

  const onSubmit = () =>
    form.submit(
      check,
      async () => {
        if (practice) {
          await send('PUT', practiceUrl.practice(practice.id, lang), toInput(value, practice.data));
          void navigate(practicePath.practice(lang, practice.id), { state: { saved: true } });
          return;
        }
        const [kind, id] = owner.split(':');
        const created = await send<PracticeView>('POST', practiceUrl.create(lang), {
          memberState: kind === 'state' ? id : undefined,
          organizationId: kind === 'org' ? id : undefined,
          data: toInput(value),
        });
        void navigate(practicePath.practice(lang, created.id), { state: { saved: true } });
      },
      (err) => practiceErrors(intl, err, problemFields(value, practice ? '' : '/data')),
    );

  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="practice-form">
      {owners.length > 1 && (
        <SelectField
          id={fieldId.owner}
          label={t('practices.field.owner')}
          value={owner}
          onChange={setOwner}
          options={owners.map((o) => {
            const [kind, id = ''] = o.split(':');
            return { value: o, label: kind === 'state' ? names.state(id) : names.organization(id) };
          })}
        />
      )}
      <TextVersions value={value} onChange={setValue} form={form} />
      <ChoiceGroup
        id={fieldId.themes}
        legend={t('practices.facet.theme')}
        required
        choices={catalogue('theme', THEMES)}
        value={value.themes}
        onChange={set('themes')}
        error={form.errorFor(fieldId.themes)}
      />
      <ChoiceGroup
        id={fieldId.targetGroups}
        legend={t('practices.facet.targetGroup')}
        choices={catalogue('targetGroup', TARGET_GROUPS)}
        value={value.targetGroups}
        onChange={set('targetGroups')}
        error={form.errorFor(fieldId.targetGroups)}
      />
      <ChoiceGroup
        id={fieldId.exploitationForms}
        legend={t('practices.facet.form')}
        choices={catalogue('form', EXPLOITATION_FORMS)}
        value={value.exploitationForms}
        onChange={set('exploitationForms')}
        error={form.errorFor(fieldId.exploitationForms)}
      />
      <ChoiceGroup
        id={fieldId.countries}
        legend={t('practices.field.countries')}
        long
        choices={states}
        value={value.countries}
        onChange={set('countries')}
        error={form.errorFor(fieldId.countries)}
      />
      <PlacesField value={value.otherPlaces} onChange={set('otherPlaces')} form={form} />
      <fieldset className="field practice-period">
        <legend>
          <FormattedMessage id="practices.field.period" />
        </legend>
        {(['periodStart', 'periodEnd'] as const).map((key) => (
          <TextField
            key={key}
            id={fieldId[key]}
            label={t(`practices.field.${key}`)}
            hint={<FormattedMessage id="practices.field.periodHint" />}
            value={value[key]}
            onChange={set(key)}
            error={form.errorFor(fieldId[key])}
            inputMode="numeric"
            maxLength={7}
          />
        ))}
      </fieldset>
      {(['implementers', 'partners', 'funders'] as const).map((key) => (
        <ChoiceGroup
          key={key}
          id={fieldId[key]}
          legend={t(`practices.field.${key}`)}
          long
          choices={orgs}
          value={value[key]}
          onChange={set(key)}
          error={form.errorFor(fieldId[key])}
        />
      ))}
      <PresentedAtField value={value.presentedAt} onChange={set('presentedAt')} form={form} />
      <TextArea
        id={fieldId.contact}
        label={t('practices.field.contact')}
        hint={<FormattedMessage id="practices.field.contactHint" />}
        value={value.contact}
        onChange={set('contact')}
        rows={3}
        error={form.errorFor(fieldId.contact)}
      />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id={practice ? 'practices.form.save' : 'practices.form.create'} />
        </button>
      </p>
    </Form>
  );
}
