import { LANGS, type Lang } from '../../../shared/lang.js';
import type { Breakdowns, Indicator } from '../../../shared/schemas/statistics.js';

export type Texts = Record<Lang, string>;
export const TEXT_KINDS = ['name', 'definition', 'methodology'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

/** An indicator with its texts in all four languages, as the forms edit it. */
export interface FullIndicator {
  code: string;
  unit: string;
  breakdowns: Breakdowns;
  additive: boolean;
  name: Texts;
  definition: Texts;
  methodology: Texts;
}

/** What a form holds: breakdowns as text, one dimension a line ("sex: female, male"). */
export interface Draft {
  code: string;
  unit: string;
  breakdowns: string;
  additive: boolean;
  name: Texts;
  definition: Texts;
  methodology: Texts;
}

const emptyTexts = (): Texts => ({ en: '', es: '', fr: '', pt: '' });

export const emptyDraft = (): Draft => ({
  code: '',
  unit: 'persons',
  breakdowns: '',
  additive: true,
  name: emptyTexts(),
  definition: emptyTexts(),
  methodology: emptyTexts(),
});

export const breakdownsText = (b: Breakdowns): string =>
  Object.entries(b)
    .map(([d, cats]) => `${d}: ${cats.join(', ')}`)
    .join('\n');

export const draftOf = (i: FullIndicator): Draft => ({ ...i, breakdowns: breakdownsText(i.breakdowns) });

/** "sex: female, male" lines → {"sex": ["female", "male"]}; the server checks the words. */
export function parseBreakdowns(text: string): Breakdowns {
  const out: Breakdowns = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [dimension = '', rest = ''] = line.split(':');
    out[dimension.trim()] = rest
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
  }
  return out;
}

/** The request body of POST (with the code) or PATCH (without: the code names the indicator). */
export function bodyOf(draft: Draft, creating: boolean) {
  const body = {
    name: draft.name,
    definition: draft.definition,
    methodology: draft.methodology,
    unit: draft.unit.trim(),
    breakdowns: parseBreakdowns(draft.breakdowns),
    additive: draft.additive,
  };
  return creating ? { code: draft.code.trim(), ...body } : body;
}

export const fieldId = (field: string, lang?: Lang) => `indicator-${field}${lang ? `-${lang}` : ''}`;

/** JSON pointers of the request body → the controls that show their errors. */
export const FIELDS: Record<string, string> = {
  '/code': fieldId('code'),
  '/unit': fieldId('unit'),
  '/breakdowns': fieldId('breakdowns'),
  '/additive': fieldId('additive'),
  ...Object.fromEntries(TEXT_KINDS.flatMap((k) => LANGS.map((l) => [`/${k}/${l}`, fieldId(k, l)]))),
};

/** One list per language (the API answers in one) joined into indicators with all their texts. */
export function joinLanguages(lists: Record<Lang, Indicator[]>): FullIndicator[] {
  return lists.en.map((i) => {
    const texts = (kind: TextKind): Texts =>
      Object.fromEntries(LANGS.map((l) => [l, lists[l].find((x) => x.code === i.code)?.[kind] ?? ''])) as Texts;
    return {
      code: i.code,
      unit: i.unit,
      breakdowns: i.breakdowns,
      additive: i.additive,
      name: texts('name'),
      definition: texts('definition'),
      methodology: texts('methodology'),
    };
  });
}

export const indicatorsUrl = (lang: Lang) => `/api/statistics/indicators?lang=${lang}`;
export const indicatorUrl = (code: string) => `/api/statistics/indicators/${encodeURIComponent(code)}`;
export const GLOTIP_URL = '/api/statistics/glotip/import';
