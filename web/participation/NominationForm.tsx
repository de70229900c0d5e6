import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { SelectField, TextArea } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { IdempotencyKeys } from './idempotency.js';
import {
  checkPerson,
  emptyPerson,
  PersonFields,
  personFieldMap,
  personInput,
  type PersonValues,
} from './PersonFields.js';
import { participationErrors } from './problems.js';
import {
  participationPath,
  participationUrl,
  type CategoryRule,
  type CivilSocietyOrganization,
  type Delegation,
  type Registration,
  type RegistrationInput,
} from './types.js';

const P = 'nominate';
const ids = {
  category: `${P}-category`,
  organization: `${P}-organization`,
  override: `${P}-override`,
};
const OVERRIDE_MAX = 500;

/** Accredited civil-society organisations of the delegation's state, for the category that needs one. */
function OrganizationSelect({
  country,
  value,
  onChange,
  error,
}: {
  country: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const state = useApi<{ items: CivilSocietyOrganization[] }>(participationUrl.civilSociety(country));
  const current = state.status === 'ok' ? state.data.items.filter((o) => o.accreditation.current) : [];
  const label = (o: CivilSocietyOrganization) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);
  return (
    <>
      <SelectField
        id={ids.organization}
        label={intl.formatMessage({ id: 'participation.nominate.organization' })}
        hint={<FormattedMessage id="participation.nominate.organizationHint" />}
        value={value}
        onChange={onChange}
        error={error}
        required
        disabled={state.status !== 'ok'}
        options={[
          { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
          ...current.map((o) => ({ value: o.id, label: label(o) })),
        ]}
      />
      {state.status === 'ok' && current.length === 0 && (
        <p className="notice">
          <FormattedMessage id="participation.nominate.noOrganization" />{' '}
          <Link to={participationPath.civilSociety(lang)}>
            <FormattedMessage id="cso.title" />
          </Link>
        </p>
      )}
    </>
  );
}

interface Props {
  slug: string;
  delegation: Delegation;
  /** The categories this caller may register in for this delegation, in the note's order. */
  categories: CategoryRule[];
  requiresIdDocument: boolean;
  /** The secretariat may exceed a limit, with a reason. */
  canOverride: boolean;
  onRegistered: (registration: Registration) => void;
}

/** Nominate a person to the delegation: category, organisation where required, the person. */
export function NominationForm({ slug, delegation, categories, requiresIdDocument, canOverride, onRegistered }: Props) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const keys = useRef(new IdempotencyKeys());
  const [category, setCategory] = useState(categories[0]?.code ?? '');
  const [organizationId, setOrganizationId] = useState('');
  const [person, setPerson] = useState<PersonValues>(() => emptyPerson(lang));
  // After a full category comes back: the secretariat may go beyond the limit, giving a reason.
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const rule = categories.find((c) => c.code === category);
  const needsOrganization = delegation.kind === 'member_state' && rule?.requiresAccreditation === true;
  const categoryLabel = (code: string) => intl.formatMessage({ id: `participation.category.${code}` });

  const chooseCategory = (value: string) => {
    setCategory(value);
    setOrganizationId('');
    setOverriding(false);
  };

  const body = (): RegistrationInput => ({
    category: rule?.code ?? categories[0]!.code,
    ...(delegation.kind === 'member_state' ? { memberState: delegation.code } : { organizationId: delegation.code }),
    ...(needsOrganization && organizationId ? { organizationId } : {}),
    person: personInput(person),
    ...(overriding ? { override: { reason: reason.trim() } } : {}),
  });

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        if (!rule)
          checks.add(ids.category, 'form.error.required', {
            field: intl.formatMessage({ id: 'participation.nominate.category' }),
          });
        if (needsOrganization) {
          checks.required(
            ids.organization,
            organizationId,
            intl.formatMessage({ id: 'participation.nominate.organization' }),
          );
        }
        checkPerson(intl, checks, P, person, requiresIdDocument);
        if (overriding) {
          const label = intl.formatMessage({ id: 'participation.override.reason' });
          if (checks.required(ids.override, reason, label)) checks.maxLength(ids.override, reason, OVERRIDE_MAX, label);
        }
        return checks.errors;
      },
      async () => {
        const input = body();
        const registration = await send<Registration>(
          'POST',
          `${participationUrl.registrations(slug)}?lang=${lang}`,
          input,
          {
            headers: { 'idempotency-key': keys.current.for(input) },
          },
        );
        keys.current.reset();
        setPerson(emptyPerson(lang));
        setOrganizationId('');
        setOverriding(false);
        setReason('');
        onRegistered(registration);
      },
      (err): FormError[] => {
        const error = asApiError(err);
        const fields = {
          '/category': ids.category,
          '/organizationId': ids.organization,
          '/memberState': ids.category,
          '/override': ids.override,
          ...personFieldMap(P),
        };
        const errors = participationErrors(intl, error, fields);
        if (error.code === 'quota_exceeded' && canOverride) {
          setOverriding(true);
          errors.push({ field: ids.override, message: intl.formatMessage({ id: 'participation.override.offer' }) });
        }
        return errors;
      },
    );

  if (categories.length === 0) {
    return (
      <p>
        <FormattedMessage id="participation.nominate.none" />
      </p>
    );
  }
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="nominate-heading">
      <SelectField
        id={ids.category}
        label={intl.formatMessage({ id: 'participation.nominate.category' })}
        hint={<FormattedMessage id="participation.nominate.categoryHint" />}
        value={category}
        onChange={chooseCategory}
        error={form.errorFor(ids.category)}
        required
        options={categories.map((c) => ({ value: c.code, label: categoryLabel(c.code) }))}
      />
      {needsOrganization && (
        <OrganizationSelect
          country={delegation.code}
          value={organizationId}
          onChange={setOrganizationId}
          error={form.errorFor(ids.organization)}
        />
      )}
      <PersonFields
        prefix={P}
        legend={<FormattedMessage id="participation.nominate.person" />}
        values={person}
        onChange={setPerson}
        form={form}
        idDocument={requiresIdDocument}
      />
      {overriding && (
        <fieldset className="override">
          <legend>
            <FormattedMessage id="participation.override.title" />
          </legend>
          <p>
            <FormattedMessage id="participation.override.explain" values={{ category: categoryLabel(category) }} />
          </p>
          <TextArea
            id={ids.override}
            label={intl.formatMessage({ id: 'participation.override.reason' })}
            hint={<FormattedMessage id="participation.override.reasonHint" />}
            value={reason}
            onChange={setReason}
            error={form.errorFor(ids.override)}
            required
            rows={3}
          />
        </fieldset>
      )}
      <p className="actions">
        <button type="submit" disabled={form.busy}>
          {overriding ? (
            <FormattedMessage id="participation.override.submit" />
          ) : (
            <FormattedMessage id="participation.nominate.submit" />
          )}
        </button>
        {overriding && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setOverriding(false);
              document.getElementById(ids.category)?.focus();
            }}
          >
            <FormattedMessage id="participation.override.cancel" />
          </button>
        )}
      </p>
    </Form>
  );
}
