import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { InlineError } from '../../components/InlineError.js';
import { Loading } from '../../components/Status.js';
import { usePageLang } from '../../i18n/hooks.js';
import { useAllData } from './useAllData.js';
import type { StatsLabels } from './labels.js';
import { groupSeries, latestLeaders, regionSeries, TOTAL, type Series } from './series.js';
import { SeriesFigure } from './SeriesFigure.js';
import { type Indicator } from './types.js';
import { useRegionAggregates } from './useRegionAggregates.js';

const LEADERS = 5;
const HEMISPHERE = ['hemisphere' as const];

/**
 * The hemisphere at a glance: every state's national total of one indicator per year, each source
 * its own line (never summed: a public source's "<5" is not a number), with the five highest of
 * the latest year brought forward, and the hemispheric sum of validated reports where there are any.
 */
export function Headline({ indicator, labels }: { indicator: Indicator; labels: StatsLabels }) {
  const intl = useIntl();
  const lang = usePageLang();
  const data = useAllData({ indicator: indicator.code }, lang);
  const points = useMemo(() => (data.status === 'ok' ? data.data.data : []), [data]);
  const reportedYears = useMemo(
    () => [...new Set(points.filter((p) => p.origin === 'reported').map((p) => p.year))].sort((a, b) => a - b),
    [points],
  );
  const regions = useRegionAggregates(indicator.code, reportedYears, HEMISPHERE);
  const { series, emphasis } = useMemo(() => {
    const collator = new Intl.Collator(lang);
    const states = groupSeries(points, { breakdown: TOTAL }).sort(
      (a, b) => collator.compare(labels.place(a.place), labels.place(b.place)) || a.source.localeCompare(b.source),
    );
    const hemisphere = regionSeries('hemisphere', regions.answers.get('hemisphere') ?? [], TOTAL);
    const all: Series[] = hemisphere.cells.size > 0 ? [hemisphere, ...states] : states;
    const leaders = latestLeaders(states, LEADERS)?.leaders ?? [];
    return { series: all, emphasis: new Set([hemisphere.key, ...leaders.map((s) => s.key)]) };
  }, [points, regions.answers, labels, lang]);
  const rowLabel = useCallback((s: Series) => labels.place(s.place), [labels]);
  if (data.status === 'loading' || regions.loading) return <Loading />;
  if (data.status === 'error') return <InlineError error={data.error} retry={data.retry} />;
  if (regions.error) return <InlineError error={regions.error} />;
  return (
    <SeriesFigure
      id="stats-headline"
      what={intl.formatMessage(
        { id: 'statsDash.headline.what' },
        { indicator: indicator.name, breakdown: labels.breakdown(TOTAL) },
      )}
      series={series}
      labels={labels}
      rowLabel={rowLabel}
      emphasis={emphasis}
    />
  );
}
