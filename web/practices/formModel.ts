import { LANGS, type Lang } from '../../shared/lang.js';
import { TEXT_FIELDS, type PracticeInput, type PracticeTextField, type TextSource } from './types.js';

export interface LangVersion {
  on: boolean;
  source: TextSource;
  text: Record<PracticeTextField, string>;
}

export interface PracticeFormState {
  original: Lang;
  versions: Record<Lang, LangVersion>;
  themes: string[];
  targetGroups: string[];
  exploitationForms: string[];
  countries: string[];
  implementers: string[];
  partners: string[];
  funders: string[];
  periodStart: string;
  periodEnd: string;
  contact: string;
}

const blankText = () => Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<PracticeTextField, string>;

/** An empty form: the page's language as the original, translations by `translator` when added. */
export function emptyForm(lang: Lang, translator: TextSource): PracticeFormState {
  const versions = Object.fromEntries(
    LANGS.map((l) => [l, { on: l === lang, source: l === lang ? 'submitter' : translator, text: blankText() }]),
  ) as Record<Lang, LangVersion>;
  return {
    original: lang,
    versions,
    themes: [],
    targetGroups: [],
    exploitationForms: [],
    countries: [],
    implementers: [],
    partners: [],
    funders: [],
    periodStart: '',
    periodEnd: '',
    contact: '',
  };
}

/** The form of a saved practice: a language is "on" when any of its texts exists. */
export function formFromData(data: PracticeInput, translator: TextSource): PracticeFormState {
  const form = emptyForm(data.title.original, translator);
  for (const l of LANGS) {
    const v = form.versions[l];
    for (const f of TEXT_FIELDS) {
      const value = data[f]?.values[l];
      if (!value) continue;
      v.on = true;
      v.text[f] = value.text;
      v.source = value.source;
    }
  }
  return {
    ...form,
    themes: [...data.themes],
    targetGroups: [...(data.targetGroups ?? [])],
    exploitationForms: [...(data.exploitationForms ?? [])],
    countries: [...(data.countries ?? [])],
    implementers: [...(data.implementers ?? [])],
    partners: [...(data.partners ?? [])],
    funders: [...(data.funders ?? [])],
    periodStart: data.periodStart ?? '',
    periodEnd: data.periodEnd ?? '',
    contact: data.contact ?? '',
  };
}

/**
 * The body the API takes. A text field is sent when its original has words; each language
 * that is on and has words for it joins as a version marked with that language's source.
 * Fields the form does not edit (other places, meetings, source) are kept from `base`.
 */
export function toInput(form: PracticeFormState, base: Partial<PracticeInput> = {}): PracticeInput {
  const langs = LANGS.filter((l) => l === form.original || form.versions[l].on);
  const text = (f: PracticeTextField) => {
    if (!form.versions[form.original].text[f].trim()) return undefined;
    const values: PracticeInput['title']['values'] = {};
    for (const l of langs) {
      const t = form.versions[l].text[f].trim();
      if (t) values[l] = { text: t, source: form.versions[l].source };
    }
    return { original: form.original, values };
  };
  const empty = { original: form.original, values: {} };
  return {
    ...base,
    title: text('title') ?? empty,
    summary: text('summary') ?? empty,
    description: text('description') ?? empty,
    results: text('results'),
    lessons: text('lessons'),
    themes: form.themes as PracticeInput['themes'],
    targetGroups: form.targetGroups as PracticeInput['targetGroups'],
    exploitationForms: form.exploitationForms as PracticeInput['exploitationForms'],
    countries: form.countries,
    implementers: form.implementers,
    partners: form.partners,
    funders: form.funders,
    periodStart: form.periodStart.trim() || null,
    periodEnd: form.periodEnd.trim() || null,
    contact: form.contact.trim() || null,
  };
}

/** Control ids, shared by the form, its checks and the server's problems. */
export const fieldId = {
  original: 'pf-original',
  text: (lang: Lang, f: PracticeTextField) => `pf-${lang}-${f}`,
  source: (lang: Lang) => `pf-${lang}-source`,
  themes: 'pf-themes',
  targetGroups: 'pf-groups',
  exploitationForms: 'pf-forms',
  countries: 'pf-countries',
  implementers: 'pf-implementers',
  partners: 'pf-partners',
  funders: 'pf-funders',
  periodStart: 'pf-start',
  periodEnd: 'pf-end',
  contact: 'pf-contact',
  owner: 'pf-owner',
};

/** JSON pointers of the body (under `prefix`: "/data" when creating) to control ids. */
export function problemFields(form: PracticeFormState, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of TEXT_FIELDS) {
    out[`${prefix}/${f}`] = fieldId.text(form.original, f);
    for (const l of LANGS) out[`${prefix}/${f}/values/${l}`] = fieldId.text(l, f);
  }
  for (const key of [
    'themes',
    'targetGroups',
    'exploitationForms',
    'countries',
    'implementers',
    'partners',
    'funders',
    'periodStart',
    'periodEnd',
    'contact',
  ] as const) {
    out[`${prefix}/${key}`] = fieldId[key];
  }
  out['/memberState'] = fieldId.owner;
  out['/organizationId'] = fieldId.owner;
  return out;
}
