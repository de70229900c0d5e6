import type { Lang } from '../../shared/lang.js';

/**
 * Where to go after signing in: `next` only when it is a path on this site ("/…", not "//host"
 * or "/\host", which browsers read as another origin), else the home page of `lang`.
 */
export function safeNext(next: string | null, lang: Lang, origin: string = window.location.origin): string {
  const home = `/${lang}`;
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return home;
  // Control characters and backslashes have no place in our paths and are how parsers get fooled.
  if ([...next].some((c) => c === '\\' || c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) return home;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return home;
  }
  if (url.origin !== origin) return home;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never back to the sign-in page itself.
  if (/^\/[a-z]{2}\/sign-in(?:[/?#]|$)/.test(path)) return home;
  return path;
}

/** The sign-in page with a way back to `here`. */
export function signInPath(lang: Lang, here: string): string {
  return `/${lang}/sign-in?next=${encodeURIComponent(here)}`;
}
