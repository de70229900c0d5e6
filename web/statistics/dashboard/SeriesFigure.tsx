import { useCallback, useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { StatsLabels } from './labels.js';
import { PlotChart, type ChartLine } from './PlotChart.js';
import { numberAt, trendOf, yearsOf, type Series } from './series.js';
import { SeriesTable } from './SeriesTable.js';

/** How many series the caption names a trend for; the table has them all. */
const TRENDS_IN_CAPTION = 5;

/**
 * A chart and its data table. The figcaption is the chart's text alternative: what it shows,
 * how to read it, and the first-to-last change of the leading series.
 */
export function SeriesFigure({
  id,
  what,
  series,
  labels,
  rowLabel,
  emphasis,
}: {
  id: string;
  /** What the figures are ("Victims detected, national total"): the caption of the table too. */
  what: string;
  series: Series[];
  labels: StatsLabels;
  rowLabel: (s: Series) => string;
  /** Keys of the series to colour and label; by default all of them. */
  emphasis?: Set<string>;
}) {
  const intl = useIntl();
  const years = useMemo(() => yearsOf(series), [series]);
  // A line's label names its source when the chart has more than one, so two lines of one state differ.
  const chartLabel = useCallback(
    (s: Series) =>
      new Set(series.map((x) => x.source)).size > 1 ? `${rowLabel(s)} (${labels.shortSource(s.source)})` : rowLabel(s),
    [series, rowLabel, labels],
  );
  const lines = useMemo<ChartLine[]>(
    () =>
      series.map((s) => {
        const own = [...s.cells.keys()];
        const [from, to] = [Math.min(...own), Math.max(...own)];
        return {
          id: s.key,
          label: chartLabel(s),
          dashed: s.source.startsWith('public:'),
          emphasis: emphasis?.has(s.key) ?? true,
          points: years.filter((y) => y >= from && y <= to).map((year) => ({ year, value: numberAt(s, year) })),
        };
      }),
    [series, years, chartLabel, emphasis],
  );
  if (series.length === 0) {
    return (
      <p className="note">
        <FormattedMessage id="statsDash.chart.empty" />
      </p>
    );
  }
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? first;
  // The emphasised series first: the caption speaks of what the chart brings forward.
  const ranked = emphasis
    ? [...series].sort((a, b) => Number(emphasis.has(b.key)) - Number(emphasis.has(a.key)))
    : series;
  const trends = ranked
    .map((s) => ({ s, t: trendOf(s) }))
    .filter((x) => x.t !== null)
    .slice(0, TRENDS_IN_CAPTION)
    .map(({ s, t }) =>
      intl.formatMessage(
        { id: 'statsDash.chart.trend' },
        {
          series: chartLabel(s),
          first: intl.formatNumber(t?.first ?? 0),
          firstYear: t?.firstYear,
          last: intl.formatNumber(t?.last ?? 0),
          lastYear: t?.lastYear,
        },
      ),
    );
  return (
    <div className="stats-figure-block">
      <figure className="stats-figure" aria-labelledby={`${id}-summary`}>
        <PlotChart lines={lines} />
        <figcaption id={`${id}-summary`} className="note">
          <FormattedMessage
            id="statsDash.chart.summary"
            values={{ what, period: first === last ? String(first) : `${first}–${last}`, count: series.length }}
          />
          {trends.length > 0 && (
            <>
              {' '}
              <FormattedMessage id="statsDash.chart.trends" values={{ list: trends.join('; ') }} />
            </>
          )}
        </figcaption>
      </figure>
      <SeriesTable id={id} caption={what} series={series} years={years} labels={labels} rowLabel={rowLabel} />
    </div>
  );
}
