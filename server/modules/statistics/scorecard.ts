import type { DataPoint, Scorecard } from '../../../shared/schemas/statistics.js';
import { publishedData } from './publish.js';
import { indicatorCodes, reportFor, type Db } from './repository.js';

const TREND_INDICATORS = ['victims_detected', 'persons_prosecuted', 'persons_convicted'];

export const SCORECARD_METHOD =
  'A report is on time when first submitted by 30 June of the following year. Trends compare published national totals (validated reports first, else public sources such as UNODC GLOTIP) with the year before; a hidden ("<k") figure gives no trend. The conviction-to-prosecution ratio divides persons convicted by persons prosecuted in the same year and source; the two counts may concern different persons.';

/** The published national total of an indicator: a validated report's if any, else a public source's. */
function nationalTotal(points: DataPoint[], indicator: string, year: number): DataPoint | undefined {
  const totals = points.filter(
    (p) => p.indicator === indicator && p.year === year && Object.keys(p.breakdown).length === 0,
  );
  return totals.find((p) => p.origin === 'reported') ?? totals[0];
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
    const now = nationalTotal(points, indicator, year);
    const before = nationalTotal(points, indicator, year - 1);
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
  const prosecuted = nationalTotal(points, 'persons_prosecuted', year);
  const convicted = nationalTotal(points, 'persons_convicted', year);
  const sameSource = prosecuted && convicted && prosecuted.origin === convicted.origin;
  const ratio =
    sameSource && prosecuted.value && convicted.value !== null
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
    methodology: SCORECARD_METHOD,
  };
}
