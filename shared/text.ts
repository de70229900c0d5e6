import { LANGS, type Lang } from './lang.js';
import type { LocalizedText } from './schemas/text.js';

/** A content text as stored: its original language and a version per language. */
export interface MultiText {
  original: Lang;
  values: Partial<Record<Lang, { text: string; official: boolean }>>;
}

/**
 * Picks the version for `lang`, else the original, and says which one it is so a reader is
 * never shown a translation (or a fallback) without knowing it.
 */
export function localize(value: MultiText, lang: Lang): LocalizedText {
  const wanted = value.values[lang];
  if (wanted && wanted.text !== '') {
    return { text: wanted.text, lang, original: lang === value.original, official: wanted.official, fallback: false };
  }
  const original = value.values[value.original];
  if (original) {
    return { text: original.text, lang: value.original, original: true, official: original.official, fallback: true };
  }
  // Defensive: a text whose original is missing still shows whatever version exists.
  for (const l of LANGS) {
    const v = value.values[l];
    if (v) return { text: v.text, lang: l, original: false, official: v.official, fallback: true };
  }
  return { text: '', lang: value.original, original: true, official: false, fallback: true };
}

export function isMultiText(value: unknown): value is MultiText {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<MultiText>;
  return typeof v.original === 'string' && typeof v.values === 'object' && v.values !== null;
}
