import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import type { MeetingDetail } from '../../shared/schemas/meeting.js';
import { apiUrl } from '../api.js';
import { useApi } from '../useApi.js';
import { usePageLang } from '../i18n/hooks.js';
import { ApiView } from '../components/Status.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { ConceptNote } from '../components/ConceptNote.js';
import { Lt, LtHeading } from '../components/LocalizedText.js';
import { MeetingFacts } from '../components/MeetingFacts.js';
import { SessionHours } from '../components/SessionHours.js';
import { useSession } from '../account/sessionContext.js';
import { hasRole } from '../account/types.js';
import { ParticipationSection } from '../participation/ParticipationSection.js';

/** For the secretariat: straight to the editor of this meeting. */
function EditLink({ slug }: { slug: string }) {
  const lang = usePageLang();
  const { user } = useSession();
  if (!hasRole(user, 'secretariat')) return null;
  return (
    <p>
      <Link to={`/${lang}/admin/meetings/${encodeURIComponent(slug)}`}>
        <FormattedMessage id="editing.editDetails" />
      </Link>
    </p>
  );
}

function Meeting({ meeting }: { meeting: MeetingDetail }) {
  const lang = usePageLang();
  const intl = useIntl();
  const base = `/${lang}/meetings/${encodeURIComponent(meeting.slug)}`;
  return (
    <>
      <Breadcrumbs
        trail={[{ to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) }]}
        current={<Lt value={meeting.title} marker={false} />}
      />
      <LtHeading level={1} value={meeting.title} />
      <EditLink slug={meeting.slug} />
      <MeetingFacts meeting={meeting} />
      <section aria-labelledby="agenda-link">
        <h2 id="agenda-link">
          <FormattedMessage id="meeting.agenda" />
        </h2>
        <p>
          {meeting.agendaVersions > 0 ? (
            <Link to={`${base}/agenda`}>
              <FormattedMessage id="meeting.agendaLink" />
            </Link>
          ) : (
            <FormattedMessage id="meeting.agendaNone" />
          )}
        </p>
      </section>
      <section aria-labelledby="documents-link">
        <h2 id="documents-link">
          <FormattedMessage id="documents.title" />
        </h2>
        <p>
          <Link to={`${base}/documents`}>
            <FormattedMessage id="documents.link" />
          </Link>
        </p>
      </section>
      <ParticipationSection slug={meeting.slug} />
      <SessionHours meeting={meeting} />
      <ConceptNote sections={meeting.conceptNote} />
    </>
  );
}

export function MeetingPage() {
  const lang = usePageLang();
  const { slug = '' } = useParams();
  const state = useApi<MeetingDetail>(apiUrl.meeting(slug, lang));
  return (
    <ApiView state={state} title={(meeting) => meeting.title.text}>
      {(meeting) => <Meeting meeting={meeting} />}
    </ApiView>
  );
}
