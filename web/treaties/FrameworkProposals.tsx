import { useState, type FormEvent } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import type { Proposal } from '../../shared/schemas/treaties.js';
import { send } from '../api.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { SelectField, TextField } from '../forms/Field.js';
import { asApiError, problemMessage } from '../forms/problem.js';
import { useApi } from '../useApi.js';

type Kind = 'legislation' | 'action_plan' | 'authority';
const KINDS: Kind[] = ['legislation', 'action_plan', 'authority'];
const PLAN_STATUSES = ['none', 'drafting', 'adopted', 'expired'];
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Draft {
  kind: Kind;
  title: string;
  date: string;
  source: string;
  criminalises: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  body: string;
  email: string;
  phone: string;
}
const EMPTY: Draft = {
  kind: 'legislation',
  title: '',
  date: '',
  source: '',
  criminalises: 'unknown',
  status: 'adopted',
  periodStart: '',
  periodEnd: '',
  body: '',
  email: '',
  phone: '',
};

const year = (v: string) => (/^\d{4}$/.test(v) ? Number(v) : null);
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function payload(d: Draft) {
  const common = { date: d.date.trim(), source: d.source.trim() };
  if (d.kind === 'legislation') {
    const c = d.criminalises === 'yes' ? true : d.criminalises === 'no' ? false : null;
    return { kind: d.kind, data: { title: d.title.trim(), criminalisesAllForms: c, ...common } };
  }
  if (d.kind === 'action_plan') {
    return {
      kind: d.kind,
      data: {
        title: d.title.trim(),
        status: d.status,
        periodStart: year(d.periodStart),
        periodEnd: year(d.periodEnd),
        coordinatingBody: orNull(d.body),
        ...common,
      },
    };
  }
  return {
    kind: d.kind,
    data: {
      role: 'national_authority',
      name: d.title.trim(),
      email: orNull(d.email),
      phone: orNull(d.phone),
      ...common,
    },
  };
}

/**
 * A state's focal point (or the secretariat) proposes an entry of the national framework; the
 * secretariat accepts or rejects pending proposals. Nothing here is public until accepted.
 */
export function FrameworkProposals({
  iso3,
  reviewer,
  onReviewed,
}: {
  iso3: string;
  reviewer: boolean;
  onReviewed: () => void;
}) {
  const intl = useIntl();
  const list = useApi<{ items: Proposal[] }>(`/api/member-states/${encodeURIComponent(iso3)}/framework/proposals`);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [missing, setMissing] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const label = (id: string) => intl.formatMessage({ id });
  const reload = () => {
    if (list.status === 'ok') list.reload();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    if (draft.title.trim() === '') problems.push('title');
    if (!PARTIAL_DATE.test(draft.date.trim())) problems.push('date');
    if (draft.source.trim() === '') problems.push('source');
    setMissing(problems);
    if (problems.length) {
      setMessage({ ok: false, text: label('framework.propose.fix') });
      return;
    }
    setBusy(true);
    try {
      await send('POST', `/api/member-states/${encodeURIComponent(iso3)}/framework/proposals`, payload(draft));
      setDraft({ ...EMPTY, kind: draft.kind });
      setMessage({ ok: true, text: label('framework.propose.sent') });
      reload();
    } catch (err) {
      setMessage({ ok: false, text: problemMessage(intl, asApiError(err)) });
    } finally {
      setBusy(false);
    }
  };

  const decide = async (id: string, decision: 'accept' | 'reject') => {
    try {
      await send('POST', `/api/framework-proposals/${encodeURIComponent(id)}/review`, { decision });
      reload();
      onReviewed();
    } catch (err) {
      setMessage({ ok: false, text: problemMessage(intl, asApiError(err)) });
    }
  };

  const error = (field: string) => (missing.includes(field) ? label(`framework.propose.error.${field}`) : undefined);
  const titleLabel = label(draft.kind === 'authority' ? 'framework.field.name' : 'framework.field.title');

  return (
    <section aria-labelledby="framework-proposals">
      <h2 id="framework-proposals">
        <FormattedMessage id="framework.proposals" />
      </h2>
      <p>
        <FormattedMessage id="framework.proposals.intro" />
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="framework-propose" className="narrow-form">
        <h3 id="framework-propose">
          <FormattedMessage id="framework.propose" />
        </h3>
        <SelectField
          id="framework-kind"
          label={label('framework.field.kind')}
          value={draft.kind}
          onChange={(v) => set('kind')(v as Kind)}
          options={KINDS.map((k) => ({ value: k, label: label(`framework.kind.${k}`) }))}
        />
        <TextField
          id="framework-title"
          label={titleLabel}
          value={draft.title}
          onChange={set('title')}
          error={error('title')}
          required
        />
        {draft.kind === 'legislation' && (
          <SelectField
            id="framework-criminalises"
            label={label('framework.field.criminalises')}
            value={draft.criminalises}
            onChange={set('criminalises')}
            options={['unknown', 'yes', 'no'].map((v) => ({ value: v, label: label(`framework.criminalises.${v}`) }))}
          />
        )}
        {draft.kind === 'action_plan' && (
          <>
            <SelectField
              id="framework-status"
              label={label('framework.field.status')}
              value={draft.status}
              onChange={set('status')}
              options={PLAN_STATUSES.map((s) => ({
                value: s,
                label: label(`countryProfile.framework.planStatus.${s}`),
              }))}
            />
            <TextField
              id="framework-start"
              label={label('framework.field.periodStart')}
              value={draft.periodStart}
              onChange={set('periodStart')}
              inputMode="numeric"
            />
            <TextField
              id="framework-end"
              label={label('framework.field.periodEnd')}
              value={draft.periodEnd}
              onChange={set('periodEnd')}
              inputMode="numeric"
            />
            <TextField
              id="framework-body"
              label={label('framework.field.body')}
              value={draft.body}
              onChange={set('body')}
            />
          </>
        )}
        {draft.kind === 'authority' && (
          <>
            <TextField
              id="framework-email"
              type="email"
              label={label('framework.field.email')}
              value={draft.email}
              onChange={set('email')}
            />
            <TextField
              id="framework-phone"
              type="tel"
              label={label('framework.field.phone')}
              value={draft.phone}
              onChange={set('phone')}
            />
          </>
        )}
        <TextField
          id="framework-date"
          label={label('framework.field.date')}
          hint={label('framework.field.dateHint')}
          value={draft.date}
          onChange={set('date')}
          error={error('date')}
          required
        />
        <TextField
          id="framework-source"
          label={label('framework.field.source')}
          value={draft.source}
          onChange={set('source')}
          error={error('source')}
          required
        />
        <p>
          <button type="submit" disabled={busy}>
            <FormattedMessage id="framework.propose.submit" />
          </button>
        </p>
      </form>
      <div role="status">{message?.ok && <p>{message.text}</p>}</div>
      {message && !message.ok && (
        <p className="notice" role="alert">
          {message.text}
        </p>
      )}
      <h3 id="framework-list">
        <FormattedMessage id="framework.list" />
      </h3>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <InlineError error={list.error} retry={list.retry} />}
      {list.status === 'ok' && list.data.items.length === 0 && (
        <p>
          <FormattedMessage id="framework.list.empty" />
        </p>
      )}
      {list.status === 'ok' && list.data.items.length > 0 && (
        <ul className="framework-list" aria-labelledby="framework-list">
          {list.data.items.map((p) => {
            const name = String(p.data?.title ?? p.data?.name ?? '—');
            return (
              <li key={p.id}>
                <strong>{name}</strong> (<FormattedMessage id={`framework.kind.${p.kind}`} />,{' '}
                <FormattedMessage id={`framework.operation.${p.operation}`} />){' '}
                <span className={`badge proposal-${p.status}`}>
                  <FormattedMessage id={`framework.status.${p.status}`} />
                </span>{' '}
                <span className="note">
                  <FormattedDate value={new Date(p.proposedAt)} dateStyle="medium" />
                </span>
                {reviewer && p.status === 'pending' && (
                  <span className="proposal-actions">
                    {' '}
                    <button type="button" onClick={() => void decide(p.id, 'accept')}>
                      <FormattedMessage id="framework.accept" values={{ name }} />
                    </button>{' '}
                    <button type="button" className="secondary" onClick={() => void decide(p.id, 'reject')}>
                      <FormattedMessage id="framework.reject" values={{ name }} />
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
