import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Places } from './types.js';

/** "Government: 0 of 2 left" or "Permanent mission: no limit (1 registered)". */
export function placesText(intl: IntlShape, place: Places): string {
  if (place.category === 'total') {
    return place.limit === null
      ? intl.formatMessage({ id: 'participation.places.totalUnlimited' }, { used: place.used })
      : intl.formatMessage(
          { id: 'participation.places.total' },
          { remaining: place.remaining ?? 0, limit: place.limit, used: place.used },
        );
  }
  const category = intl.formatMessage({ id: `participation.category.${place.category}` });
  return place.limit === null
    ? intl.formatMessage({ id: 'participation.places.unlimited' }, { category, used: place.used })
    : intl.formatMessage(
        { id: 'participation.places.left' },
        { category, remaining: place.remaining ?? 0, limit: place.limit, used: place.used },
      );
}

/** Places left per category and in total, always in view above the nomination form. */
export function PlacesList({ places, headingId }: { places: Places[]; headingId: string }) {
  const intl = useIntl();
  return (
    <section className="places" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <FormattedMessage id="participation.places.title" />
      </h2>
      <ul>
        {places.map((place) => {
          const full = place.limit !== null && (place.remaining ?? 0) === 0;
          return (
            <li key={place.category} className={`${full ? 'full' : ''}${place.category === 'total' ? ' total' : ''}`}>
              <span>{placesText(intl, place)}</span>
              {full && (
                <>
                  {' '}
                  <span className="badge full-badge">
                    <FormattedMessage id="participation.places.full" />
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
