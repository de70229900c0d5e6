import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { RoleAssignment } from '../../shared/roles.js';
import type { ContactDetails } from '../../shared/schemas/editing.js';
import { apiUrl, send } from '../api.js';
import { useApi } from '../useApi.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { Checks } from '../forms/checks.js';
import { SelectField, TextArea, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { organizationLabel, ReferenceProvider, useReference, useScopeName } from '../admin/reference.js';
import { AccountNav } from './AccountNav.js';
import { RequireUser } from './guards.js';
import { useSession } from './sessionContext.js';
import { hasRole, type SessionUser } from './types.js';

/** Whose details a form edits; `name` is what the reader calls it (the code until the lists load). */
interface Owner {
  type: 'member_state' | 'organization';
  id: string;
  name: string;
}

const FIELDS = ['office', 'email', 'phone', 'address', 'website'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

// The server's limits (shared/schemas/editing.ts), checked here first so the reader learns at once.
const MAX: Record<Field, number> = { office: 200, email: 254, phone: 50, address: 500, website: 500 };

const contactUrl = (owner: Owner) =>
  owner.type === 'member_state' ? apiUrl.stateContact(owner.id) : apiUrl.organizationContact(owner.id);

const toValues = (details: ContactDetails): Values =>
  Object.fromEntries(FIELDS.map((f) => [f, details[f] ?? ''])) as Values;

/** A blank field is "not given": sent as null. */
const toBody = (values: Values): ContactDetails =>
  Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() === '' ? null : values[f]])) as ContactDetails;

function ContactForm({
  owner,
  initial,
  idPrefix,
  labelledBy,
}: {
  owner: Owner;
  initial: ContactDetails;
  idPrefix: string;
  labelledBy: string;
}) {
  const intl = useIntl();
  const session = useSession();
  const form = useForm();
  const [values, setValues] = useState<Values>(() => toValues(initial));
  const id = (field: Field) => `${idPrefix}-${field}`;
  const labels: Record<Field, string> = {
    office: intl.formatMessage({ id: 'contacts.office' }),
    email: intl.formatMessage({ id: 'account.email' }),
    phone: intl.formatMessage({ id: 'contacts.phone' }),
    address: intl.formatMessage({ id: 'contacts.address' }),
    website: intl.formatMessage({ id: 'contacts.website' }),
  };
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        for (const field of FIELDS) {
          if (!checks.maxLength(id(field), values[field], MAX[field], labels[field])) continue;
          if (field === 'email') checks.optionalEmail(id(field), values.email);
          if (field === 'website') checks.webAddress(id(field), values.website);
        }
        return checks.errors;
      },
      async () => {
        const saved = await send<ContactDetails>('PUT', contactUrl(owner), toBody(values));
        // The server trims and drops blanks: show what it kept.
        setValues(toValues(saved));
        form.setDone(intl.formatMessage({ id: 'contacts.saved' }, { name: owner.name }));
      },
      (err): FormError[] => {
        const error = asApiError(err);
        if (error.code === 'forbidden' && error.reason !== 'csrf') {
          return [{ field: null, message: intl.formatMessage({ id: 'contacts.forbidden' }) }];
        }
        if (error.code === 'unauthorized') void session.refresh();
        return problemErrors(intl, error, Object.fromEntries(FIELDS.map((f) => [`/${f}`, id(f)])));
      },
    );

  const text = (field: Exclude<Field, 'address'>, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={id(field)}
      label={labels[field]}
      value={values[field]}
      onChange={set(field)}
      error={form.errorFor(id(field))}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy={labelledBy}>
      {text('office')}
      {text('email', { type: 'email', spellCheck: false })}
      {text('phone', { type: 'tel', hint: <FormattedMessage id="contacts.phoneHint" /> })}
      <TextArea
        id={id('address')}
        label={labels.address}
        value={values.address}
        onChange={set('address')}
        error={form.errorFor(id('address'))}
        rows={3}
      />
      {text('website', { type: 'url', spellCheck: false, hint: <FormattedMessage id="contacts.websiteHint" /> })}
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="contacts.save" />
        </button>
      </p>
    </Form>
  );
}

/** Loads one owner's details, then shows the form. */
function ContactEditor({ owner, idPrefix, labelledBy }: { owner: Owner; idPrefix: string; labelledBy: string }) {
  const state = useApi<ContactDetails>(contactUrl(owner));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <InlineError error={state.error} retry={state.retry} />;
  return <ContactForm owner={owner} initial={state.data} idPrefix={idPrefix} labelledBy={labelledBy} />;
}

/** A state the user is focal point for, or an organisation they represent. */
function OwnSection({ assignment, index }: { assignment: RoleAssignment; index: number }) {
  const intl = useIntl();
  const scopeName = useScopeName();
  const name = scopeName(assignment) ?? '';
  const owner: Owner = assignment.memberState
    ? { type: 'member_state', id: assignment.memberState, name }
    : { type: 'organization', id: assignment.organizationId ?? '', name };
  const headingId = `contacts-own-${index}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p className="note">
        <FormattedMessage id="contacts.role" values={{ role: intl.formatMessage({ id: `role.${assignment.role}` }) }} />
      </p>
      <ContactEditor owner={owner} idPrefix={`contact-own-${index}`} labelledBy={headingId} />
    </section>
  );
}

/** The secretariat's choice: any member state, any organisation, each with its form. */
function AnySection() {
  const intl = useIntl();
  const { memberStates, organizations } = useReference();
  const [state, setState] = useState('');
  const [org, setOrg] = useState('');
  const choose = intl.formatMessage({ id: 'form.choose' });
  const states = memberStates.status === 'ok' ? memberStates.data.items : [];
  const orgs = organizations.status === 'ok' ? organizations.data.items : [];
  const stateName = states.find((s) => s.iso3 === state)?.name ?? state;
  const chosenOrg = orgs.find((o) => o.id === org);
  const orgName = chosenOrg ? organizationLabel(chosenOrg) : org;
  return (
    <section aria-labelledby="contacts-any">
      <h2 id="contacts-any">
        <FormattedMessage id="contacts.anyTitle" />
      </h2>
      <p>
        <FormattedMessage id="contacts.anyIntro" />
      </p>
      <div className="contact-pick">
        <SelectField
          id="contacts-pick-state"
          label={intl.formatMessage({ id: 'users.memberState' })}
          value={state}
          onChange={setState}
          disabled={memberStates.status !== 'ok'}
          options={[{ value: '', label: choose }, ...states.map((s) => ({ value: s.iso3, label: s.name }))]}
        />
        {state !== '' && (
          <section aria-labelledby="contacts-pick-state-name">
            <h3 id="contacts-pick-state-name">{stateName}</h3>
            <ContactEditor
              key={state}
              owner={{ type: 'member_state', id: state, name: stateName }}
              idPrefix="contact-pick-state"
              labelledBy="contacts-pick-state-name"
            />
          </section>
        )}
      </div>
      <div className="contact-pick">
        <SelectField
          id="contacts-pick-org"
          label={intl.formatMessage({ id: 'users.organization' })}
          value={org}
          onChange={setOrg}
          disabled={organizations.status !== 'ok'}
          options={[{ value: '', label: choose }, ...orgs.map((o) => ({ value: o.id, label: organizationLabel(o) }))]}
        />
        {org !== '' && (
          <section aria-labelledby="contacts-pick-org-name">
            <h3 id="contacts-pick-org-name">{orgName}</h3>
            <ContactEditor
              key={org}
              owner={{ type: 'organization', id: org, name: orgName }}
              idPrefix="contact-pick-org"
              labelledBy="contacts-pick-org-name"
            />
          </section>
        )}
      </div>
    </section>
  );
}

function Contacts({ user }: { user: SessionUser }) {
  const own = user.roles.filter(
    (r) => (r.role === 'focal_point' && r.memberState) || (r.role === 'organization_rep' && r.organizationId),
  );
  const staff = hasRole(user, 'secretariat');
  if (own.length === 0 && !staff) {
    return (
      <p>
        <FormattedMessage id="contacts.none" />
      </p>
    );
  }
  return (
    <>
      <p>
        <FormattedMessage id="contacts.intro" />
      </p>
      {own.map((assignment, i) => (
        <OwnSection key={assignment.id} assignment={assignment} index={i} />
      ))}
      {staff && <AnySection />}
    </>
  );
}

/** /:lang/account/contacts — the contact details of the states and organisations the user acts for. */
export function ContactsPage() {
  const intl = useIntl();
  return (
    <RequireUser title={intl.formatMessage({ id: 'account.contacts.title' })}>
      {(user) => (
        <ReferenceProvider>
          <h1>
            <FormattedMessage id="account.contacts.title" />
          </h1>
          <AccountNav />
          <Contacts user={user} />
        </ReferenceProvider>
      )}
    </RequireUser>
  );
}
