import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs.js';
import { InlineError } from '../../components/InlineError.js';
import { Loading, NotFoundView } from '../../components/Status.js';
import { SelectField } from '../../forms/Field.js';
import { useDocumentTitle, usePageLang } from '../../i18n/hooks.js';
import { useAllData } from './useAllData.js';
import { BasicsView, type Basics } from './BasicsView.js';
import { ChoiceList } from './ChoiceList.js';
import { ExportLinks } from './ExportLinks.js';
import { IndicatorFacts } from './IndicatorFacts.js';
import { breakdownOptions, busiestStates, groupSeries, regionSeries, TOTAL, type Series } from './series.js';
import { SeriesFigure } from './SeriesFigure.js';
import { REGIONS, statsPage, type Indicator, type Region } from './types.js';
import { useRegionAggregates } from './useRegionAggregates.js';
import './dashboard.css';

/** States compared when the reader has not chosen: those with the most published figures. */
const DEFAULT_STATES = 5;
const isRegion = (v: string): v is Region => (REGIONS as readonly string[]).includes(v);
const list = (v: string | null) => (v === null ? null : v.split(',').filter(Boolean));

/** /:lang/statistics/indicators/:code — one indicator over time, per state, subregion and hemisphere. */
export function IndicatorPage() {
  const { code = '' } = useParams();
  return (
    <BasicsView>
      {(basics) => {
        const indicator = basics.indicators.find((i) => i.code === code);
        return indicator ? <IndicatorDashboard indicator={indicator} basics={basics} /> : <NotFoundView />;
      }}
    </BasicsView>
  );
}

function IndicatorDashboard({ indicator, basics }: { indicator: Indicator; basics: Basics }) {
  const intl = useIntl();
  const lang = usePageLang();
  const { labels } = basics;
  useDocumentTitle(indicator.name);
  // The choices start from the address (a shared link opens on them) and then live in the page:
  // writing them back to the address would count as a navigation and move the focus to <main>.
  const [params] = useSearchParams();
  const [choice, setChoice] = useState(() => ({
    breakdown: params.get('breakdown'),
    category: params.get('category'),
    states: list(params.get('states')),
    regions: list(params.get('regions')),
  }));
  const data = useAllData({ indicator: indicator.code }, lang);
  const points = useMemo(() => (data.status === 'ok' ? data.data.data : []), [data]);
  const options = useMemo(() => breakdownOptions(points, indicator), [points, indicator]);
  const option = options.find((o) => o.dimensions === (choice.breakdown ?? TOTAL)) ?? options[0];
  const category = option?.categories.find((c) => c === choice.category) ?? option?.categories[0] ?? TOTAL;
  const all = useMemo(() => groupSeries(points, { breakdown: category }), [points, category]);
  const collator = useMemo(() => new Intl.Collator(lang), [lang]);
  const byName = useCallback(
    (a: string, b: string) => collator.compare(labels.place(a), labels.place(b)),
    [collator, labels],
  );
  const available = [...new Set(all.map((s) => s.place))].sort(byName);
  const states = choice.states ?? busiestStates(all, DEFAULT_STATES);
  const reportedYears = useMemo(
    () => [...new Set(points.filter((p) => p.origin === 'reported').map((p) => p.year))].sort((a, b) => a - b),
    [points],
  );
  const regions = (choice.regions ?? (reportedYears.length ? ['hemisphere'] : [])).filter(isRegion);
  const aggregates = useRegionAggregates(indicator.code, reportedYears, regions);
  // The choices are read from the URL on each render: memoise on their values, not on new arrays.
  const statesKey = states.join(',');
  const regionsKey = regions.join(',');
  const series = useMemo(() => {
    const chosenRegions = list(regionsKey) ?? [];
    const chosenStates = list(statesKey) ?? [];
    const regional = chosenRegions
      .filter(isRegion)
      .map((r) => regionSeries(r, aggregates.answers.get(r) ?? [], category))
      .filter((s) => s.cells.size > 0);
    const chosen = all
      .filter((s) => chosenStates.includes(s.place))
      .sort((a, b) => byName(a.place, b.place) || a.source.localeCompare(b.source));
    return [...regional, ...chosen];
  }, [all, aggregates.answers, category, byName, statesKey, regionsKey]);
  const rowLabel = useCallback((s: Series) => labels.place(s.place), [labels]);

  const update = (changes: Partial<typeof choice>) => setChoice((c) => ({ ...c, ...changes }));
  const what = intl.formatMessage(
    { id: 'statsDash.indicator.what' },
    { indicator: indicator.name, breakdown: labels.breakdown(category) },
  );
  return (
    <>
      <Breadcrumbs
        trail={[
          { to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) },
          { to: statsPage.index(lang), label: intl.formatMessage({ id: 'statsDash.title' }) },
        ]}
        current={indicator.name}
      />
      <h1>{indicator.name}</h1>
      <IndicatorFacts indicator={indicator} labels={labels} />
      <p>
        <Link to={statsPage.methodology(lang)}>
          <FormattedMessage id="statsDash.methodologyLink" />
        </Link>
      </p>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <InlineError error={data.error} retry={data.retry} />}
      {data.status === 'ok' && (
        <>
          <form className="stats-controls" onSubmit={(e) => e.preventDefault()} aria-labelledby="stats-controls">
            <h2 id="stats-controls">
              <FormattedMessage id="statsDash.controls" />
            </h2>
            {options.length > 0 && (
              <div className="stats-selects">
                <SelectField
                  id="stats-breakdown"
                  label={intl.formatMessage({ id: 'statsDash.breakdown' })}
                  value={option?.dimensions ?? TOTAL}
                  onChange={(v) => update({ breakdown: v, category: null })}
                  options={options.map((o) => ({ value: o.dimensions, label: labels.dimensions(o.dimensions) }))}
                />
                {option && option.dimensions !== TOTAL && (
                  <SelectField
                    id="stats-category"
                    label={intl.formatMessage({ id: 'statsDash.category' })}
                    value={category}
                    onChange={(v) => update({ category: v })}
                    options={option.categories.map((c) => ({ value: c, label: labels.breakdown(c) }))}
                  />
                )}
              </div>
            )}
            {available.length > 0 && (
              <ChoiceList
                id="stats-state"
                legend={intl.formatMessage({ id: 'statsDash.chooseStates' })}
                options={available.map((iso3) => ({ value: iso3, label: labels.place(iso3) }))}
                chosen={states}
                onChange={(chosen) => update({ states: chosen })}
              />
            )}
            {reportedYears.length > 0 ? (
              <ChoiceList
                id="stats-region"
                legend={intl.formatMessage({ id: 'statsDash.chooseRegions' })}
                hint={intl.formatMessage({ id: 'statsDash.regionsHint' })}
                options={REGIONS.map((r) => ({ value: r, label: labels.place(r) }))}
                chosen={regions}
                onChange={(chosen) => update({ regions: chosen })}
              />
            ) : (
              <p className="note">
                <FormattedMessage id="statsDash.noRegions" />
              </p>
            )}
          </form>
          <section aria-labelledby="stats-series-title">
            <h2 id="stats-series-title">{what}</h2>
            {aggregates.loading && <Loading />}
            {aggregates.error && <InlineError error={aggregates.error} />}
            {!aggregates.loading && !aggregates.error && (
              <SeriesFigure id="stats-series" what={what} series={series} labels={labels} rowLabel={rowLabel} />
            )}
          </section>
          <ExportLinks
            items={[
              { label: intl.formatMessage({ id: 'statsDash.download.all' }), filter: { indicator: indicator.code } },
              ...[...states].sort(byName).map((iso3) => ({
                label: labels.place(iso3),
                filter: { indicator: indicator.code, state: iso3 },
              })),
            ]}
          />
        </>
      )}
    </>
  );
}
