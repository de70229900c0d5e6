import { readFileSync } from 'node:fs';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { LANGS, type Lang } from '../shared/lang.js';

const cache = createIntlCache();

function load(lang: Lang): Record<string, string> {
  const url = new URL(`../locales/${lang}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
}

const intls = new Map<Lang, IntlShape<string>>(
  LANGS.map((lang) => [
    lang,
    createIntl({ locale: lang, defaultLocale: 'en', messages: load(lang), onError: failLoudly }, cache),
  ]),
);

// A missing or broken message is a bug the locale check should have caught: fail, don't print the key.
function failLoudly(err: Error): void {
  throw err;
}

/** The server-side ICU formatter for one language (documents, mail, problem details). */
export function intlFor(lang: Lang): IntlShape<string> {
  const intl = intls.get(lang);
  if (!intl) throw new Error(`no catalogue for ${lang}`);
  return intl;
}
