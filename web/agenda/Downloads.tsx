import { FormattedMessage, useIntl } from 'react-intl';
import type { Agenda } from '../../shared/schemas/agenda.js';
import { apiUrl } from '../api.js';
import { usePageLang } from '../i18n/hooks.js';

/** The shown version as PDF in the page language, and the calendar file. */
export function Downloads({ agenda }: { agenda: Agenda }) {
  const intl = useIntl();
  const lang = usePageLang();
  const { slug } = agenda.meeting;
  return (
    <section className="downloads" aria-labelledby="downloads">
      <h2 id="downloads">
        <FormattedMessage id="agenda.downloads" />
      </h2>
      <ul>
        <li>
          <a href={apiUrl.agendaPdf(slug, lang, agenda.version.number)} type="application/pdf">
            <FormattedMessage
              id="agenda.download.pdf"
              values={{
                number: agenda.version.number,
                language: intl.formatMessage({ id: `lang.name.${lang}` }),
              }}
            />
          </a>
        </li>
        <li>
          <a href={apiUrl.agendaIcs(slug, lang)} type="text/calendar">
            <FormattedMessage id="agenda.download.ics" />
          </a>
        </li>
      </ul>
    </section>
  );
}
