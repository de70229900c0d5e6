import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import type { FrameworkEntry } from '../../shared/schemas/treaties.js';
import { useSession } from '../account/sessionContext.js';
import { hasRole } from '../account/types.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { ApiView } from '../components/Status.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { FrameworkProposals } from './FrameworkProposals.js';
import { PartialDate } from './PartialDate.js';
import { ProfileDelegations } from './ProfileDelegations.js';
import { ProfilePractices } from './ProfilePractices.js';
import { ProfileTreaties } from './ProfileTreaties.js';
import { treatyPage, treatyUrl, type MemberStateProfile } from './types.js';
import './treaties.css';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function EntryFacts({ entry }: { entry: FrameworkEntry }) {
  const d = entry.data;
  const date = str(d.date);
  return (
    <p className="note">
      {date && (
        <>
          <FormattedMessage id="countryProfile.framework.date" />{' '}
          <PartialDate
            action={{
              date,
              precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day',
              earliest: date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date,
            }}
          />
          {' · '}
        </>
      )}
      <FormattedMessage id="countryProfile.source" /> {str(d.source) ?? '—'}
    </p>
  );
}

function Framework({ profile }: { profile: MemberStateProfile }) {
  const { legislation, actionPlans, authorities } = profile.nationalFramework;
  return (
    <section aria-labelledby="profile-framework">
      <h2 id="profile-framework">
        <FormattedMessage id="countryProfile.framework" />
      </h2>
      <h3>
        <FormattedMessage id="countryProfile.framework.legislation" />
      </h3>
      {legislation.length === 0 ? (
        <p>
          <FormattedMessage id="countryProfile.framework.noneRecorded" />
        </p>
      ) : (
        <ul className="framework-list">
          {legislation.map((e) => (
            <li key={e.id}>
              <strong>{str(e.data.title)}</strong>{' '}
              <FormattedMessage
                id={`countryProfile.framework.criminalises.${e.data.criminalisesAllForms === true ? 'yes' : e.data.criminalisesAllForms === false ? 'no' : 'unknown'}`}
              />
              <EntryFacts entry={e} />
            </li>
          ))}
        </ul>
      )}
      <h3>
        <FormattedMessage id="countryProfile.framework.plans" />
      </h3>
      {actionPlans.length === 0 ? (
        <p>
          <FormattedMessage id="countryProfile.framework.noneRecorded" />
        </p>
      ) : (
        <ul className="framework-list">
          {actionPlans.map((e) => (
            <li key={e.id}>
              <strong>{str(e.data.title)}</strong>{' '}
              <FormattedMessage id={`countryProfile.framework.planStatus.${String(e.data.status)}`} />
              {typeof e.data.periodStart === 'number' && (
                <> ({`${e.data.periodStart}–${typeof e.data.periodEnd === 'number' ? e.data.periodEnd : ''}`})</>
              )}
              {str(e.data.coordinatingBody) && <> · {str(e.data.coordinatingBody)}</>}
              <EntryFacts entry={e} />
            </li>
          ))}
        </ul>
      )}
      <h3>
        <FormattedMessage id="countryProfile.framework.authorities" />
      </h3>
      {authorities === null ? (
        <p>
          <FormattedMessage id="countryProfile.framework.signInForContacts" />
        </p>
      ) : authorities.length === 0 ? (
        <p>
          <FormattedMessage id="countryProfile.framework.noneRecorded" />
        </p>
      ) : (
        <ul className="framework-list">
          {authorities.map((e) => (
            <li key={e.id}>
              <strong>{str(e.data.name)}</strong>
              {[str(e.data.contactName), str(e.data.email), str(e.data.phone), str(e.data.address)]
                .filter(Boolean)
                .map((v) => (
                  <span key={v}> · {v}</span>
                ))}
              <EntryFacts entry={e} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * /:lang/countries/:iso3 — a member state's treaty actions with sources (edited here by the
 * secretariat), its national framework, and its delegations to meetings.
 */
export function CountryProfilePage() {
  const intl = useIntl();
  const lang = usePageLang();
  const { iso3 = '' } = useParams();
  const state = useApi<MemberStateProfile>(/^[A-Za-z]{3}$/.test(iso3) ? treatyUrl.profile(iso3, lang) : null);
  const { user } = useSession();
  const reviewer = hasRole(user, 'secretariat');
  const code = iso3.toUpperCase();
  const reload = () => {
    if (state.status === 'ok') state.reload();
  };
  const proposer = reviewer || (user?.roles.some((r) => r.role === 'focal_point' && r.memberState === code) ?? false);
  return (
    <ApiView state={state} title={(p) => p.memberState.name}>
      {(p) => (
        <>
          <Breadcrumbs
            trail={[
              { to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) },
              { to: treatyPage.overview(lang), label: intl.formatMessage({ id: 'treaties.title' }) },
            ]}
            current={p.memberState.name}
          />
          <h1>{p.memberState.name}</h1>
          <p>
            <Link to={`/${lang}/statistics/states/${p.memberState.iso3}`}>
              <FormattedMessage id="countryProfile.statisticsLink" />
            </Link>
          </p>
          <ProfileTreaties profile={p} editor={reviewer} onChanged={reload} />
          <Framework profile={p} />
          <ProfileDelegations profile={p} />
          <ProfilePractices profile={p} />
          {proposer && <FrameworkProposals iso3={p.memberState.iso3} reviewer={reviewer} onReviewed={reload} />}
        </>
      )}
    </ApiView>
  );
}
