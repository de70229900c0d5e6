import type { Lang } from '../../../shared/lang.js';
import type { Caller } from '../editing/actors.test-helper.js';
import { world, type World } from '../participation/participation.test-helper.js';

export { world, type World };

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export function api(w: World, caller: Caller | null, method: Method, url: string, body?: unknown) {
  return w.t.app.inject({
    method,
    url,
    headers: caller?.headers ?? {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

const text = (original: Lang, values: Partial<Record<Lang, string>>) => ({
  original,
  values: Object.fromEntries(
    Object.entries(values).map(([lang, t]) => [
      lang,
      { text: t, source: lang === original ? 'submitter' : 'unofficial' },
    ]),
  ),
});

/** A practice in Spanish with a French translation, or in any original with any texts. */
export function practiceData(
  more: Record<string, unknown> = {},
  texts: { original?: Lang; title?: Partial<Record<Lang, string>>; description?: Partial<Record<Lang, string>> } = {},
) {
  const original = texts.original ?? 'es';
  return {
    title: text(original, texts.title ?? { es: 'Red de casas de acogida', fr: 'Réseau de foyers d’accueil' }),
    summary: text(original, { [original]: 'Resumen.' }),
    description: text(
      original,
      texts.description ?? {
        es: 'Casas de acogida para víctimas de explotación laboral en zonas rurales.',
        fr: 'Des foyers d’accueil pour les victimes d’exploitation par le travail dans les zones rurales.',
      },
    ),
    themes: ['protection'],
    ...more,
  };
}

export async function createAs(w: World, caller: Caller, data = practiceData(), owner: Record<string, unknown> = {}) {
  const res = await api(w, caller, 'POST', '/api/practices?lang=en', { ...owner, data });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** Drafted by the caller, submitted, published by the secretariat. */
export async function published(w: World, caller: Caller, data = practiceData()) {
  const id = await createAs(w, caller, data);
  const submit = await api(w, caller, 'POST', `/api/practices/${id}/submission`, {});
  if (submit.statusCode !== 200) throw new Error(`submit: ${submit.statusCode} ${submit.body}`);
  const review = await api(w, w.secretariat, 'POST', `/api/practices/${id}/review`, { decision: 'publish' });
  if (review.statusCode !== 200) throw new Error(`publish: ${review.statusCode} ${review.body}`);
  return id;
}
