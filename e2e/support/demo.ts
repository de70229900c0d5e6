import { readFileSync } from 'node:fs';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { LANGS, LANG_NAMES, type Lang } from '../../shared/lang.js';

/**
 * What the journeys expect, read from the demo meeting's seed file and the UI catalogues rather
 * than copied into the tests: when the data or a translation changes, the tests follow.
 */

export { LANGS, LANG_NAMES, type Lang };

export interface SeedText {
  original: Lang;
  text: Partial<Record<Lang, string>>;
  /** Translations that are official too (a film's title is the same everywhere); by default only the original is. */
  official?: Lang[];
}

export interface SeedItem {
  key: string;
  number: number;
  kind: string;
  title: SeedText;
  startTime?: string;
  alternatives?: SeedText[];
}

export interface SeedBlock {
  period: 'morning' | 'afternoon' | 'evening';
  theme?: SeedText;
  startTime?: string;
  items: SeedItem[];
}

export interface SeedDay {
  date: string;
  blocks: SeedBlock[];
}

interface SeedMeeting {
  slug: string;
  title: SeedText;
  timeZone: string;
  defaultSessionHours: Partial<Record<SeedBlock['period'], { start: string; end: string }>>;
  agenda: { title: SeedText; label?: SeedText; days: SeedDay[] };
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

export const demo = readJson('../../server/db/seed/data/meeting-oas-iom-tip-2005.json') as SeedMeeting;

export const paths = {
  meetings: (lang: Lang) => `/${lang}`,
  meeting: (lang: Lang) => `/${lang}/meetings/${demo.slug}`,
  agenda: (lang: Lang) => `/${lang}/meetings/${demo.slug}/agenda`,
};

/** A seed text in `lang`; the demo data has every text in all four languages. */
export function textIn(value: SeedText, lang: Lang): string {
  const text = value.text[lang];
  if (text === undefined) throw new Error(`demo data: no ${lang} text for "${JSON.stringify(value.text)}"`);
  return text;
}

/**
 * The page shows "Unofficial translation" for a text read in any language but its original,
 * unless the seed lists that translation as official.
 */
export const isUnofficial = (value: SeedText, lang: Lang): boolean =>
  value.original !== lang && !(value.official ?? []).includes(lang);

export const allItems = (day: SeedDay): SeedItem[] => day.blocks.flatMap((block) => block.items);

const cache = createIntlCache();
const intls = new Map<Lang, IntlShape>();

function intlFor(lang: Lang): IntlShape {
  let intl = intls.get(lang);
  if (!intl) {
    const messages = readJson(`../../locales/${lang}.json`) as Record<string, string>;
    intl = createIntl(
      {
        locale: lang,
        messages,
        onError: (err) => {
          throw err;
        },
      },
      cache,
    );
    intls.set(lang, intl);
  }
  return intl;
}

/** An interface string as the web app renders it, from locales/{lang}.json. */
export function t(lang: Lang, id: string, values?: Record<string, string | number>): string {
  return intlFor(lang).formatMessage({ id }, values);
}

/**
 * "mercredi 6 avril 2005": the day heading. Formatted by Node's ICU, independently of the page,
 * with the calendar date pinned to UTC as the app does.
 */
export function dayHeading(lang: Lang, isoDate: string): string {
  return new Intl.DateTimeFormat(lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Whitespace as a reader perceives it: no-break spaces and line breaks are plain spaces. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
