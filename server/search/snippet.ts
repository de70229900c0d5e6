import type { Lang } from '../../shared/lang.js';
import { analyseQuery, termsOf } from './analyse.js';

export interface Segment {
  text: string;
  match: boolean;
}

const BEFORE = 10;
const AFTER = 24;

/**
 * A short passage of `text` around the first word that matches the query (in `lang`), as
 * segments with the matched words flagged; null when nothing matches. Segments, not HTML: the
 * page renders them, so nothing from the text is ever interpreted as markup.
 */
export function snippet(text: string, lang: Lang, query: string): Segment[] | null {
  const wanted = new Set(analyseQuery(query, lang).flat());
  if (wanted.size === 0) return null;
  // Stemming is the cost here: stem word by word only up to the first match (a list's texts are
  // long and the match is usually early), and each distinct word once.
  const matches = new Map<string, boolean>();
  const isMatch = (word: string) => {
    const lower = word.toLowerCase();
    let match = matches.get(lower);
    if (match === undefined) matches.set(lower, (match = termsOf(lower, lang).some((t) => wanted.has(t))));
    return match;
  };
  const words: { start: number; end: number; text: string }[] = [];
  let first = -1;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    words.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (first < 0 && isMatch(m[0])) first = words.length - 1;
    if (first >= 0 && words.length > first + AFTER + 1) break;
  }
  if (first < 0) return null;
  const from = Math.max(0, first - BEFORE);
  const to = Math.min(words.length - 1, first + AFTER);
  const more = words.length > to + 1;
  const segments: Segment[] = [];
  const push = (value: string, match: boolean) => {
    if (!value) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += value;
    else segments.push({ text: value, match });
  };
  if (from > 0) push('… ', false);
  let cursor = words[from]?.start ?? 0;
  for (let i = from; i <= to; i++) {
    const w = words[i];
    if (!w) break;
    push(text.slice(cursor, w.start), false);
    push(w.text, isMatch(w.text));
    cursor = w.end;
  }
  if (more) push(' …', false);
  return segments;
}
