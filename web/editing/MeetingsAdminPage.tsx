import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { MeetingList } from '../../shared/schemas/meeting.js';
import { apiUrl } from '../api.js';
import { useApi } from '../useApi.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { langAttr } from '../components/LocalizedText.js';
import { usePageLang } from '../i18n/hooks.js';
import { RequireUser } from '../account/guards.js';

function List() {
  const lang = usePageLang();
  const state = useApi<MeetingList>(apiUrl.meetings(lang));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <InlineError error={state.error} retry={state.retry} />;
  return (
    <ul className="cards">
      {state.data.items.map((m) => {
        const path = `/${lang}/admin/meetings/${encodeURIComponent(m.slug)}`;
        return (
          <li key={m.slug} className="card">
            <h2 lang={langAttr(m.title, lang)}>{m.title.text}</h2>
            <ul className="links">
              <li>
                <Link to={path}>
                  <FormattedMessage id="editing.editDetails" />
                  <span className="visually-hidden">: {m.title.text}</span>
                </Link>
              </li>
              <li>
                <Link to={`${path}/agenda`}>
                  <FormattedMessage id="editing.editAgenda" />
                  <span className="visually-hidden">: {m.title.text}</span>
                </Link>
              </li>
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** /:lang/admin/meetings — which meeting to edit. */
export function MeetingsAdminPage() {
  const intl = useIntl();
  return (
    <RequireUser role="secretariat" title={intl.formatMessage({ id: 'nav.editMeeting' })}>
      {() => (
        <>
          <h1>
            <FormattedMessage id="nav.editMeeting" />
          </h1>
          <List />
        </>
      )}
    </RequireUser>
  );
}
