import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createAs, practiceData, published, world, type World } from './practices.test-helper.js';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => w.t.close());

interface Result {
  items: { id: string; title: { text: string; lang: string }; snippet: { text: string; match: boolean }[] | null }[];
  total: number;
  facets: Record<string, { value: string; count: number }[]>;
  nextCursor: string | null;
}
const find = async (query: string) => {
  const res = await api(w, null, 'GET', `/api/practices?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Result>();
};
const ids = async (query: string) => (await find(query)).items.map((i) => i.id);

describe('searching the library', () => {
  let shelters: string;
  let labour: string;
  let draft: string;
  beforeAll(async () => {
    shelters = await published(
      w,
      w.focalARG,
      practiceData(
        { themes: ['protection'], targetGroups: ['children'], countries: ['ARG'], periodStart: '2003' },
        {
          title: { es: 'Casas de acogida para niñas', fr: 'Foyers pour les filles', pt: 'Casas de acolhimento' },
          description: {
            es: 'Una red de refugios para niñas víctimas de explotación sexual.',
            fr: 'Un réseau de foyers pour les enfants victimes d’exploitation sexuelle.',
            pt: 'Uma rede de abrigos para crianças vítimas de exploração sexual.',
          },
        },
      ),
    );
    labour = await published(
      w,
      w.focalBRA,
      practiceData(
        {
          themes: ['prosecution', 'protection'],
          exploitationForms: ['labour'],
          countries: ['BRA'],
          periodStart: '2004',
        },
        {
          original: 'pt',
          title: { pt: 'Inspeção do trabalho escravo' },
          description: { pt: 'Grupos móveis de fiscalização resgatam trabalhadores em fazendas; abrigos temporários.' },
        },
      ),
    );
    draft = await createAs(w, w.focalARG, practiceData({}, { title: { es: 'Borrador secreto sobre refugios' } }));
  });

  it('finds by stem and without accents in each language', async () => {
    expect(await ids('q=explotacion&lang=es')).toContain(shelters);
    expect(await ids('q=enfant&lang=fr')).toContain(shelters);
    expect(await ids('q=exploracao%20sexual&lang=pt')).toContain(shelters);
    expect(await ids('q=trabalhador&lang=pt')).toContain(labour);
  });

  it('finds a practice through its translation: a French query finds the Spanish original’s French version', async () => {
    const result = await find('q=foyers%20filles&lang=fr');
    expect(result.items[0]?.id).toBe(shelters);
    expect(result.items[0]?.title).toMatchObject({ text: 'Foyers pour les filles', lang: 'fr' });
  });

  it('ranks a title match above a body match and gives a snippet with the words marked', async () => {
    const titled = await published(
      w,
      w.focalBRA,
      practiceData(
        {},
        { original: 'pt', title: { pt: 'Abrigos comunitários' }, description: { pt: 'Uma rede local de apoio.' } },
      ),
    );
    const result = await find('q=abrigos&lang=pt');
    expect(result.items[0]?.id).toBe(titled);
    expect(result.items.map((i) => i.id)).toEqual(expect.arrayContaining([shelters, labour]));
    const snippet = result.items.find((i) => i.id === labour)?.snippet ?? [];
    expect(snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('abrigos');
    expect(snippet.map((s) => s.text).join('')).toContain('abrigos temporários');
  });

  it('counts facets over the result, combines filters, and never shows drafts', async () => {
    const all = await find('q=refugios%20red&lang=es');
    expect(all.items.map((i) => i.id)).not.toContain(draft);
    const protection = await find('theme=protection&lang=en&limit=100');
    const themeCount = protection.facets.theme?.find((f) => f.value === 'protection')?.count;
    expect(themeCount).toBe(protection.total);
    // Years: one value per practice (when known), so they never add up to more than the total.
    const years = protection.facets.year?.reduce((n, f) => n + f.count, 0) ?? 0;
    expect(years).toBeLessThanOrEqual(protection.total);
    const both = await ids('theme=protection&country=BRA&lang=en');
    expect(both).toEqual([labour]);
    expect(await ids('theme=protection&country=BRA&form=sexual&lang=en')).toEqual([]);
    const facetCountries = (await find('lang=en&limit=100')).facets.country?.map((f) => f.value) ?? [];
    expect(facetCountries).toContain('ARG');
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let total: number;
    do {
      const page: Result = await find(`lang=en&sort=date&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      total = page.total;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const bad = await api(w, null, 'GET', '/api/practices?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ reason: 'invalid_cursor' });
  });

  it('finds the demo practices from the concept note in all four languages', async () => {
    for (const [lang, q] of [
      ['fr', 'Caraïbe'],
      ['en', 'Caribbean'],
      ['es', 'Caribe'],
      ['pt', 'Caribe'],
    ]) {
      const result = await find(`q=${encodeURIComponent(q ?? '')}&lang=${lang}`);
      expect(result.total, `${lang} ${q}`).toBeGreaterThan(0);
    }
    const caribbean = await find('subregion=caribbean&lang=en');
    expect(caribbean.total).toBeGreaterThan(0);
  });
});
