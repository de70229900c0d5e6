import { FormattedMessage, useIntl } from 'react-intl';
import type { MeetingDetail } from '../../shared/schemas/meeting.js';
import { TimeRange, zoneName } from '../i18n/dates.js';

/** The meeting's default hours per period, which the agenda uses where a block sets none. */
export function SessionHours({ meeting }: { meeting: MeetingDetail }) {
  const intl = useIntl();
  if (meeting.defaultSessionHours.length === 0) return null;
  const zone = zoneName(intl.locale, meeting.timeZone, meeting.startDate);
  return (
    <section aria-labelledby="session-hours">
      <h2 id="session-hours">
        <FormattedMessage id="meeting.sessionHours" />
      </h2>
      <p className="note">
        <FormattedMessage id="meeting.sessionHoursNote" values={{ zone }} />
      </p>
      <ul className="hours">
        {meeting.defaultSessionHours.map((hours) => (
          <li key={hours.period}>
            <FormattedMessage
              id="meeting.sessionHoursItem"
              values={{
                period: intl.formatMessage({ id: `agenda.period.${hours.period}` }),
                hours: <TimeRange start={hours.start} end={hours.end} />,
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
