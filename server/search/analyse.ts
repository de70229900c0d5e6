import { createRequire } from 'node:module';
import type { Lang } from '../../shared/lang.js';

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(algorithm: string): Stemmer };

const ALGORITHM: Record<Lang, string> = { en: 'english', es: 'spanish', fr: 'french', pt: 'portuguese' };
const stemmers = new Map<Lang, Stemmer>();
function stemmerFor(lang: Lang): Stemmer {
  let stemmer = stemmers.get(lang);
  if (!stemmer) stemmers.set(lang, (stemmer = snowball.newStemmer(ALGORITHM[lang])));
  return stemmer;
}

/** Lower case without diacritics: "Explotación" → "explotacion", "ENFANTS" → "enfants". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Longest word kept: beyond it a "word" is a hash, a URL or a base64 blob, never something searched for. */
const MAX_WORD = 40;

/** Words as a reader would see them: letters and digits, apostrophes split ("l'exploitation"). */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length <= MAX_WORD);
}

/**
 * The index terms for one word. Snowball stems need the accents ("explotación" → "explot"), but
 * readers often type without them ("explotacion", which Spanish Snowball leaves whole): a word
 * gives both the folded stem of the word as written and the stem of its folded form. A query
 * word matches a text word when any of their terms agree.
 */
export function termsOf(word: string, lang: Lang): string[] {
  const stemmer = stemmerFor(lang);
  const a = fold(stemmer.stem(word));
  const b = stemmer.stem(fold(word));
  return a === b ? [a] : [a, b];
}

/** Text as stored in the index: every word's terms, space separated. */
export function analyse(text: string, lang: Lang): string {
  return words(text)
    .flatMap((w) => termsOf(w, lang))
    .join(' ');
}

/** A query as alternatives per word: every word must match one of its terms. */
export function analyseQuery(query: string, lang: Lang): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const word of words(query).slice(0, 16)) {
    const terms = termsOf(word, lang);
    const key = terms.join('|');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(terms);
    }
  }
  return out;
}
