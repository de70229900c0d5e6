/**
 * Fails when the four catalogues disagree: a key missing in any language, an empty or
 * unparsable ICU message, placeholders that differ from English, or a message id used in the
 * code that no catalogue defines. Translations are written, never guessed at runtime.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LANGS } from '../shared/lang.js';

const root = new URL('..', import.meta.url).pathname;
const problems: string[] = [];

function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string') out.add(el.value);
    if ('options' in el) for (const opt of Object.values(el.options)) placeholders(opt.value, out);
    if (el.type === TYPE.tag) placeholders(el.children, out);
  }
  return out;
}

const catalogues = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    JSON.parse(readFileSync(join(root, `locales/${lang}.json`), 'utf8')) as Record<string, string>,
  ]),
);
const english = catalogues.en ?? {};
const allKeys = new Set(LANGS.flatMap((l) => Object.keys(catalogues[l] ?? {})));

for (const key of allKeys) {
  let reference: Set<string> | null = null;
  for (const lang of LANGS) {
    const msg = catalogues[lang]?.[key];
    if (msg === undefined) {
      problems.push(`${lang}: missing "${key}"`);
      continue;
    }
    if (msg.trim() === '') problems.push(`${lang}: empty "${key}"`);
    try {
      const names = placeholders(parse(msg));
      if (lang === 'en') reference = names;
      else if (english[key] !== undefined) {
        const en = reference ?? placeholders(parse(english[key]));
        const diff = [...new Set([...en, ...names])].filter((n) => en.has(n) !== names.has(n));
        if (diff.length) problems.push(`${lang}: "${key}" placeholders differ from English: ${diff.join(', ')}`);
      }
    } catch (err) {
      problems.push(`${lang}: "${key}" is not valid ICU: ${(err as Error).message}`);
    }
  }
}

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx)$/.test(entry) && !/\.test\.ts$/.test(entry)) yield path;
  }
}

const USE = /(?:\bid\s*[:=]\s*\{?\s*|formatMessage\(\s*\{\s*id:\s*)['"]([a-z][\w-]*(?:\.[\w-]+)+)['"]/g;
for (const dir of ['web', 'server']) {
  for (const file of sources(join(root, dir))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(USE)) {
      const key = m[1] ?? '';
      if (!(key in english)) problems.push(`${file.slice(root.length)}: uses unknown message "${key}"`);
    }
  }
}

if (problems.length) {
  console.error(`Locale check failed (${problems.length}):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Locales OK: ${allKeys.size} messages in ${LANGS.join(', ')}.`);
