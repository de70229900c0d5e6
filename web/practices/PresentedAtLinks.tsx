import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { Agenda } from '../../shared/schemas/agenda.js';
import type { MeetingList } from '../../shared/schemas/meeting.js';
import { apiUrl } from '../api.js';
import { agendaItems, documentPath } from '../documents/types.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import type { PracticeInput } from './types.js';

type Presentation = NonNullable<PracticeInput['presentedAt']>[number];

/** One presentation: a link to the meeting's agenda, at the item when there is one. */
function PresentationLink({ link, meetingTitle }: { link: Presentation; meetingTitle: string }) {
  const intl = useIntl();
  const lang = usePageLang();
  const key = link.agendaItem ?? null;
  // The item's number and title come from the published agenda; the meeting list names the meeting.
  const agenda = useApi<Agenda>(key ? apiUrl.agenda(link.meeting, lang, null) : null);
  const item = key && agenda.status === 'ok' ? agendaItems(agenda.data).find((i) => i.key === key) : undefined;
  const itemName = item
    ? intl.formatMessage({ id: 'documents.agendaItemName' }, { number: item.number, title: item.title.text })
    : null;
  const to = key
    ? documentPath.agendaItem(lang, link.meeting, key)
    : `/${lang}/meetings/${encodeURIComponent(link.meeting)}/agenda`;
  return (
    <Link to={to}>
      {itemName
        ? intl.formatMessage({ id: 'practices.presented.link' }, { meeting: meetingTitle, item: itemName })
        : meetingTitle}
    </Link>
  );
}

/** Where the practice was presented, each a link into the meeting's agenda. */
export function PresentedAtLinks({ links }: { links: Presentation[] }) {
  const lang = usePageLang();
  const list = useApi<MeetingList>(apiUrl.meetings(lang));
  const title = (slug: string) =>
    (list.status === 'ok' ? list.data.items.find((m) => m.slug === slug)?.title.text : undefined) ?? slug;
  return (
    <ul className="practice-presented">
      {links.map((link, i) => (
        <li key={i}>
          <PresentationLink link={link} meetingTitle={title(link.meeting)} />
        </li>
      ))}
    </ul>
  );
}
