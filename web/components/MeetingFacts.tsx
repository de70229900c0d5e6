import { FormattedMessage, useIntl } from 'react-intl';
import type { MeetingSummary } from '../../shared/schemas/meeting.js';
import { DateRange } from '../i18n/dates.js';
import { Lt } from './LocalizedText.js';

export function organizerName(org: { name: string; acronym: string | null }): string {
  return org.acronym ? `${org.name} (${org.acronym})` : org.name;
}

/** Dates, venue, status and organisers of a meeting, as a description list. */
export function MeetingFacts({ meeting }: { meeting: MeetingSummary }) {
  const intl = useIntl();
  return (
    <dl className="facts">
      <div>
        <dt>
          <FormattedMessage id="meeting.dates" />
        </dt>
        <dd>
          <DateRange start={meeting.startDate} end={meeting.endDate} />
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="meeting.venue" />
        </dt>
        <dd>{meeting.venue ? <Lt value={meeting.venue} /> : <FormattedMessage id="meeting.tbc" />}</dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="meeting.statusLabel" />
        </dt>
        <dd>
          <FormattedMessage id={`meeting.status.${meeting.status}`} />
        </dd>
      </div>
      {meeting.organizers.length > 0 && (
        <div>
          <dt>
            <FormattedMessage id="meeting.organizers" />
          </dt>
          <dd>{intl.formatList(meeting.organizers.map(organizerName), { type: 'conjunction' })}</dd>
        </div>
      )}
    </dl>
  );
}
