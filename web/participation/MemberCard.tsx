import { useState, type ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { send, type ApiError } from '../api.js';
import { Disclosure } from '../components/Disclosure.js';
import { InlineError } from '../components/InlineError.js';
import { Checks } from '../forms/checks.js';
import { TextArea } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { HeadBadge, StatusBadge } from './Badges.js';
import { DecisionActions } from './DecisionActions.js';
import {
  checkPerson,
  emptyPerson,
  PersonFields,
  personFieldMap,
  personInput,
  type PersonValues,
} from './PersonFields.js';
import { participationErrors } from './problems.js';
import { ReasonAction } from './ReasonAction.js';
import { HOLDING, participationUrl, PENDING, personName, type Registration } from './types.js';

export type MemberEvent = 'withdrawn' | 'substituted' | 'head' | 'accredited' | 'rejected';

interface Props {
  slug: string;
  delegationCode: string;
  member: Registration;
  /** Names of organisations by id (the civil-society delegate's organisation). */
  organizationName: (id: string) => string;
  secretariat: boolean;
  requiresIdDocument: boolean;
  /** After a change: the page reloads the delegation and says what happened. */
  onChanged: (event: MemberEvent, member: Registration, replacement?: Registration) => void;
}

function Substitute({
  slug,
  member,
  requiresIdDocument,
  onDone,
}: {
  slug: string;
  member: Registration;
  requiresIdDocument: boolean;
  onDone: (replacement: Registration) => void;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const prefix = `substitute-${member.id}`;
  const [person, setPerson] = useState<PersonValues>(() => emptyPerson(lang));
  const [reason, setReason] = useState('');
  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checkPerson(intl, checks, prefix, person, requiresIdDocument);
        checks.maxLength(
          `${prefix}-reason`,
          reason,
          1000,
          intl.formatMessage({ id: 'participation.substitute.reason' }),
        );
        return checks.errors;
      },
      async () => {
        const replacement = await send<Registration>('POST', participationUrl.substitution(slug, member.id, lang), {
          person: personInput(person),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        });
        onDone(replacement);
      },
      (err) => participationErrors(intl, err, { ...personFieldMap(prefix), '/reason': `${prefix}-reason` }),
    );
  return (
    <Form form={form} onSubmit={() => void onSubmit()} className="inline-form narrow-form">
      <PersonFields
        prefix={prefix}
        legend={
          <FormattedMessage id="participation.substitute.legend" values={{ name: personName(member.person, lang) }} />
        }
        values={person}
        onChange={setPerson}
        form={form}
        idDocument={requiresIdDocument}
      />
      <TextArea
        id={`${prefix}-reason`}
        label={intl.formatMessage({ id: 'participation.substitute.reason' })}
        value={reason}
        onChange={setReason}
        error={form.errorFor(`${prefix}-reason`)}
        rows={2}
      />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="participation.substitute.submit" />
        </button>
      </p>
    </Form>
  );
}

/** One member of a delegation: who, in what category, status, and what can be done. */
export function MemberCard({
  slug,
  delegationCode,
  member,
  organizationName,
  secretariat,
  requiresIdDocument,
  onChanged,
}: Props) {
  const intl = useIntl();
  const lang = usePageLang();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const name = personName(member.person, lang);
  const holding = HOLDING.includes(member.status);
  const headingId = `member-${member.id}`;

  const makeHead = async () => {
    setBusy(true);
    setError(null);
    try {
      await send('PATCH', participationUrl.delegation(slug, delegationCode, lang), { headRegistrationId: member.id });
      onChanged('head', member);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (reason: string): Promise<string | null> => {
    try {
      const next = await send<Registration>(
        'POST',
        participationUrl.withdrawal(slug, member.id, lang),
        reason ? { reason } : {},
      );
      onChanged('withdrawn', next);
      return null;
    } catch (err) {
      return participationErrors(intl, err)
        .map((e) => e.message)
        .join(' ');
    }
  };
  const p = member.person;
  const fact = (labelId: string, value: ReactNode) =>
    value === null || value === '' ? null : (
      <div>
        <dt>
          <FormattedMessage id={labelId} />
        </dt>
        <dd>{value}</dd>
      </div>
    );
  return (
    <li className="card member">
      <h3 id={headingId}>{name}</h3>
      <p className="badges">
        {member.isHead && (
          <>
            <HeadBadge />{' '}
          </>
        )}
        <StatusBadge status={member.status} />{' '}
        <span className="kind">
          <FormattedMessage id={`participation.category.${member.category}`} />
        </span>
        {member.overQuota && (
          <>
            {' '}
            <span className="badge status-over">
              <FormattedMessage id="participation.overQuota" />
            </span>
          </>
        )}
      </p>
      <dl className="facts">
        {fact('participation.person.title', p.title)}
        {fact('participation.person.position', p.position)}
        {fact('participation.person.institution', p.institution)}
        {member.organizationId &&
          member.category === 'civil_society' &&
          fact('participation.nominate.organization', organizationName(member.organizationId))}
        {fact('account.email', p.email)}
        {fact('contacts.phone', p.phone)}
        {fact('participation.person.preferredLang', intl.formatMessage({ id: `lang.name.${p.preferredLang}` }))}
        {fact(
          'participation.person.publicList',
          intl.formatMessage({ id: p.publicListConsent ? 'participation.yes' : 'participation.no' }),
        )}
        {fact('participation.decision.reasonShown', member.status === 'rejected' ? member.decisionReason : null)}
        {member.checkedInAt &&
          fact(
            'participation.checkedIn',
            <time dateTime={member.checkedInAt}>
              <FormattedDate value={member.checkedInAt} dateStyle="medium" timeStyle="short" />
            </time>,
          )}
      </dl>
      {holding && (
        <div className="member-actions">
          {secretariat && PENDING.includes(member.status) && (
            <DecisionActions
              slug={slug}
              registration={member}
              onDecided={(next, decision) => onChanged(decision === 'accredit' ? 'accredited' : 'rejected', next)}
            />
          )}
          {!member.isHead && (
            <p>
              <button type="button" className="secondary" disabled={busy} onClick={() => void makeHead()}>
                <FormattedMessage id="participation.member.makeHead" values={{ name }} />
              </button>
            </p>
          )}
          {error && <InlineError error={error} />}
          <Disclosure label={<FormattedMessage id="participation.member.substitute" values={{ name }} />}>
            <Substitute
              slug={slug}
              member={member}
              requiresIdDocument={requiresIdDocument}
              onDone={(replacement) => onChanged('substituted', member, replacement)}
            />
          </Disclosure>
          <ReasonAction
            idPrefix={`withdraw-${member.id}`}
            label={<FormattedMessage id="participation.member.withdraw" values={{ name }} />}
            question={<FormattedMessage id="participation.member.withdrawQuestion" values={{ name }} />}
            confirm={<FormattedMessage id="participation.member.withdrawConfirm" />}
            reasonLabel={intl.formatMessage({ id: 'participation.member.withdrawReason' })}
            reasonRequired={false}
            onConfirm={withdraw}
          />
        </div>
      )}
    </li>
  );
}
