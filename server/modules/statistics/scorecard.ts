import type { DataPoint, Scorecard } from '../../../shared/schemas/statistics.js';
import { comparableSource, publishedData } from './publish.js';
import { indicatorCodes, reportFor, type Db } from './repository.js';

const TREND_INDICATORS = ['victims_detected', 'persons_prosecuted', 'persons_convicted'];

export const SCORECARD_METHOD =
  'A report is on time when first submitted by 30 June of the following year. Trends compare a published national total with the year before from the same source only (a validated report with a validated report, a public source such as UNODC GLOTIP with itself; validated reports first); a hidden ("<k") figure or a year without a figure from the same source gives no trend. The conviction-to-prosecution ratio divides persons convicted by persons prosecuted in the same year and source; the two counts may concern different persons.';

/** Published national totals of an indicator for a year, by comparable source (see comparableSource). */
function nationalTotals(points: DataPoint[], indicator: string, year: number): Map<string, DataPoint> {
  const bySource = new Map<string, DataPoint>();
  for (const p of points) {
    if (p.indicator !== indicator || p.year !== year || Object.keys(p.breakdown).length > 0) continue;
    const key = comparableSource(p);
    if (!bySource.has(key)) bySource.set(key, p);
  }
  return bySource;
}

/** Validated reports before public sources: a state's own validated figure is preferred. */
const preference = (keys: Iterable<string>) =>
  [...keys].sort((a, b) => Number(b === 'reported') - Number(a === 'reported') || a.localeCompare(b));

/**
 * Two figures from one comparable source (same definition, same breakdown), reported first; never
 * a validated report's figure set against a public source's. Without a common source, the first
 * map's preferred figure alone.
 */
function pairFromOneSource(a: Map<string, DataPoint>, b: Map<string, DataPoint>) {
  const common = preference(a.keys()).find((key) => b.has(key));
  if (common) return { first: a.get(common), second: b.get(common) };
  const [only] = preference(a.keys());
  return { first: only === undefined ? undefined : a.get(only), second: undefined };
}

/** What a state reported for a year and how its main counts moved; published figures only. */
export async function scorecard(db: Db, iso3: string, year: number, k: number): Promise<Scorecard> {
  const dueOn = `${year + 1}-06-30`;
  /*
   * A fixed number of queries whatever the framework's size: the indicators reported are read
   * from the index alone, and only the trend indicators' tables are suppressed (suppression is
   * per table, so leaving the other indicators out changes none of these figures).
   */
  const [report, codes, points] = await Promise.all([
    reportFor(db, iso3, year),
    indicatorCodes(db),
    publishedData(db, { state: iso3, years: [year - 1, year], indicators: TREND_INDICATORS }, k),
  ]);
  const reported =
    report?.published_revision != null
      ? (
          await db
            .selectFrom('stat_report_value')
            .select('indicator_code')
            .distinct()
            .where('report_id', '=', report.id)
            .where('revision', '=', report.published_revision)
            .execute()
        ).map((v) => v.indicator_code)
      : [];
  const trends = TREND_INDICATORS.map((indicator) => {
    const { first: now, second: before } = pairFromOneSource(
      nationalTotals(points, indicator, year),
      nationalTotals(points, indicator, year - 1),
    );
    const value = now?.value ?? null;
    const previous = before?.value ?? null;
    return {
      indicator,
      value,
      previous,
      change: value !== null && previous !== null ? value - previous : null,
      source: now?.source ?? null,
    };
  });
  const { first: prosecuted, second: convicted } = pairFromOneSource(
    nationalTotals(points, 'persons_prosecuted', year),
    nationalTotals(points, 'persons_convicted', year),
  );
  const ratio =
    prosecuted?.value && convicted && convicted.value !== null
      ? Math.round((convicted.value / prosecuted.value) * 100) / 100
      : null;
  return {
    state: iso3,
    year,
    dueOn,
    reported: codes.filter((c) => reported.includes(c)),
    missing: codes.filter((c) => !reported.includes(c)),
    status: report?.status ?? null,
    onTime: report?.first_submitted_at ? report.first_submitted_at.slice(0, 10) <= dueOn : null,
    validated: report?.published_revision != null,
    trends,
    convictionToProsecutionRatio: ratio,
    convictionToProsecutionSource: ratio === null ? null : (convicted?.source ?? null),
    methodology: SCORECARD_METHOD,
  };
}
