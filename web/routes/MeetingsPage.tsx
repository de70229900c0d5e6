import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { MeetingList } from '../../shared/schemas/meeting.js';
import { apiUrl } from '../api.js';
import { useApi } from '../useApi.js';
import { usePageLang } from '../i18n/hooks.js';
import { ApiView } from '../components/Status.js';
import { LtMarker, langAttr } from '../components/LocalizedText.js';
import { MeetingFacts } from '../components/MeetingFacts.js';

function MeetingsList({ list }: { list: MeetingList }) {
  const lang = usePageLang();
  return (
    <>
      <h1>
        <FormattedMessage id="meetings.title" />
      </h1>
      {list.items.length === 0 ? (
        <p>
          <FormattedMessage id="meetings.empty" />
        </p>
      ) : (
        <ul className="cards">
          {list.items.map((meeting) => (
            <li key={meeting.slug} className="card">
              <h2>
                <Link to={`/${lang}/meetings/${encodeURIComponent(meeting.slug)}`} lang={langAttr(meeting.title, lang)}>
                  {meeting.title.text}
                </Link>
              </h2>
              <LtMarker value={meeting.title} block />
              <MeetingFacts meeting={meeting} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function MeetingsPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const state = useApi<MeetingList>(apiUrl.meetings(lang));
  return (
    <ApiView state={state} title={() => intl.formatMessage({ id: 'meetings.title' })}>
      {(list) => <MeetingsList list={list} />}
    </ApiView>
  );
}
