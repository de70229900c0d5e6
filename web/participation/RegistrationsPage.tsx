import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import type { MemberState } from '../../shared/schemas/reference.js';
import { apiUrl, getJson, type ApiError } from '../api.js';
import { RequireUser } from '../account/guards.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { SelectField, TextField } from '../forms/Field.js';
import { asApiError } from '../forms/problem.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { StatusBadge } from './Badges.js';
import { DecisionActions } from './DecisionActions.js';
import { MeetingCrumbs, useMeeting } from './MeetingCrumbs.js';
import {
  CATEGORIES,
  delegationCode,
  participationPath,
  participationUrl,
  PENDING,
  personName,
  STATUSES,
  type ParticipationRules,
  type Registration,
  type RegistrationPage,
} from './types.js';

const LIMIT = 50;
const FILTERS = ['status', 'category', 'memberState', 'q'] as const;
type Filter = (typeof FILTERS)[number];

function Filters({ states }: { states: MemberState[] }) {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const [values, setValues] = useState<Record<Filter, string>>(
    () => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>,
  );
  const set = (name: Filter) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (values[f].trim()) next.set(f, values[f].trim());
    setParams(next);
  };
  const clear = () => {
    setValues({ status: '', category: '', memberState: '', q: '' });
    setParams(new URLSearchParams());
  };
  const all = intl.formatMessage({ id: 'participation.filter.all' });
  return (
    <form
      role="search"
      className="filters"
      onSubmit={apply}
      aria-label={intl.formatMessage({ id: 'participation.filter.label' })}
    >
      <SelectField
        id="reg-status"
        label={intl.formatMessage({ id: 'participation.filter.status' })}
        value={values.status}
        onChange={set('status')}
        options={[
          { value: '', label: all },
          ...STATUSES.map((s) => ({ value: s, label: intl.formatMessage({ id: `participation.status.${s}` }) })),
        ]}
      />
      <SelectField
        id="reg-category"
        label={intl.formatMessage({ id: 'participation.filter.category' })}
        value={values.category}
        onChange={set('category')}
        options={[
          { value: '', label: all },
          ...CATEGORIES.map((c) => ({ value: c, label: intl.formatMessage({ id: `participation.category.${c}` }) })),
        ]}
      />
      <SelectField
        id="reg-state"
        label={intl.formatMessage({ id: 'participation.filter.state' })}
        value={values.memberState}
        onChange={set('memberState')}
        options={[{ value: '', label: all }, ...states.map((s) => ({ value: s.iso3, label: s.name }))]}
      />
      <TextField
        id="reg-q"
        type="search"
        label={intl.formatMessage({ id: 'participation.filter.q' })}
        value={values.q}
        onChange={set('q')}
        autoComplete="off"
      />
      <p className="actions">
        <button type="submit">
          <FormattedMessage id="participation.filter.apply" />
        </button>
        <button type="button" className="secondary" onClick={clear}>
          <FormattedMessage id="participation.filter.clear" />
        </button>
      </p>
    </form>
  );
}

interface More {
  forUrl: string;
  items: Registration[];
  nextCursor: string | null;
  focusFrom: number;
}

function Row({
  slug,
  registration,
  rules,
  focus,
  onDecided,
}: {
  slug: string;
  registration: Registration;
  rules: ParticipationRules | null;
  /** Take the focus (the first row of a "more", or the row just decided). */
  focus: number;
  onDecided: (next: Registration, decision: 'accredit' | 'reject') => void;
}) {
  const lang = usePageLang();
  const ref = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    if (focus > 0) ref.current?.focus();
  }, [focus]);
  const code = delegationCode(registration, rules);
  return (
    <tr>
      <th scope="row" ref={ref} tabIndex={-1}>
        <span className="person-name">{personName(registration.person, lang)}</span>
        <div className="note">{registration.person.email}</div>
      </th>
      <td>
        {code && registration.delegationName ? (
          <Link to={participationPath.delegation(lang, slug, code)}>{registration.delegationName}</Link>
        ) : (
          (registration.delegationName ?? '—')
        )}
      </td>
      <td>
        <FormattedMessage id={`participation.category.${registration.category}`} />
      </td>
      <td>
        <StatusBadge status={registration.status} />
        {registration.overQuota && (
          <div className="note">
            <FormattedMessage id="participation.overQuota" />
          </div>
        )}
        {registration.status === 'rejected' && registration.decisionReason && (
          <div className="note">{registration.decisionReason}</div>
        )}
      </td>
      <td>
        <time dateTime={registration.createdAt}>
          <FormattedDate value={registration.createdAt} dateStyle="medium" />
        </time>
      </td>
      <td>
        {PENDING.includes(registration.status) ? (
          <DecisionActions slug={slug} registration={registration} onDecided={onDecided} />
        ) : (
          <span className="note">—</span>
        )}
      </td>
    </tr>
  );
}

function RegistrationTable({ slug, url, rules }: { slug: string; url: string; rules: ParticipationRules | null }) {
  const intl = useIntl();
  const lang = usePageLang();
  const first = useApi<RegistrationPage>(url);
  const [more, setMore] = useState<More | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Decisions taken here, shown in place without reloading the list (the row keeps its position).
  const [decided, setDecided] = useState<Record<string, Registration>>({});
  const [said, setSaid] = useState<{ id: string; text: string; n: number } | null>(null);
  if (first.status === 'loading') return <Loading />;
  if (first.status === 'error') return <InlineError error={first.error} retry={first.retry} />;

  const extra = more && more.forUrl === url ? more : null;
  const items = [...first.data.items, ...(extra?.items ?? [])].map((r) => decided[r.id] ?? r);
  const cursor = extra ? extra.nextCursor : first.data.nextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await getJson<RegistrationPage>(
        `${url}&cursor=${encodeURIComponent(cursor)}`,
        new AbortController().signal,
      );
      setMore({
        forUrl: url,
        items: [...(extra?.items ?? []), ...page.items],
        nextCursor: page.nextCursor,
        focusFrom: items.length,
      });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const onDecided = (next: Registration, decision: 'accredit' | 'reject') => {
    setDecided((d) => ({ ...d, [next.id]: next }));
    setSaid((s) => ({
      id: next.id,
      n: (s?.n ?? 0) + 1,
      text: intl.formatMessage(
        { id: decision === 'accredit' ? 'participation.decision.accredited' : 'participation.decision.rejected' },
        { name: personName(next.person, lang) },
      ),
    }));
  };
  return (
    <>
      <p role="status">
        <FormattedMessage id="participation.registrations.count" values={{ count: first.data.total }} />
      </p>
      <p role="status" className="form-done">
        {said?.text}
      </p>
      {items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="registrations-caption" tabIndex={0}>
          <table className="data registrations">
            <caption id="registrations-caption">
              <FormattedMessage id="participation.registrations.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="participation.registrations.name" />
                </th>
                <th scope="col">
                  <FormattedMessage id="participation.registrations.delegation" />
                </th>
                <th scope="col">
                  <FormattedMessage id="participation.registrations.category" />
                </th>
                <th scope="col">
                  <FormattedMessage id="participation.registrations.status" />
                </th>
                <th scope="col">
                  <FormattedMessage id="participation.registrations.created" />
                </th>
                <th scope="col">
                  <FormattedMessage id="participation.registrations.actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r, i) => (
                <Row
                  key={r.id}
                  slug={slug}
                  registration={r}
                  rules={rules}
                  focus={said?.id === r.id ? said.n : i === extra?.focusFrom ? 1 : 0}
                  onDecided={onDecided}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && <InlineError error={error} />}
      {cursor && (
        <p>
          <button type="button" onClick={() => void loadMore()} disabled={busy}>
            <FormattedMessage id="participation.registrations.more" />
          </button>
        </p>
      )}
    </>
  );
}

function Downloads({ slug, state }: { slug: string; state: { code: string; name: string } | null }) {
  const lang = usePageLang();
  const language = useIntl().formatMessage({ id: `lang.name.${lang}` });
  return (
    <section aria-labelledby="registrations-downloads" className="downloads">
      <h2 id="registrations-downloads">
        <FormattedMessage id="participation.downloads.title" />
      </h2>
      <ul>
        {(['pdf', 'csv', 'xlsx'] as const).map((format) => (
          <li key={format}>
            <a href={participationUrl.participants(slug, format, lang)} download>
              <FormattedMessage id="participation.downloads.list" values={{ format: format.toUpperCase(), language }} />
            </a>
          </li>
        ))}
        <li>
          <a href={participationUrl.badges(slug, lang)} download>
            <FormattedMessage id="participation.downloads.badges" />
          </a>
        </li>
        {state && (
          <li>
            <a href={participationUrl.badges(slug, lang, state.code)} download>
              <FormattedMessage id="participation.downloads.badgesState" values={{ state: state.name }} />
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

function RegistrationsContent({ slug }: { slug: string }) {
  const intl = useIntl();
  const lang = usePageLang();
  const [params] = useSearchParams();
  const meeting = useMeeting(slug);
  const states = useApi<{ items: MemberState[] }>(apiUrl.memberStates(lang));
  const rules = useApi<ParticipationRules>(participationUrl.rules(slug));
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f)]));
  const url = participationUrl.registrationList(slug, { ...filter, limit: LIMIT, lang });
  const stateList = states.status === 'ok' ? states.data.items : [];
  const memberState = params.get('memberState');
  const stateName = stateList.find((s) => s.iso3 === memberState)?.name ?? memberState ?? '';
  return (
    <>
      <MeetingCrumbs
        slug={slug}
        meeting={meeting}
        current={intl.formatMessage({ id: 'participation.registrations.title' })}
      />
      <h1>
        <FormattedMessage id="participation.registrations.title" />
      </h1>
      <ul className="links">
        <li>
          <Link to={participationPath.delegations(lang, slug)}>
            <FormattedMessage id="participation.link.delegations" />
          </Link>
        </li>
        <li>
          <Link to={participationPath.statistics(lang, slug)}>
            <FormattedMessage id="participation.link.statistics" />
          </Link>
        </li>
        <li>
          <Link to={participationPath.checkIn(lang, slug)}>
            <FormattedMessage id="checkin.link" />
          </Link>
        </li>
      </ul>
      <Downloads slug={slug} state={memberState ? { code: memberState, name: stateName } : null} />
      <section aria-labelledby="registrations-list">
        <h2 id="registrations-list">
          <FormattedMessage id="participation.registrations.listTitle" />
        </h2>
        <Filters key={params.toString()} states={stateList} />
        <RegistrationTable slug={slug} url={url} rules={rules.status === 'ok' ? rules.data : null} />
      </section>
    </>
  );
}

/** /:lang/meetings/:slug/registrations — every registration, its decision, exports and badges (secretariat). */
export function RegistrationsPage() {
  const intl = useIntl();
  const { slug = '' } = useParams();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'participation.registrations.title' })}>
      {() => <RegistrationsContent slug={slug} />}
    </RequireUser>
  );
}
