import type { Lang } from '../../../shared/lang.js';
import type {
  Indicator,
  Report as ReportSchema,
  ReportCell,
  ReportStatus,
  StoredCell,
} from '../../../shared/schemas/statistics.js';
import type { ReportList, ReportSummary } from '../../../shared/schemas/statistics-report-list.js';
import { query } from '../../api.js';

/** The server's report, its status typed (the schema's mapped union infers as never). */
export type Report = Omit<ReportSchema, 'status'> & { status: ReportStatus };

export type { Indicator, ReportCell, ReportList, ReportStatus, ReportSummary, StoredCell };
export { FIRST_YEAR, REPORT_STATUSES } from '../../../shared/schemas/statistics.js';

export interface ListFilter {
  state?: string;
  status?: string;
  year?: number;
}

const report = (iso3: string, year: number) => `/api/statistics/reports/${encodeURIComponent(iso3)}/${year}`;

/** The reporting endpoints of the statistics API. */
export const reportingUrl = {
  list: (filter: ListFilter) => `/api/statistics/reports${query({ ...filter, pageSize: 200 })}`,
  indicators: (lang: Lang) => `/api/statistics/indicators?lang=${lang}`,
  report: (iso3: string, year: number, revision?: number) => `${report(iso3, year)}${query({ revision })}`,
  import: (iso3: string, year: number) => `${report(iso3, year)}/import`,
  submission: (iso3: string, year: number) => `${report(iso3, year)}/submission`,
  review: (iso3: string, year: number) => `${report(iso3, year)}/review`,
  template: (format: 'csv' | 'xlsx', lang: Lang) => `/api/statistics/report-template.${format}?lang=${lang}`,
};

/** Pages of the reporting side. */
export const reportingPath = {
  list: (lang: Lang) => `/${lang}/statistics/reports`,
  report: (lang: Lang, iso3: string, year: number, revision?: number) =>
    `/${lang}/statistics/reports/${encodeURIComponent(iso3)}/${year}${query({ revision })}`,
};
