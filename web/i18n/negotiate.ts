import { isLang, type Lang } from '../../shared/lang.js';

export const DEFAULT_LANG: Lang = 'en';

/**
 * First language in preference order whose primary subtag we publish ("pt-BR" → pt), else English.
 * The server redirects `/` from Accept-Language by the same rule (highest q first), so a
 * browser lands on the same language with or without JavaScript.
 */
export function bestLang(preferences: readonly string[]): Lang {
  for (const tag of preferences) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLang(primary)) return primary;
  }
  return DEFAULT_LANG;
}

export function browserLang(): Lang {
  const prefs = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return bestLang(prefs);
}
