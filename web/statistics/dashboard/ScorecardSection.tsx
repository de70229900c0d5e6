import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { InlineError } from '../../components/InlineError.js';
import { Loading } from '../../components/Status.js';
import { SelectField } from '../../forms/Field.js';
import { usePageLang } from '../../i18n/hooks.js';
import { useApi } from '../../useApi.js';
import { statsUrl, type Indicator, type Scorecard } from './types.js';

function Missing() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">
        <FormattedMessage id="statsDash.scorecard.none" />
      </span>
    </>
  );
}

function Card({ card, indicators, k }: { card: Scorecard; indicators: Indicator[]; k: number }) {
  const intl = useIntl();
  const name = (code: string) => indicators.find((i) => i.code === code)?.name ?? code;
  const yesNo = (v: boolean | null) =>
    v === null ? <Missing /> : <FormattedMessage id={v ? 'statsDash.scorecard.yes' : 'statsDash.scorecard.no'} />;
  const number = (v: number | null) => (v === null ? <Missing /> : intl.formatNumber(v, { signDisplay: 'auto' }));
  const total = card.reported.length + card.missing.length;
  return (
    <>
      <dl className="stats-facts">
        <dt>
          <FormattedMessage id="statsDash.scorecard.status" />
        </dt>
        <dd>
          <FormattedMessage id={`statsDash.scorecard.status.${card.status ?? 'none'}`} />
        </dd>
        <dt>
          <FormattedMessage id="statsDash.scorecard.completeness" />
        </dt>
        <dd>
          <FormattedMessage
            id="statsDash.scorecard.completenessValue"
            values={{ reported: card.reported.length, total }}
          />
          {card.reported.length > 0 && <> ({intl.formatList(card.reported.map(name), { type: 'conjunction' })})</>}
        </dd>
        <dt>
          <FormattedMessage
            id="statsDash.scorecard.onTime"
            values={{ due: intl.formatDate(`${card.dueOn}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }) }}
          />
        </dt>
        <dd>{yesNo(card.onTime)}</dd>
        <dt>
          <FormattedMessage id="statsDash.scorecard.validated" />
        </dt>
        <dd>{yesNo(card.validated)}</dd>
        <dt>
          <FormattedMessage id="statsDash.scorecard.ratio" />
        </dt>
        <dd>
          {card.convictionToProsecutionRatio === null ? (
            <Missing />
          ) : (
            <>
              {intl.formatNumber(card.convictionToProsecutionRatio, { maximumFractionDigits: 2 })}{' '}
              <span className="note">({card.convictionToProsecutionSource})</span>
            </>
          )}
        </dd>
      </dl>
      <div className="table-scroll" role="region" aria-labelledby="stats-trends-caption" tabIndex={0}>
        <table className="data stats-table">
          <caption id="stats-trends-caption">
            <FormattedMessage id="statsDash.scorecard.trends" values={{ year: card.year, previous: card.year - 1 }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="statsDash.scorecard.indicator" />
              </th>
              <th scope="col" className="number">
                {card.year}
              </th>
              <th scope="col" className="number">
                {card.year - 1}
              </th>
              <th scope="col" className="number">
                <FormattedMessage id="statsDash.scorecard.change" />
              </th>
              <th scope="col">
                <FormattedMessage id="statsDash.table.source" />
              </th>
            </tr>
          </thead>
          <tbody>
            {card.trends.map((t) => (
              <tr key={t.indicator}>
                <th scope="row">{name(t.indicator)}</th>
                <td className="number">{number(t.value)}</td>
                <td className="number">{number(t.previous)}</td>
                <td className="number">
                  {t.change === null ? <Missing /> : intl.formatNumber(t.change, { signDisplay: 'exceptZero' })}
                </td>
                <td className="source">{t.source ?? <Missing />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>
        <FormattedMessage id="statsDash.scorecard.methodTitle" />
      </h3>
      <p>
        <FormattedMessage id="statsDash.scorecard.method" values={{ k }} />
      </p>
    </>
  );
}

/**
 * A state's scorecard for a year, chosen among the years it has figures for: reporting
 * (completeness, on time, validated), trends from one source, the conviction ratio, and how each
 * is computed, in the reader's language.
 */
export function ScorecardSection({
  iso3,
  years,
  indicators,
  k,
}: {
  iso3: string;
  years: number[];
  indicators: Indicator[];
  k: number;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const [year, setYear] = useState(years[0] ?? new Date().getUTCFullYear() - 1);
  const card = useApi<Scorecard>(statsUrl.scorecard(iso3, year, lang));
  return (
    <section aria-labelledby="stats-scorecard">
      <h2 id="stats-scorecard">
        <FormattedMessage id="statsDash.scorecard.title" />
      </h2>
      <SelectField
        id="stats-scorecard-year"
        label={intl.formatMessage({ id: 'statsDash.scorecard.year' })}
        value={String(year)}
        onChange={(v) => setYear(Number(v))}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      {card.status === 'loading' && <Loading />}
      {card.status === 'error' && <InlineError error={card.error} retry={card.retry} />}
      {card.status === 'ok' && <Card card={card.data} indicators={indicators} k={k} />}
    </section>
  );
}
