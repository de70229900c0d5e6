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
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    match: termsOf(m[0].toLowerCase(), lang).some((t) => wanted.has(t)),
  }));
  const first = words.findIndex((w) => w.match);
  if (first < 0) return null;
  const from = Math.max(0, first - BEFORE);
  const to = Math.min(words.length - 1, first + AFTER);
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
    push(text.slice(w.start, w.end), w.match);
    cursor = w.end;
  }
  if (to < words.length - 1) push(' …', false);
  return segments;
}
