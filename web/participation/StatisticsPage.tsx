import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { RequireUser } from '../account/guards.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { MeetingCrumbs, useMeeting } from './MeetingCrumbs.js';
import { StatisticsTables } from './StatisticsTables.js';
import { participationPath, participationUrl, type Statistics } from './types.js';

function StatisticsContent({ slug }: { slug: string }) {
  const intl = useIntl();
  const lang = usePageLang();
  const meeting = useMeeting(slug);
  const state = useApi<Statistics>(participationUrl.statistics(slug, lang));
  return (
    <>
      <MeetingCrumbs slug={slug} meeting={meeting} current={intl.formatMessage({ id: 'participation.stats.title' })} />
      <h1>
        <FormattedMessage id="participation.stats.title" />
      </h1>
      <p>
        <FormattedMessage id="participation.stats.intro" />
      </p>
      <ul className="links">
        <li>
          <Link to={participationPath.registrations(lang, slug)}>
            <FormattedMessage id="participation.link.registrations" />
          </Link>
        </li>
        <li>
          <Link to={participationPath.checkIn(lang, slug)}>
            <FormattedMessage id="checkin.link" />
          </Link>
        </li>
      </ul>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <InlineError error={state.error} retry={state.retry} />}
      {state.status === 'ok' && <StatisticsTables stats={state.data} idPrefix="stats" />}
    </>
  );
}

/** /:lang/meetings/:slug/participation-statistics — registered, accredited and present (secretariat). */
export function StatisticsPage() {
  const intl = useIntl();
  const { slug = '' } = useParams();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'participation.stats.title' })}>
      {() => <StatisticsContent slug={slug} />}
    </RequireUser>
  );
}
