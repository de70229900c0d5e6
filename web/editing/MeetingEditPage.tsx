import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import type { MeetingSource } from '../../shared/schemas/editing.js';
import { apiUrl } from '../api.js';
import { useApi } from '../useApi.js';
import { InlineError } from '../components/InlineError.js';
import { Loading, NotFoundView } from '../components/Status.js';
import { usePageLang } from '../i18n/hooks.js';
import { RequireUser } from '../account/guards.js';
import { ConceptSectionForm } from './ConceptSectionForm.js';
import { MeetingDetailsForm } from './MeetingDetailsForm.js';
import { ParticipationRulesSection } from './ParticipationRulesForm.js';
import { preview } from './multiText.js';

function Editor({ meeting, reload }: { meeting: MeetingSource; reload: () => void }) {
  const lang = usePageLang();
  const title = preview(meeting.title, lang);
  const base = `/${lang}/meetings/${encodeURIComponent(meeting.slug)}`;
  return (
    <>
      <h1>
        <FormattedMessage
          id="editing.meetingTitle"
          values={{ title: <span lang={title.lang === lang ? undefined : title.lang}>{title.text}</span> }}
        />
      </h1>
      <ul className="links">
        <li>
          <Link to={base}>
            <FormattedMessage id="editing.viewPublic" />
          </Link>
        </li>
        <li>
          <Link to={`/${lang}/admin/meetings/${encodeURIComponent(meeting.slug)}/agenda`}>
            <FormattedMessage id="editing.editAgenda" />
          </Link>
        </li>
      </ul>
      <section aria-labelledby="meeting-details">
        <h2 id="meeting-details">
          <FormattedMessage id="editing.details" />
        </h2>
        <MeetingDetailsForm meeting={meeting} onSaved={reload} />
      </section>
      <section aria-labelledby="participation-rules">
        <h2 id="participation-rules">
          <FormattedMessage id="rules.heading" />
        </h2>
        <ParticipationRulesSection slug={meeting.slug} timeZone={meeting.timeZone} />
      </section>
      <section aria-labelledby="concept-note-edit">
        <h2 id="concept-note-edit">
          <FormattedMessage id="meeting.conceptNote" />
        </h2>
        {meeting.conceptNote.map((section) => (
          <ConceptSectionForm key={section.kind} slug={meeting.slug} section={section} onSaved={reload} />
        ))}
      </section>
    </>
  );
}

function Loader({ slug }: { slug: string }) {
  const state = useApi<MeetingSource>(`${apiUrl.meetingEdit(slug)}/source`);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return state.error.code === 'not_found' ? (
      <NotFoundView />
    ) : (
      <InlineError error={state.error} retry={state.retry} />
    );
  }
  return <Editor meeting={state.data} reload={state.reload} />;
}

/** /:lang/admin/meetings/:slug — a meeting's facts and concept note, in four languages. */
export function MeetingEditPage() {
  const intl = useIntl();
  const { slug = '' } = useParams();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'nav.editMeeting' })}>
      {() => <Loader slug={slug} />}
    </RequireUser>
  );
}
