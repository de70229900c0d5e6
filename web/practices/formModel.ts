import { LANGS, type Lang } from '../../shared/lang.js';
import { TEXT_FIELDS, type PracticeInput, type PracticeTextField, type TextSource } from './types.js';

export interface LangVersion {
  on: boolean;
  source: TextSource;
  text: Record<PracticeTextField, string>;
}

/** A place that is not a member state: its name in each language ('' where not given). */
export type PlaceNames = Record<Lang, string>;
/** A meeting where the practice was presented, and the agenda item's key ('' for none). */
export interface PresentedAtRow {
  meeting: string;
  agendaItem: string;
}

/** As many other places and presentations as the API takes (PracticeInputSchema's maxItems). */
export const MAX_ROWS = 20;
/** The longest name of a place the API takes. */
export const PLACE_MAX = 120;

export const blankPlace = (): PlaceNames => ({ en: '', es: '', fr: '', pt: '' });

export interface PracticeFormState {
  original: Lang;
  versions: Record<Lang, LangVersion>;
  themes: string[];
  targetGroups: string[];
  exploitationForms: string[];
  countries: string[];
  otherPlaces: PlaceNames[];
  presentedAt: PresentedAtRow[];
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
    otherPlaces: [],
    presentedAt: [],
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
    otherPlaces: (data.otherPlaces ?? []).map((p) => ({ ...blankPlace(), ...p })),
    presentedAt: (data.presentedAt ?? []).map((p) => ({ meeting: p.meeting, agendaItem: p.agendaItem ?? '' })),
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
 * A place keeps the names it has words for (none: it is left out); a presentation needs its
 * meeting. What the form does not edit (the source) is kept from `base`.
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
    otherPlaces: form.otherPlaces
      .map((p) => Object.fromEntries(LANGS.flatMap((l) => (p[l].trim() ? [[l, p[l].trim()]] : []))))
      .filter((p) => Object.keys(p).length > 0),
    presentedAt: form.presentedAt
      .filter((p) => p.meeting)
      .map((p) => ({ meeting: p.meeting, agendaItem: p.agendaItem || null })),
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
  place: (i: number, lang: Lang) => `pf-place-${i}-${lang}`,
  placeAdd: 'pf-place-add',
  presentedMeeting: (i: number) => `pf-presented-${i}-meeting`,
  presentedItem: (i: number) => `pf-presented-${i}-item`,
  presentedAdd: 'pf-presented-add',
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
  // A problem with a whole list lands on its first entry, or on its add button when it is empty.
  out[`${prefix}/otherPlaces`] = form.otherPlaces.length > 0 ? fieldId.place(0, LANGS[0]) : fieldId.placeAdd;
  form.otherPlaces.forEach((_, i) => {
    out[`${prefix}/otherPlaces/${i}`] = fieldId.place(i, LANGS[0]);
    for (const l of LANGS) out[`${prefix}/otherPlaces/${i}/${l}`] = fieldId.place(i, l);
  });
  out[`${prefix}/presentedAt`] = form.presentedAt.length > 0 ? fieldId.presentedMeeting(0) : fieldId.presentedAdd;
  form.presentedAt.forEach((_, i) => {
    out[`${prefix}/presentedAt/${i}`] = fieldId.presentedMeeting(i);
    out[`${prefix}/presentedAt/${i}/agendaItem`] = fieldId.presentedItem(i);
  });
  out['/memberState'] = fieldId.owner;
  out['/organizationId'] = fieldId.owner;
  return out;
}
