import { LANGS, isLang, type Lang } from '../../shared/lang.js';
import { AppError } from './errors.js';

/** Best supported language from an Accept-Language header (q-values respected), else English. */
export function negotiateLang(header: string | undefined, fallback: Lang = 'en'): Lang {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.trim().toLowerCase().split('-')[0] ?? '',
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const t of ranked) if (isLang(t.base)) return t.base;
  return fallback;
}

/** `?lang=` when given (and supported), else the browser's language. */
export function requestLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === undefined) return negotiateLang(acceptLanguage);
  if (isLang(query)) return query;
  throw new AppError('unsupported_language', `Language "${query}" is not supported; use one of ${LANGS.join(', ')}.`, {
    supported: [...LANGS],
  });
}
