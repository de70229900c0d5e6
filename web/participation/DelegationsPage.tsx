import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useParams } from 'react-router';
import { NotAllowedView, RequireUser } from '../account/guards.js';
import { hasRole, type SessionUser } from '../account/types.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { MeetingCrumbs, useMeeting } from './MeetingCrumbs.js';
import { participationPath, participationUrl, type DelegationSummary, type Places } from './types.js';

/** "1 of 2 left" in a table cell whose column names the category. */
function PlacesCell({ place }: { place: Places | undefined }) {
  if (!place) return <>—</>;
  if (place.limit === null) {
    return <FormattedMessage id="participation.places.cellUnlimited" values={{ used: place.used }} />;
  }
  const full = (place.remaining ?? 0) === 0;
  return (
    <span className={full ? 'places-full' : undefined}>
      <FormattedMessage
        id="participation.places.cell"
        values={{ remaining: place.remaining ?? 0, limit: place.limit, used: place.used }}
      />
    </span>
  );
}

function DelegationTable({ slug, items }: { slug: string; items: DelegationSummary[] }) {
  const intl = useIntl();
  const lang = usePageLang();
  // One column per limited category any delegation has, then the state's total.
  const columns: Places['category'][] = [];
  for (const item of items) {
    for (const place of item.places) {
      if (place.limit !== null && !columns.includes(place.category)) columns.push(place.category);
    }
  }
  columns.sort((a, b) => Number(a === 'total') - Number(b === 'total'));
  const columnName = (c: Places['category']) =>
    intl.formatMessage({ id: c === 'total' ? 'participation.places.totalColumn' : `participation.category.${c}` });
  return (
    <div className="table-scroll" role="region" aria-labelledby="delegations-caption" tabIndex={0}>
      <table className="data">
        <caption id="delegations-caption">
          <FormattedMessage id="participation.delegations.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="participation.delegations.name" />
            </th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {columnName(c)}
              </th>
            ))}
            <th scope="col">
              <FormattedMessage id="participation.delegations.holding" />
            </th>
            <th scope="col">
              <FormattedMessage id="participation.delegations.accredited" />
            </th>
            <th scope="col">
              <FormattedMessage id="participation.credentials.status" />
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}-${item.code}`}>
              <th scope="row">
                <Link to={participationPath.delegation(lang, slug, item.code)}>{item.name}</Link>
                {!item.invited && (
                  <div className="note">
                    <FormattedMessage id="participation.delegations.notInvited" />
                  </div>
                )}
              </th>
              {columns.map((c) => (
                <td key={c}>
                  <PlacesCell place={item.places.find((p) => p.category === c)} />
                </td>
              ))}
              <td>{item.holding}</td>
              <td>{item.accredited}</td>
              <td>
                <FormattedMessage id={`participation.credentials.status.${item.credentialsStatus}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DelegationsContent({ user, slug }: { user: SessionUser; slug: string }) {
  const lang = usePageLang();
  const intl = useIntl();
  const meeting = useMeeting(slug);
  const state = useApi<{ items: DelegationSummary[] }>(participationUrl.delegations(slug, lang));
  const secretariat = hasRole(user, 'secretariat');
  if (state.status === 'error' && state.error.code === 'forbidden') return <NotAllowedView />;
  // A focal point or representative of one delegation goes straight to it.
  if (state.status === 'ok' && !secretariat && state.data.items.length === 1) {
    return <Navigate replace to={participationPath.delegation(lang, slug, state.data.items[0]!.code)} />;
  }
  return (
    <>
      <MeetingCrumbs
        slug={slug}
        meeting={meeting}
        current={intl.formatMessage({ id: 'participation.delegations.title' })}
      />
      <h1>
        <FormattedMessage id="participation.delegations.title" />
      </h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <InlineError error={state.error} retry={state.retry} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <p>
            <FormattedMessage id="participation.delegations.none" />
          </p>
        ) : (
          <>
            {secretariat && (
              <ul className="links">
                <li>
                  <Link to={participationPath.registrations(lang, slug)}>
                    <FormattedMessage id="participation.link.registrations" />
                  </Link>
                </li>
                <li>
                  <Link to={participationPath.statistics(lang, slug)}>
                    <FormattedMessage id="participation.link.statistics" />
                  </Link>
                </li>
              </ul>
            )}
            <DelegationTable slug={slug} items={state.data.items} />
          </>
        ))}
    </>
  );
}

/** /:lang/meetings/:slug/delegations — the secretariat's overview; others land on their own delegation. */
export function DelegationsPage() {
  const intl = useIntl();
  const { slug = '' } = useParams();
  return (
    <RequireUser title={intl.formatMessage({ id: 'participation.delegations.title' })}>
      {(user) => <DelegationsContent user={user} slug={slug} />}
    </RequireUser>
  );
}
