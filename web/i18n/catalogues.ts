import { useEffect, useState } from 'react';
import { LANGS, type Lang } from '../../shared/lang.js';

export type Messages = Record<string, string>;

// One chunk per language: a reader downloads only the catalogue of the page they read.
const loaders: Record<Lang, () => Promise<{ default: Messages }>> = {
  en: () => import('../../locales/en.json'),
  es: () => import('../../locales/es.json'),
  fr: () => import('../../locales/fr.json'),
  pt: () => import('../../locales/pt.json'),
};

const loaded = new Map<Lang, Messages>();
const inFlight = new Map<Lang, Promise<Messages>>();

export function loadMessages(lang: Lang): Promise<Messages> {
  const done = loaded.get(lang);
  if (done) return Promise.resolve(done);
  let promise = inFlight.get(lang);
  if (!promise) {
    promise = loaders[lang]().then(
      (mod) => {
        loaded.set(lang, mod.default);
        inFlight.delete(lang);
        return mod.default;
      },
      (err: unknown) => {
        inFlight.delete(lang);
        throw err;
      },
    );
    inFlight.set(lang, promise);
  }
  return promise;
}

// After the first page is up, fetch the other catalogues so the language switcher answers at once.
function prefetchOthers(current: Lang): void {
  for (const lang of LANGS) if (lang !== current) loadMessages(lang).catch(() => undefined);
}

export type CatalogueState = { status: 'ready'; messages: Messages } | { status: 'loading' } | { status: 'failed' };

export function useMessages(lang: Lang): CatalogueState {
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState<Lang | null>(null);
  const messages = loaded.get(lang);

  useEffect(() => {
    if (loaded.has(lang)) return;
    let live = true;
    loadMessages(lang).then(
      () => {
        if (!live) return;
        setVersion((n) => n + 1);
        prefetchOthers(lang);
      },
      () => {
        if (live) setFailed(lang);
      },
    );
    return () => {
      live = false;
    };
  }, [lang]);

  if (messages) return { status: 'ready', messages };
  return failed === lang ? { status: 'failed' } : { status: 'loading' };
}
