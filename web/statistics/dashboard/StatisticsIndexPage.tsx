import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { SUBREGIONS } from '../../../shared/schemas/reference.js';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { useDocumentTitle, usePageLang } from '../../i18n/hooks.js';
import { Headline } from './Headline.js';
import { BasicsView } from './BasicsView.js';
import { statsPage } from './types.js';
import './dashboard.css';

/** The indicator the hemisphere headline shows, when the framework has it. */
const HEADLINE = 'victims_detected';

/**
 * /:lang/statistics — the indicators with their definitions in the reader's language, the
 * hemisphere's headline chart, and the way to each indicator's and each state's dashboard.
 */
export function StatisticsIndexPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const title = intl.formatMessage({ id: 'statsDash.title' });
  useDocumentTitle(title);
  return (
    <>
      <Breadcrumbs trail={[{ to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) }]} current={title} />
      <h1>{title}</h1>
      <p>
        <FormattedMessage id="statsDash.intro" />
      </p>
      <p>
        <Link to={statsPage.methodology(lang)}>
          <FormattedMessage id="statsDash.methodologyLink" />
        </Link>
      </p>
      <BasicsView>
        {({ indicators, states, labels }) => {
          const headline = indicators.find((i) => i.code === HEADLINE) ?? indicators[0];
          const collator = new Intl.Collator(lang);
          return (
            <>
              {headline && (
                <section aria-labelledby="stats-headline-title">
                  <h2 id="stats-headline-title">
                    <FormattedMessage id="statsDash.headline.title" values={{ indicator: headline.name }} />
                  </h2>
                  <Headline indicator={headline} labels={labels} />
                </section>
              )}
              <section aria-labelledby="stats-indicators">
                <h2 id="stats-indicators">
                  <FormattedMessage id="statsDash.indicators" />
                </h2>
                <ul className="stats-indicator-list">
                  {indicators.map((i) => (
                    <li key={i.code}>
                      <Link to={statsPage.indicator(lang, i.code)}>{i.name}</Link>
                      <p>{i.definition}</p>
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="stats-states">
                <h2 id="stats-states">
                  <FormattedMessage id="statsDash.states" />
                </h2>
                <div className="stats-state-index">
                  {SUBREGIONS.map((region) => (
                    <section key={region} aria-labelledby={`stats-region-${region}`}>
                      <h3 id={`stats-region-${region}`}>{labels.place(region)}</h3>
                      <ul>
                        {states
                          .filter((s) => s.subregion === region)
                          .sort((a, b) => collator.compare(a.name, b.name))
                          .map((s) => (
                            <li key={s.iso3}>
                              <Link to={statsPage.state(lang, s.iso3)}>{s.name}</Link>
                            </li>
                          ))}
                      </ul>
                    </section>
                  ))}
                </div>
              </section>
            </>
          );
        }}
      </BasicsView>
    </>
  );
}
