import type { Lang } from '../../../shared/lang.js';
import { SUBREGIONS, type MemberState } from '../../../shared/schemas/reference.js';
import type { Breakdown, DataPoint, Indicator, Scorecard } from '../../../shared/schemas/statistics.js';
import { query } from '../../api.js';

export type { Breakdown, DataPoint, Indicator, MemberState, Scorecard };

export interface DataResponse {
  data: DataPoint[];
  /** k of the deployment: published cells from 1 to k − 1 show as "<k". */
  minCell: number;
}

export interface AggregateCell {
  breakdown: Breakdown;
  value: number | null;
  suppressed: boolean;
  shownAs: string;
}

export interface AggregateResponse {
  indicator: string;
  year: number;
  region: string;
  states: string[];
  data: AggregateCell[];
}

/** The hemisphere first, then the subregions the aggregates route knows. */
export const REGIONS = ['hemisphere', ...SUBREGIONS] as const;
export type Region = (typeof REGIONS)[number];

export interface DataFilter {
  indicator?: string;
  state?: string;
  year?: number;
}

const enc = encodeURIComponent;

/** The public statistics API, in one place (exports take the same filters as the data). */
export const statsUrl = {
  indicators: (lang: Lang) => `/api/statistics/indicators?lang=${lang}`,
  data: (f: DataFilter, lang: Lang) => `/api/statistics/data${query({ ...f, lang })}`,
  download: (format: 'csv' | 'json', f: DataFilter) => `/api/statistics/data.${format}${query({ ...f })}`,
  aggregates: (indicator: string, year: number, region: Region) =>
    `/api/statistics/aggregates${query({ indicator, year, region })}`,
  scorecard: (iso3: string, year: number, lang: Lang) => `/api/statistics/scorecard/${enc(iso3)}/${year}?lang=${lang}`,
  memberStates: (lang: Lang) => `/api/member-states?lang=${lang}`,
};

export const statsPage = {
  index: (lang: Lang) => `/${lang}/statistics`,
  indicator: (lang: Lang, code: string) => `/${lang}/statistics/indicators/${enc(code)}`,
  state: (lang: Lang, iso3: string) => `/${lang}/statistics/states/${enc(iso3)}`,
  methodology: (lang: Lang) => `/${lang}/statistics/methodology`,
};
