import { FormattedDate } from 'react-intl';
import { calendarDate } from '../i18n/dates.js';
import type { TreatyAction } from './types.js';

/** A date as precise as its source: "19 November 2002", "May 2004" or "2004". */
export function PartialDate({ action }: { action: Pick<TreatyAction, 'date' | 'precision' | 'earliest'> }) {
  if (action.precision === 'year') return <time dateTime={action.date}>{action.date}</time>;
  return (
    <time dateTime={action.date}>
      <FormattedDate
        value={calendarDate(action.earliest)}
        day={action.precision === 'day' ? 'numeric' : undefined}
        month="long"
        year="numeric"
        timeZone="UTC"
      />
    </time>
  );
}
