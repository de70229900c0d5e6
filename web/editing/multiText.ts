import { LANGS, type Lang } from '../../shared/lang.js';
import type { MultiTextInput } from '../../shared/schemas/editing.js';

export const emptyText = (original: Lang): MultiTextInput => ({ original, values: {} });

export function textOf(value: MultiTextInput, lang: Lang): string {
  return value.values[lang]?.text ?? '';
}

/** Every version empty: the text does not exist (a nullable field is then sent as null). */
export function isBlank(value: MultiTextInput | null): boolean {
  return value === null || LANGS.every((l) => textOf(value, l).trim() === '');
}

/** What is sent: empty versions dropped (the server would drop them too). */
export function cleanText(value: MultiTextInput): MultiTextInput {
  const values: MultiTextInput['values'] = {};
  for (const lang of LANGS) {
    const v = value.values[lang];
    if (v && v.text.trim() !== '') values[lang] = { text: v.text, official: v.official };
  }
  return { original: value.original, values };
}

/** The version to show in `lang`, else the original: for headings and summaries in the editor. */
export function preview(value: MultiTextInput, lang: Lang): { text: string; lang: Lang } {
  const own = textOf(value, lang);
  if (own.trim() !== '') return { text: own, lang };
  return { text: textOf(value, value.original), lang: value.original };
}

/** Control ids of a text's editor: one per language, plus the original-language select. */
export const textFieldId = (base: string, lang: Lang) => `${base}-${lang}`;
export const originalFieldId = (base: string) => `${base}-original`;

/** JSON pointers of a text in a request body, mapped to the controls of its editor. */
export function textPointers(pointer: string, base: string, value: MultiTextInput): Record<string, string> {
  const out: Record<string, string> = {
    [pointer]: textFieldId(base, value.original),
    [`${pointer}/original`]: originalFieldId(base),
  };
  for (const lang of LANGS) out[`${pointer}/values/${lang}`] = textFieldId(base, lang);
  return out;
}
