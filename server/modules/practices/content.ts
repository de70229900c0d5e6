import { LANGS, type Lang } from '../../../shared/lang.js';
import {
  TEXT_FIELDS,
  type PracticeInput,
  type PracticeTextValue,
  type TextField,
} from '../../../shared/schemas/practices.js';
import { Issues } from '../editing/validation.js';

/** Text as stored: NFC, trimmed, empty language versions dropped. */
function cleanText(value: PracticeTextValue | undefined): PracticeTextValue | undefined {
  if (!value) return undefined;
  const values: PracticeTextValue['values'] = {};
  for (const lang of LANGS) {
    const v = value.values[lang];
    const text = v?.text.normalize('NFC').trim();
    if (v && text) values[lang] = { text, source: v.source };
  }
  return { original: value.original, values };
}

/**
 * Checks what a schema cannot: the original language has text in the required fields, places
 * and organisations exist, the period is in order. All problems at once, each with its path.
 */
export function normalisePractice(
  input: PracticeInput,
  known: {
    states: Set<string>;
    organizations: Set<string>;
    meetings: Set<string>;
    /** Per meeting slug, the keys of the items of its published agenda versions. */
    agendaItems: Map<string, Set<string>>;
  },
  /** Where the practice sits in the request body, so each problem's path points into it. */
  at = 'body',
): PracticeInput {
  const issues = new Issues();
  const data: PracticeInput = { ...input };
  for (const field of TEXT_FIELDS) {
    const cleaned = cleanText(input[field]);
    if (cleaned) data[field] = cleaned;
    const required = field === 'title' || field === 'summary' || field === 'description';
    if (cleaned && !cleaned.values[cleaned.original] && (required || Object.keys(cleaned.values).length > 0)) {
      issues.add(`${at}/${field}`, `needs text in its original language (${cleaned.original})`, 'original_missing');
    }
  }
  if (data.title.original !== data.summary.original || data.title.original !== data.description.original) {
    issues.add(`${at}/summary`, 'title, summary and description must share their original language', 'mixed_original');
  }
  (data.countries ?? []).forEach((c, i) => {
    if (!known.states.has(c)) issues.add(`${at}/countries/${i}`, `"${c}" is not a member state`, 'unknown_state');
  });
  for (const key of ['implementers', 'partners', 'funders'] as const) {
    (data[key] ?? []).forEach((o, i) => {
      if (!known.organizations.has(o))
        issues.add(`${at}/${key}/${i}`, `"${o}" is not a known organisation`, 'unknown_organization');
    });
  }
  (data.presentedAt ?? []).forEach((p, i) => {
    if (!known.meetings.has(p.meeting))
      issues.add(`${at}/presentedAt/${i}/meeting`, `no meeting "${p.meeting}"`, 'unknown_meeting');
    // An item is named by its stable key (as documents do), and must be one the public can see.
    else if (p.agendaItem && !known.agendaItems.get(p.meeting)?.has(p.agendaItem))
      issues.add(
        `${at}/presentedAt/${i}/agendaItem`,
        `no item "${p.agendaItem}" in the published agenda of "${p.meeting}"`,
        'unknown_agenda_item',
      );
  });
  if (data.periodStart && data.periodEnd && data.periodEnd < data.periodStart) {
    issues.add(`${at}/periodEnd`, 'ends before it starts', 'period_order');
  }
  if (data.contact !== undefined && data.contact !== null) data.contact = data.contact.normalize('NFC').trim() || null;
  issues.throwIfAny();
  return data;
}

export interface LocalizedPracticeText {
  text: string;
  lang: Lang;
  original: boolean;
  source: 'submitter' | 'secretariat' | 'unofficial';
  fallback: boolean;
}

/** A field read in `lang`, else in its original language, saying which it is. */
export function readField(data: PracticeInput, field: TextField, lang: Lang): LocalizedPracticeText {
  const value = data[field];
  if (!value) return { text: '', lang, original: true, source: 'submitter', fallback: false };
  const wanted = value.values[lang];
  if (wanted)
    return { text: wanted.text, lang, original: lang === value.original, source: wanted.source, fallback: false };
  const original = value.values[value.original];
  return {
    text: original?.text ?? '',
    lang: value.original,
    original: true,
    source: original?.source ?? 'submitter',
    fallback: true,
  };
}

/** The languages a practice can be read in, and its searchable text in each. */
export function searchTexts(data: PracticeInput): Partial<Record<Lang, { title: string; body: string }>> {
  const out: Partial<Record<Lang, { title: string; body: string }>> = {};
  for (const lang of LANGS) {
    if (!data.title.values[lang] && !data.summary.values[lang] && !data.description.values[lang]) continue;
    const body = (['summary', 'description', 'results', 'lessons'] as const)
      .map((f) => data[f]?.values[lang]?.text ?? '')
      .join('\n');
    out[lang] = { title: data.title.values[lang]?.text ?? '', body };
  }
  return out;
}
