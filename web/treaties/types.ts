import type { Lang } from '../../shared/lang.js';
import type {
  Instrument,
  MemberStateProfile,
  StateStatus,
  TreatyAction,
  TreatyStatus,
  TreatyStatusReport,
  TreatyTimeline,
} from '../../shared/schemas/treaties.js';

export type {
  Instrument,
  MemberStateProfile,
  StateStatus,
  TreatyAction,
  TreatyStatus,
  TreatyStatusReport,
  TreatyTimeline,
};

/** Legend and table order: the strongest commitment first. */
export const STATUS_ORDER: TreatyStatus[] = ['party', 'uncertain', 'signatory', 'none'];
export const DEFAULT_INSTRUMENT = 'tip-protocol';
/** The slider starts here (or at the instrument's adoption, if later). */
export const SLIDER_START = '2000-01-01';

const enc = encodeURIComponent;
export const treatyUrl = {
  instruments: (lang: Lang) => `/api/treaties?lang=${lang}`,
  status: (code: string, asOf: string, lang: Lang) => `/api/treaties/${enc(code)}/status?asOf=${asOf}&lang=${lang}`,
  timeline: (code: string) => `/api/treaties/${enc(code)}/timeline`,
  profile: (iso3: string, lang: Lang) => `/api/member-states/${enc(iso3)}/profile?lang=${lang}`,
};
export const treatyPage = {
  overview: (lang: Lang) => `/${lang}/treaties`,
  country: (lang: Lang, iso3: string) => `/${lang}/countries/${iso3}`,
};

/** Days since 1970-01-01 for a YYYY-MM-DD, and back: the slider moves by whole days. */
export const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
export const dayFromNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
export const todayUtc = () => new Date().toISOString().slice(0, 10);
export const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && dayFromNumber(dayNumber(s)) === s;
