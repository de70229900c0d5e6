import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { InlineError } from '../../components/InlineError.js';
import { Loading, NotFoundView } from '../../components/Status.js';
import { SelectField } from '../../forms/Field.js';
import { useDocumentTitle, usePageLang } from '../../i18n/hooks.js';
import { useAllData } from './useAllData.js';
import { BasicsView, type Basics } from './BasicsView.js';
import { ExportLinks } from './ExportLinks.js';
import type { StatsLabels } from './labels.js';
import { ScorecardSection } from './ScorecardSection.js';
import { breakdownOptions, groupSeries, TOTAL, type Series } from './series.js';
import { SeriesFigure } from './SeriesFigure.js';
import { statsPage, type DataPoint, type Indicator, type MemberState } from './types.js';
import './dashboard.css';

/** /:lang/statistics/states/:iso3 — every indicator of one state over time, and its scorecard. */
export function StatePage() {
  const { iso3 = '' } = useParams();
  return (
    <BasicsView>
      {(basics) => {
        const state = basics.states.find((s) => s.iso3 === iso3.toUpperCase());
        return state ? <StateDashboard state={state} basics={basics} /> : <NotFoundView />;
      }}
    </BasicsView>
  );
}

/** One indicator of the state: the national total, or every category of one breakdown, per source. */
function IndicatorSection({
  indicator,
  points,
  labels,
}: {
  indicator: Indicator;
  points: DataPoint[];
  labels: StatsLabels;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const options = useMemo(() => breakdownOptions(points, indicator), [points, indicator]);
  const [chosen, setChosen] = useState(TOTAL);
  const option = options.find((o) => o.dimensions === chosen) ?? options[0];
  const series = useMemo(() => {
    if (!option) return [];
    const order = new Map(option.categories.map((c, i) => [c, i]));
    return groupSeries(points, { dimensions: option.dimensions }).sort(
      (a, b) => (order.get(a.breakdown) ?? 0) - (order.get(b.breakdown) ?? 0) || a.source.localeCompare(b.source),
    );
  }, [points, option]);
  const rowLabel = useCallback((s: Series) => labels.breakdown(s.breakdown), [labels]);
  const id = `stats-${indicator.code}`;
  const what = intl.formatMessage(
    { id: 'statsDash.indicator.what' },
    { indicator: indicator.name, breakdown: labels.dimensions(option?.dimensions ?? TOTAL) },
  );
  return (
    <section aria-labelledby={`${id}-title`} className="stats-indicator">
      <h3 id={`${id}-title`}>
        <Link to={statsPage.indicator(lang, indicator.code)}>{indicator.name}</Link>
      </h3>
      <p className="note">{indicator.definition}</p>
      {options.length > 1 && (
        <SelectField
          id={`${id}-breakdown`}
          label={intl.formatMessage({ id: 'statsDash.breakdownOf' }, { indicator: indicator.name })}
          value={option?.dimensions ?? TOTAL}
          onChange={setChosen}
          options={options.map((o) => ({ value: o.dimensions, label: labels.dimensions(o.dimensions) }))}
        />
      )}
      <SeriesFigure id={id} what={what} series={series} labels={labels} rowLabel={rowLabel} />
    </section>
  );
}

function StateDashboard({ state, basics }: { state: MemberState; basics: Basics }) {
  const intl = useIntl();
  const lang = usePageLang();
  const { indicators, labels } = basics;
  const title = intl.formatMessage({ id: 'statsDash.state.title' }, { state: state.name });
  useDocumentTitle(title);
  const data = useAllData({ state: state.iso3 }, lang);
  const points = useMemo(() => (data.status === 'ok' ? data.data.data : []), [data]);
  const byIndicator = useMemo(() => {
    const groups = new Map<string, DataPoint[]>();
    for (const p of points) groups.set(p.indicator, [...(groups.get(p.indicator) ?? []), p]);
    return groups;
  }, [points]);
  const years = useMemo(() => [...new Set(points.map((p) => p.year))].sort((a, b) => b - a), [points]);
  const without = indicators.filter((i) => !byIndicator.has(i.code));
  return (
    <>
      <Breadcrumbs
        trail={[
          { to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) },
          { to: statsPage.index(lang), label: intl.formatMessage({ id: 'statsDash.title' }) },
        ]}
        current={state.name}
      />
      <h1>{title}</h1>
      <p>
        <Link to={`/${lang}/countries/${state.iso3}`}>
          <FormattedMessage id="statsDash.state.profileLink" values={{ state: state.name }} />
        </Link>
        {' · '}
        <Link to={statsPage.methodology(lang)}>
          <FormattedMessage id="statsDash.methodologyLink" />
        </Link>
      </p>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <InlineError error={data.error} retry={data.retry} />}
      {data.status === 'ok' && (
        <>
          <ScorecardSection
            iso3={state.iso3}
            years={years.length ? years : [new Date().getUTCFullYear() - 1]}
            indicators={indicators}
            k={data.data.minCell}
          />
          <section aria-labelledby="stats-state-indicators">
            <h2 id="stats-state-indicators">
              <FormattedMessage id="statsDash.state.indicators" />
            </h2>
            {indicators
              .filter((i) => byIndicator.has(i.code))
              .map((i) => (
                <IndicatorSection key={i.code} indicator={i} points={byIndicator.get(i.code) ?? []} labels={labels} />
              ))}
            {without.length > 0 && (
              <p className="note">
                <FormattedMessage
                  id="statsDash.state.without"
                  values={{
                    list: intl.formatList(
                      without.map((i) => i.name),
                      { type: 'conjunction' },
                    ),
                  }}
                />
              </p>
            )}
          </section>
          <ExportLinks items={[{ label: state.name, filter: { state: state.iso3 } }]} />
        </>
      )}
    </>
  );
}
