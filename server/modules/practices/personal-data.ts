import { LANGS } from '../../../shared/lang.js';
import { TEXT_FIELDS, type PersonalDataWarning, type PracticeInput } from '../../../shared/schemas/practices.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Seven digits or more, with the separators people type; a range of years ("1999-2004") is not a phone.
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}\b/g;
const isPhone = (match: string) => match.replace(/\D/g, '').length >= 7 && !/^\d{4}\s*[-–]\s*\d{4}$/.test(match);
const DATE = String.raw`\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:er)?\s+(?:de\s+)?\p{L}+\s+(?:de\s+)?\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4}`;
const BIRTH = new RegExp(
  String.raw`\b(?:born(?:\s+on)?|date\s+of\s+birth|d\.?o\.?b\.?|né(?:e)?\s+le|date\s+de\s+naissance|nacid[oa]\s+el|fecha\s+de\s+nacimiento|nascid[oa]\s+em|data\s+de\s+nascimento)\s*:?\s*(?:${DATE})`,
  'giu',
);
// A victim word followed by what looks like a person's name (two capitalised words, or "named X").
const VICTIM = new RegExp(
  String.raw`\b(?:victim|survivor|victime|survivante?|víctima|sobreviviente|vítima|sobrevivente)s?\b[,:]?\s+(?:(?:named|called|nommée?|appelée?|llamad[oa]|de\s+nombre|chamad[oa]|de\s+nome)\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+`,
  'gu',
);
const NAMED = new RegExp(String.raw`\b(?:named|nommée?|llamad[oa]|chamad[oa])\s+\p{Lu}\p{Ll}+`, 'gu');

const excerpt = (text: string, index: number, length: number) => {
  const start = Math.max(0, index - 30);
  const end = Math.min(text.length, index + length + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
};

/**
 * What in a practice looks like it identifies a person: e-mail addresses, phone numbers, dates
 * of birth, a victim named. Heuristics, on purpose generous: the secretariat is warned before
 * publishing and decides; protecting victims' identity is a duty of the Protocol (art. 6).
 * The contact point is meant to hold contacts and is not checked.
 */
export function personalDataWarnings(data: PracticeInput): PersonalDataWarning[] {
  const warnings: PersonalDataWarning[] = [];
  for (const field of TEXT_FIELDS) {
    for (const lang of LANGS) {
      const text = data[field]?.values[lang]?.text;
      if (!text) continue;
      const scan = (pattern: RegExp, kind: PersonalDataWarning['kind']) => {
        for (const m of text.matchAll(pattern)) {
          if (kind === 'phone' && !isPhone(m[0])) continue;
          warnings.push({ field, lang, kind, excerpt: excerpt(text, m.index, m[0].length) });
        }
      };
      scan(EMAIL, 'email');
      scan(PHONE, 'phone');
      scan(BIRTH, 'birth_date');
      scan(VICTIM, 'victim_name');
      scan(NAMED, 'victim_name');
    }
  }
  return warnings;
}
