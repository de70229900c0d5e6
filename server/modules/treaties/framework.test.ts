import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../editing/actors.test-helper.js';
import { treatyWorld, type TreatyWorld } from './treaties.test-helper.js';

let w: TreatyWorld;
beforeAll(async () => {
  w = await treatyWorld();
});
afterAll(async () => w.t.close());

const law = (title: string) => ({
  kind: 'legislation',
  data: { title, criminalisesAllForms: true, date: '2008-04', source: 'Boletín Oficial' },
});
const authority = {
  kind: 'authority',
  data: {
    role: 'national_authority',
    name: 'Oficina de Rescate',
    email: 'rescate@example.org',
    phone: '+54 11 5300 4014',
    date: '2024',
    source: 'Ministerio de Justicia',
  },
};

function proposeFor(iso3: string, caller: Caller | null, payload: object) {
  return w.t.app.inject({
    method: 'POST',
    url: `/api/member-states/${iso3}/framework/proposals`,
    headers: caller?.headers ?? {},
    payload,
  });
}
const reviewAs = (caller: Caller, id: string, payload: object) =>
  w.t.app.inject({ method: 'POST', url: `/api/framework-proposals/${id}/review`, headers: caller.headers, payload });
const framework = async (iso3: string, caller: Caller | null = null) =>
  (await w.t.app.inject({ url: `/api/member-states/${iso3}/framework`, headers: caller?.headers ?? {} })).json<{
    legislation: {
      id: string;
      version: number;
      data: Record<string, unknown>;
      history: { version: number; data: Record<string, unknown> }[];
    }[];
    actionPlans: unknown[];
    authorities: { data: Record<string, unknown> }[] | null;
  }>();

describe('national framework', () => {
  it('a focal point proposes for their own state only', async () => {
    expect((await proposeFor('ARG', w.focalARG, law('Ley 26.364'))).statusCode).toBe(201);
    expect((await proposeFor('BRA', w.focalARG, law('Lei 13.344'))).statusCode).toBe(403);
    expect((await proposeFor('BRA', null, law('Lei 13.344'))).statusCode).toBe(401);
    const list = await w.t.app.inject({
      url: '/api/member-states/BRA/framework/proposals',
      headers: w.focalARG.headers,
    });
    expect(list.statusCode).toBe(403);
  });

  it('the public sees only what the secretariat accepted; contacts only signed in', async () => {
    const p = (await proposeFor('ARG', w.focalARG, law('Ley 26.842'))).json<{ id: string; status: string }>();
    expect(p.status).toBe('pending');
    const a = (await proposeFor('ARG', w.focalARG, authority)).json<{ id: string }>();
    expect((await framework('ARG')).legislation.map((l) => l.data.title)).not.toContain('Ley 26.842');
    // A focal point cannot publish their own proposal.
    expect((await reviewAs(w.focalARG, p.id, { decision: 'accept' })).statusCode).toBe(403);
    const accepted = await reviewAs(w.secretariat, p.id, { decision: 'accept' });
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect((await reviewAs(w.secretariat, p.id, { decision: 'reject' })).statusCode).toBe(409);
    await reviewAs(w.secretariat, a.id, { decision: 'accept' });
    const pub = await framework('ARG');
    expect(pub.legislation.map((l) => l.data.title)).toContain('Ley 26.842');
    expect(pub.authorities).toBeNull();
    const signedIn = await framework('ARG', w.focalARG);
    expect(signedIn.authorities?.[0]?.data).toMatchObject({ name: 'Oficina de Rescate', email: 'rescate@example.org' });
    const profile = (await w.t.app.inject({ url: '/api/member-states/ARG/profile' })).json<{
      nationalFramework: { authorities: unknown };
    }>();
    expect(profile.nationalFramework.authorities).toBeNull();
  });

  it('changes go through review too, and keep the earlier versions as history', async () => {
    const first = (await proposeFor('ARG', w.focalARG, law('Ley 26.364 (2008)'))).json<{ id: string }>();
    const entryId = (await reviewAs(w.secretariat, first.id, { decision: 'accept' })).json<{ entryId: string }>()
      .entryId;
    const change = await proposeFor('ARG', w.focalARG, {
      kind: 'legislation',
      entryId,
      data: {
        title: 'Ley 26.364, modificada por Ley 26.842',
        criminalisesAllForms: true,
        date: '2012-12-27',
        source: 'Boletín Oficial',
      },
    });
    expect(change.json()).toMatchObject({ operation: 'update', status: 'pending' });
    const before = (await framework('ARG')).legislation.find((l) => l.id === entryId);
    expect(before).toMatchObject({ version: 1, data: { title: 'Ley 26.364 (2008)' } });
    const rejected = await proposeFor('ARG', w.focalARG, {
      kind: 'legislation',
      entryId,
      data: { ...law('Wrong').data },
    });
    await reviewAs(w.secretariat, rejected.json<{ id: string }>().id, {
      decision: 'reject',
      note: 'No source for this',
    });
    await reviewAs(w.secretariat, change.json<{ id: string }>().id, { decision: 'accept' });
    const after = (await framework('ARG')).legislation.find((l) => l.id === entryId);
    expect(after).toMatchObject({ version: 2, data: { title: 'Ley 26.364, modificada por Ley 26.842' } });
    expect(after?.history).toEqual([
      expect.objectContaining({ version: 1, data: expect.objectContaining({ title: 'Ley 26.364 (2008)' }) }),
    ]);
    const removal = await proposeFor('ARG', w.focalARG, { entryId, remove: true });
    await reviewAs(w.secretariat, removal.json<{ id: string }>().id, { decision: 'accept' });
    expect((await framework('ARG')).legislation.find((l) => l.id === entryId)).toBeUndefined();
    const list = await w.t.app.inject({
      url: '/api/member-states/ARG/framework/proposals',
      headers: w.focalARG.headers,
    });
    const statuses = list
      .json<{ items: { entryId: string | null; status: string; reviewNote: string | null }[] }>()
      .items.filter((i) => i.entryId === entryId);
    expect(statuses.map((s) => s.status).sort()).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
    expect(statuses.find((s) => s.status === 'rejected')?.reviewNote).toBe('No source for this');
  });

  it('checks dates, periods, and that a changed entry belongs to the state', async () => {
    const plan = (more: object) => ({
      kind: 'action_plan',
      data: {
        title: 'Plan Nacional',
        status: 'adopted',
        periodStart: 2020,
        periodEnd: 2022,
        coordinatingBody: null,
        date: '2020',
        source: 'Decreto',
        ...more,
      },
    });
    expect((await proposeFor('ARG', w.focalARG, plan({}))).statusCode).toBe(201);
    expect((await proposeFor('ARG', w.focalARG, plan({ periodEnd: 2019 }))).json()).toMatchObject({
      code: 'validation_failed',
    });
    expect((await proposeFor('ARG', w.focalARG, plan({ date: '2999' }))).statusCode).toBe(400);
    expect((await proposeFor('ARG', w.focalARG, plan({ date: '2020-02-30' }))).statusCode).toBe(400);
    expect((await proposeFor('ARG', w.focalARG, plan({ status: 'maybe' }))).statusCode).toBe(400);
    const brazil = (await proposeFor('BRA', w.secretariat, law('Lei 13.344/2016'))).json<{ id: string }>();
    const braEntry = (await reviewAs(w.secretariat, brazil.id, { decision: 'accept' })).json<{ entryId: string }>()
      .entryId;
    // Through Argentina's door, Brazil's entry does not exist.
    expect((await proposeFor('ARG', w.focalARG, { entryId: braEntry, remove: true })).statusCode).toBe(404);
  });
});
