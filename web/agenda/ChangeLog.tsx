import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Agenda, AgendaChange } from '../../shared/schemas/agenda.js';
import { calendarDate } from '../i18n/dates.js';
import { Lt } from '../components/LocalizedText.js';

type Position = AgendaChange['from'];

function position(intl: IntlShape, at: Position): string {
  if (at === null) return intl.formatMessage({ id: 'agenda.positionUnknown' });
  const date = intl.formatDate(calendarDate(at.date), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return intl.formatMessage({ id: 'agenda.position' }, { date, period: at.period, number: at.number });
}

function Change({ change }: { change: AgendaChange }) {
  const intl = useIntl();
  const title = <Lt value={change.title} marker={false} />;
  switch (change.type) {
    case 'added':
      return <FormattedMessage id="agenda.change.added" values={{ title, to: position(intl, change.to) }} />;
    case 'removed':
      return <FormattedMessage id="agenda.change.removed" values={{ title, from: position(intl, change.from) }} />;
    case 'moved':
      return (
        <FormattedMessage
          id="agenda.change.moved"
          values={{ title, from: position(intl, change.from), to: position(intl, change.to) }}
        />
      );
    case 'retitled':
      return change.previousTitle ? (
        <FormattedMessage
          id="agenda.change.retitled"
          values={{ title, previousTitle: <Lt value={change.previousTitle} marker={false} /> }}
        />
      ) : (
        <FormattedMessage id="agenda.change.retitledOnly" values={{ title }} />
      );
  }
}

/** What the shown version changed against the version before it, in sentences. */
export function ChangeLog({ agenda }: { agenda: Agenda }) {
  const current = agenda.version.number;
  const earlier = agenda.versions.map((v) => v.number).filter((n) => n < current);
  const previous = earlier.length > 0 ? Math.max(...earlier) : null;
  return (
    <section className="changes" aria-labelledby="changes">
      <h2 id="changes">
        <FormattedMessage id="agenda.changes.title" />
      </h2>
      {previous === null ? (
        <p>
          <FormattedMessage id="agenda.changes.first" />
        </p>
      ) : agenda.changes.length === 0 ? (
        <p>
          <FormattedMessage id="agenda.changes.none" values={{ previous }} />
        </p>
      ) : (
        <>
          <p>
            <FormattedMessage id="agenda.changes.since" values={{ previous, count: agenda.changes.length }} />
          </p>
          <ul>
            {agenda.changes.map((change, i) => (
              <li key={`${change.key}-${i}`}>
                <Change change={change} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
