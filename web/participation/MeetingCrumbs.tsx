import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MeetingDetail } from '../../shared/schemas/meeting.js';
import { apiUrl } from '../api.js';
import { Breadcrumbs, type Crumb } from '../components/Breadcrumbs.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi, type ApiState } from '../useApi.js';

/** The meeting a participation page belongs to (its title for the breadcrumbs, its time zone). */
export function useMeeting(slug: string): ApiState<MeetingDetail> {
  const lang = usePageLang();
  return useApi<MeetingDetail>(apiUrl.meeting(slug, lang));
}

/** Meetings › the meeting › (more) › this page. */
export function MeetingCrumbs({
  slug,
  meeting,
  more = [],
  current,
}: {
  slug: string;
  meeting: ApiState<MeetingDetail>;
  more?: Crumb[];
  current: ReactNode;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const title = meeting.status === 'ok' ? meeting.data.title.text : slug;
  return (
    <Breadcrumbs
      trail={[
        { to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) },
        { to: `/${lang}/meetings/${encodeURIComponent(slug)}`, label: title },
        ...more,
      ]}
      current={current}
    />
  );
}
