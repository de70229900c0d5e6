import { FormattedMessage, useIntl } from 'react-intl';
import type { AgendaBlock, AgendaDay, AgendaItem, Presenter } from '../../shared/schemas/agenda.js';
import { LongDate, MaybeTimeRange } from '../i18n/dates.js';
import { Lt, LtHeading, LtMarker, sameStatus } from '../components/LocalizedText.js';
import { PlainText } from '../components/PlainText.js';
import { AgendaMaterials, type Materials } from '../documents/AgendaMaterials.js';

function presenterName(presenter: Presenter): string {
  if (presenter.type === 'person') return presenter.name;
  return presenter.acronym ? `${presenter.name} (${presenter.acronym})` : presenter.name;
}

function Item({ item, materials }: { item: AgendaItem; materials: Materials | null }) {
  const intl = useIntl();
  const hasTime = item.startTime !== null;
  return (
    <li value={item.number} className="item" id={`item-${item.key}`}>
      <LtHeading level={4} value={item.title} />
      <p className="item-meta">
        <span className="kind">
          <FormattedMessage id={`agenda.kind.${item.kind}`} />
        </span>
        {hasTime && (
          <>
            {' · '}
            <MaybeTimeRange start={item.startTime} end={item.endTime} />
          </>
        )}
      </p>
      {item.description && (
        <>
          {!sameStatus(item.title, item.description) && <LtMarker value={item.description} block />}
          <PlainText value={item.description} />
        </>
      )}
      {item.presenters.length > 0 && (
        <p>
          <FormattedMessage
            id="agenda.labelValue"
            values={{
              label: intl.formatMessage({ id: 'agenda.presenters' }),
              value: intl.formatList(item.presenters.map(presenterName), { type: 'conjunction' }),
            }}
          />
        </p>
      )}
      {item.alternatives.length > 0 && (
        <div className="alternatives">
          <p>
            <FormattedMessage id="agenda.alternatives" />
          </p>
          <ul>
            {item.alternatives.map((alternative, i) => (
              <li key={i}>
                <Lt value={alternative} marker={!sameStatus(item.title, alternative)} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <AgendaMaterials docs={materials?.get(item.key)} />
    </li>
  );
}

function Block({ block, id, materials }: { block: AgendaBlock; id: string; materials: Materials | null }) {
  const hasTime = block.startTime !== null;
  return (
    <section className="block">
      <h3 id={id}>
        <FormattedMessage id={`agenda.period.${block.period}`} />
      </h3>
      {hasTime && (
        <p className="block-time">
          <MaybeTimeRange start={block.startTime} end={block.endTime} />
          {block.timesIndicative && (
            <>
              {' '}
              <span className="indicative">
                (<FormattedMessage id="agenda.timesIndicative" />)
              </span>
            </>
          )}
        </p>
      )}
      {block.theme && (
        <p className="theme">
          <Lt value={block.theme} />
        </p>
      )}
      <ol className="items">
        {block.items.map((item) => (
          <Item key={item.key} item={item} materials={materials} />
        ))}
      </ol>
    </section>
  );
}

/** The programme: days, then each day's periods, then their numbered items and their documents. */
export function AgendaDays({ days, materials = null }: { days: AgendaDay[]; materials?: Materials | null }) {
  if (days.length === 0) {
    return (
      <p>
        <FormattedMessage id="agenda.empty" />
      </p>
    );
  }
  return (
    <>
      {days.map((day) => (
        <section key={day.date} className="day" aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>
            <LongDate date={day.date} weekday />
          </h2>
          {day.blocks.map((block, i) => (
            <Block key={i} block={block} id={`block-${day.date}-${i}`} materials={materials} />
          ))}
        </section>
      ))}
    </>
  );
}
