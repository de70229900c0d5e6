import { FormattedMessage, useIntl } from 'react-intl';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { InlineError } from '../../components/InlineError.js';
import { Loading } from '../../components/Status.js';
import { useDocumentTitle, usePageLang } from '../../i18n/hooks.js';
import { useApi } from '../../useApi.js';
import { BasicsView } from './BasicsView.js';
import { IndicatorFacts } from './IndicatorFacts.js';
import { statsPage, statsUrl, type DataResponse } from './types.js';
import './dashboard.css';

/** Paragraphs of the suppression rule, in order; each takes the deployment's k. */
const RULE = ['aggregates', 'primary', 'secondary', 'zero', 'regions', 'public', 'comparisons'] as const;

/**
 * /:lang/statistics/methodology — the suppression rule with this deployment's k, how the
 * scorecard is computed, and every indicator's definition, all in the reader's language.
 */
export function MethodologyPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const title = intl.formatMessage({ id: 'statsDash.method.title' });
  useDocumentTitle(title);
  // A filter that matches no figure: the answer then carries only the deployment's k.
  const threshold = useApi<DataResponse>(statsUrl.data({ year: 1900 }, lang));
  return (
    <>
      <Breadcrumbs
        trail={[
          { to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) },
          { to: statsPage.index(lang), label: intl.formatMessage({ id: 'statsDash.title' }) },
        ]}
        current={title}
      />
      <h1>{title}</h1>
      <section aria-labelledby="method-suppression">
        <h2 id="method-suppression">
          <FormattedMessage id="statsDash.method.suppression" />
        </h2>
        {threshold.status === 'loading' && <Loading />}
        {threshold.status === 'error' && <InlineError error={threshold.error} retry={threshold.retry} />}
        {threshold.status === 'ok' &&
          RULE.map((part) => (
            <p key={part}>
              <FormattedMessage
                id={`statsDash.method.${part}`}
                values={{ k: threshold.data.minCell, below: threshold.data.minCell - 1 }}
              />
            </p>
          ))}
      </section>
      <section aria-labelledby="method-scorecard">
        <h2 id="method-scorecard">
          <FormattedMessage id="statsDash.scorecard.methodTitle" />
        </h2>
        <p>
          <FormattedMessage id="statsDash.method.completeness" />
        </p>
        {threshold.status === 'ok' && (
          <p>
            <FormattedMessage id="statsDash.scorecard.method" values={{ k: threshold.data.minCell }} />
          </p>
        )}
      </section>
      <section aria-labelledby="method-downloads">
        <h2 id="method-downloads">
          <FormattedMessage id="statsDash.download.title" />
        </h2>
        <p>
          <FormattedMessage id="statsDash.method.downloads" values={{ code: (text) => <code>{text}</code> }} />
        </p>
      </section>
      <section aria-labelledby="method-indicators">
        <h2 id="method-indicators">
          <FormattedMessage id="statsDash.indicators" />
        </h2>
        <BasicsView>
          {({ indicators, labels }) =>
            indicators.map((i) => (
              <section key={i.code} aria-labelledby={`method-${i.code}`}>
                <h3 id={`method-${i.code}`}>
                  {i.name} <code className="note">{i.code}</code>
                </h3>
                <IndicatorFacts indicator={i} labels={labels} />
              </section>
            ))
          }
        </BasicsView>
      </section>
    </>
  );
}
