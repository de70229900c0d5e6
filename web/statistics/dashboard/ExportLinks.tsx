import { FormattedMessage } from 'react-intl';
import { statsUrl, type DataFilter } from './types.js';

/**
 * Downloads of the published figures with the same filters as the page, suppression applied by
 * the server exactly as on screen. Plain links: the browser saves the attachment.
 */
export function ExportLinks({ items }: { items: { label: string; filter: DataFilter }[] }) {
  return (
    <section aria-labelledby="stats-downloads" className="stats-downloads">
      <h2 id="stats-downloads">
        <FormattedMessage id="statsDash.download.title" />
      </h2>
      <p className="note">
        <FormattedMessage id="statsDash.download.note" />
      </p>
      <ul>
        {items.map(({ label, filter }) => (
          <li key={statsUrl.download('csv', filter)}>
            {label}:{' '}
            <a href={statsUrl.download('csv', filter)} download>
              <FormattedMessage id="statsDash.download.csv" />
              <span className="visually-hidden"> — {label}</span>
            </a>{' '}
            ·{' '}
            <a href={statsUrl.download('json', filter)} download>
              <FormattedMessage id="statsDash.download.json" />
              <span className="visually-hidden"> — {label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
