import type { IntlShape } from 'react-intl';
import { calendarDate } from '../i18n/dates.js';
import type { StateStatus, TreatyAction } from './types.js';

/** A partial date as text, for SVG titles and summaries. */
export function partialDateText(intl: IntlShape, a: Pick<TreatyAction, 'precision' | 'earliest' | 'date'>): string {
  if (a.precision === 'year') return a.date;
  return intl.formatDate(calendarDate(a.earliest), {
    day: a.precision === 'day' ? 'numeric' : undefined,
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export const longDateText = (intl: IntlShape, day: string) =>
  intl.formatDate(calendarDate(day), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Argentina: party (ratification, 19 November 2002)". */
export function describeStatus(intl: IntlShape, row: StateStatus): string {
  const status = intl.formatMessage({ id: `treaties.status.${row.status}` });
  if (!row.basis) return intl.formatMessage({ id: 'treaties.map.stateNone' }, { state: row.state.name, status });
  return intl.formatMessage(
    { id: 'treaties.map.state' },
    {
      state: row.state.name,
      status,
      action: intl.formatMessage({ id: `treaties.action.${row.basis.action}` }),
      date: partialDateText(intl, row.basis),
    },
  );
}
