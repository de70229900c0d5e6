import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Agenda } from '../../shared/schemas/agenda.js';
import { apiUrl } from '../api.js';
import { useApi } from '../useApi.js';
import { usePageLang } from '../i18n/hooks.js';
import { zoneName } from '../i18n/dates.js';
import { ApiView, NotFoundView } from '../components/Status.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { Lt, LtHeading } from '../components/LocalizedText.js';
import { AgendaDays } from '../agenda/AgendaDays.js';
import { ChangeLog } from '../agenda/ChangeLog.js';
import { Downloads } from '../agenda/Downloads.js';
import { VersionList, VersionName } from '../agenda/VersionList.js';
import { useAgendaMaterials, type Materials } from '../documents/AgendaMaterials.js';
import { documentPath } from '../documents/types.js';

function AgendaView({ agenda, materials }: { agenda: Agenda; materials: Materials | null }) {
  const lang = usePageLang();
  const intl = useIntl();
  const meetingPath = `/${lang}/meetings/${encodeURIComponent(agenda.meeting.slug)}`;
  const firstDay = agenda.days[0]?.date;
  return (
    <>
      <Breadcrumbs
        trail={[
          { to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) },
          { to: meetingPath, label: <Lt value={agenda.meeting.title} marker={false} /> },
        ]}
        current={<Lt value={agenda.title} marker={false} />}
      />
      <LtHeading level={1} value={agenda.title} />
      <p className="agenda-version">
        <VersionName version={agenda.version} timeZone={agenda.meeting.timeZone} />
      </p>
      {firstDay && (
        <p className="note">
          <FormattedMessage
            id="agenda.localTime"
            values={{ zone: zoneName(intl.locale, agenda.meeting.timeZone, firstDay) }}
          />
        </p>
      )}
      <Downloads agenda={agenda} />
      <VersionList agenda={agenda} />
      <ChangeLog agenda={agenda} />
      <p>
        <Link to={documentPath.list(lang, agenda.meeting.slug)}>
          <FormattedMessage id="documents.link" />
        </Link>
      </p>
      <AgendaDays days={agenda.days} materials={materials} />
    </>
  );
}

function AgendaLoader({ slug, version }: { slug: string; version: number | null }) {
  const lang = usePageLang();
  const agenda = useApi<Agenda>(apiUrl.agenda(slug, lang, version));
  // Asked alongside the agenda; the page shows once both answered, so nothing moves under the reader.
  const materials = useAgendaMaterials(slug, lang);
  const state = agenda.status === 'ok' && materials === null ? ({ status: 'loading' } as const) : agenda;
  return (
    <ApiView state={state} title={(agenda) => `${agenda.title.text} — ${agenda.meeting.title.text}`}>
      {(agenda) => <AgendaView agenda={agenda} materials={materials} />}
    </ApiView>
  );
}

export function AgendaPage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const raw = params.get('version');
  // Anything but a positive integer cannot name a version.
  if (raw !== null && !/^[1-9]\d{0,8}$/.test(raw)) return <NotFoundView />;
  return <AgendaLoader slug={slug} version={raw === null ? null : Number(raw)} />;
}
