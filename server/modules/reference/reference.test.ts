import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberState, Organization } from '../../../shared/schemas/reference.js';
import { seedReference } from '../../db/seed/seed.js';
import { buildTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.database.db);
});
afterAll(async () => t.close());

describe('reference data', () => {
  it('lists the 35 OAS member states, 34 of which took part in 2005, sorted in the reader’s language', async () => {
    const res = await t.app.inject({ url: '/api/member-states?lang=fr' });
    expect(res.statusCode).toBe(200);
    const states = res.json<{ items: MemberState[] }>().items;
    expect(states).toHaveLength(35);
    expect(states.filter((s) => s.participated2005)).toHaveLength(34);
    expect(states.find((s) => s.iso3 === 'CUB')?.participated2005).toBe(false);
    expect(states.find((s) => s.iso3 === 'USA')?.name).toBe('États-Unis');
    const names = states.map((s) => s.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    expect(new Set(states.map((s) => s.subregion))).toEqual(
      new Set(['north_america', 'central_america', 'caribbean', 'south_america']),
    );
    expect(states.find((s) => s.iso3 === 'JAM')?.groupings).toContain('CARICOM');
  });

  it('names each state in all four languages', async () => {
    for (const [lang, name] of [
      ['en', 'Brazil'],
      ['es', 'Brasil'],
      ['fr', 'Brésil'],
      ['pt', 'Brasil'],
    ] as const) {
      const states = (await t.app.inject({ url: `/api/member-states?lang=${lang}` })).json<{ items: MemberState[] }>();
      expect(states.items.find((s) => s.iso3 === 'BRA')?.name).toBe(name);
    }
  });

  it('lists the organisations the concept note names, with kind and acronym per language', async () => {
    const en = (await t.app.inject({ url: '/api/organizations?lang=en' })).json<{ items: Organization[] }>().items;
    const es = (await t.app.inject({ url: '/api/organizations?lang=es' })).json<{ items: Organization[] }>().items;
    const byId = (list: Organization[], id: string) => list.find((o) => o.id === id);
    expect(byId(en, 'iom')).toMatchObject({ kind: 'iom', acronym: 'IOM' });
    expect(byId(es, 'iom')?.acronym).toBe('OIM');
    expect(byId(en, 'iachr')).toMatchObject({ kind: 'oas_organ', acronym: 'IACHR' });
    expect(byId(es, 'iachr')?.acronym).toBe('CIDH');
    for (const id of [
      'cim',
      'cicte',
      'cicad',
      'iin',
      'idb',
      'eclac',
      'paho',
      'ilo',
      'ohchr',
      'unfpa',
      'unicef',
      'unifem',
      'sela',
    ]) {
      expect(byId(en, id), id).toBeDefined();
    }
    const kinds = new Set(en.map((o) => o.kind));
    for (const kind of ['oas_organ', 'iom', 'un_agency', 'partner_institution', 'government_body']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('seeding again changes nothing and duplicates nothing', async () => {
    await seedReference(t.database.db);
    const res = await t.app.inject({ url: '/api/member-states?lang=en' });
    expect(res.json<{ items: MemberState[] }>().items).toHaveLength(35);
  });
});
