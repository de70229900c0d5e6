import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberStateProfile, TreatyAction } from '../../../shared/schemas/treaties.js';
import { callerWith, type Caller } from '../editing/actors.test-helper.js';
import { newInstrument, statusOf, treatyWorld, type TreatyWorld } from './treaties.test-helper.js';

let w: TreatyWorld;
beforeAll(async () => {
  w = await treatyWorld();
});
afterAll(async () => w.t.close());

const SLUG = 'oas-iom-tip-2005';
let delegates = 0;

async function api(caller: Caller | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object) {
  return w.t.app.inject({
    method,
    url,
    headers: caller?.headers ?? {},
    ...(body === undefined ? {} : { payload: body }),
  });
}

/** Registers a government delegate of `iso3` to the demo meeting and accredits them. */
async function accreditedDelegate(iso3: string, familyName: string, consent: boolean): Promise<string> {
  const res = await api(w.secretariat, 'POST', `/api/meetings/${SLUG}/registrations?lang=en`, {
    category: 'government',
    memberState: iso3,
    person: {
      givenName: 'Rosa',
      familyName,
      email: `delegate.${++delegates}.${process.pid}@example.org`,
      publicListConsent: consent,
    },
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  const id = res.json<{ id: string }>().id;
  const decided = await api(w.secretariat, 'POST', `/api/meetings/${SLUG}/registrations/${id}/decision`, {
    decision: 'accredit',
  });
  if (decided.statusCode !== 200) throw new Error(`accredit: ${decided.statusCode} ${decided.body}`);
  return id;
}

async function profile(caller: Caller | null, iso3: string, lang = 'en'): Promise<MemberStateProfile> {
  const res = await api(caller, 'GET', `/api/member-states/${iso3}/profile?lang=${lang}`);
  expect(res.statusCode).toBe(200);
  return res.json<MemberStateProfile>();
}

describe('delegations in the profile', () => {
  let focalPRY: Caller;
  beforeAll(async () => {
    focalPRY = await callerWith(w.t, [{ role: 'focal_point', memberState: 'PRY' }]);
    const head = await accreditedDelegate('PRY', 'Benítez', true);
    await accreditedDelegate('PRY', 'Ayala', false);
    const set = await api(w.secretariat, 'PATCH', `/api/meetings/${SLUG}/delegations/PRY`, {
      headRegistrationId: head,
    });
    expect(set.statusCode).toBe(200);
    // A head who did not consent to the public list: the public gets no name.
    const shy = await accreditedDelegate('URY', 'Pereira', false);
    await accreditedDelegate('URY', 'Silva', true);
    await api(w.secretariat, 'PATCH', `/api/meetings/${SLUG}/delegations/URY`, { headRegistrationId: shy });
  });

  it('the public sees the meeting in its language, counts of who consented, and a consenting head', async () => {
    const p = await profile(null, 'PRY', 'es');
    expect(p.practices).toEqual([]);
    expect(p.practiceCount).toBe(0);
    expect(p.delegations).toHaveLength(1);
    const [d] = p.delegations;
    expect(d?.meeting).toMatchObject({ slug: SLUG, startDate: '2005-04-06' });
    expect(d?.meeting.title).toMatch(/trata de personas/i);
    expect(d?.head).toBe('Rosa Benítez');
    expect(d?.delegates).toEqual([{ category: 'government', count: 1 }]);
    expect(d?.total).toBe(1);
    const uruguay = await profile(null, 'URY');
    expect(uruguay.delegations[0]).toMatchObject({ head: null, total: 1 });
  });

  it('the state’s focal point and the secretariat see the whole accredited delegation', async () => {
    for (const caller of [focalPRY, w.secretariat]) {
      const [d] = (await profile(caller, 'PRY')).delegations;
      expect(d?.delegates).toEqual([{ category: 'government', count: 2 }]);
      expect(d?.head).toBe('Rosa Benítez');
    }
    // Another state's focal point is the public here.
    const [d] = (await profile(w.focalARG, 'PRY')).delegations;
    expect(d?.total).toBe(1);
    const [u] = (await profile(w.secretariat, 'URY')).delegations;
    expect(u).toMatchObject({ head: 'Rosa Pereira', total: 2 });
  });

  it('a meeting still in draft is the secretariat’s only; a state with no delegation has none', async () => {
    const db = w.t.app.db;
    const before = await db.selectFrom('meeting').select('status').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    await db.updateTable('meeting').set({ status: 'draft' }).where('slug', '=', SLUG).execute();
    try {
      expect((await profile(null, 'PRY')).delegations).toEqual([]);
      expect((await profile(focalPRY, 'PRY')).delegations).toEqual([]);
      expect((await profile(w.secretariat, 'PRY')).delegations).toHaveLength(1);
    } finally {
      await db.updateTable('meeting').set({ status: before.status }).where('slug', '=', SLUG).execute();
    }
    expect((await profile(w.secretariat, 'JAM')).delegations).toEqual([]);
  });
});

describe('practices in the profile', () => {
  it('lists the published practices that ran in the state, titled in the reader’s language, never a draft', async () => {
    const draft = await api(w.focalARG, 'POST', '/api/practices?lang=en', {
      data: {
        title: { original: 'es', values: { es: { text: 'Borrador en Jamaica', source: 'submitter' } } },
        summary: { original: 'es', values: { es: { text: 'Resumen.', source: 'submitter' } } },
        description: { original: 'es', values: { es: { text: 'Descripción.', source: 'submitter' } } },
        themes: ['protection'],
        countries: ['JAM'],
      },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const jamaica = await profile(null, 'JAM', 'es');
    // The demo's IOM–CIM Caribbean project ran in Jamaica (concept note).
    expect(jamaica.practices.map((x) => x.title)).toEqual([
      'Proyecto regional conjunto OIM–CIM para combatir la trata de personas en el Caribe',
    ]);
    expect(jamaica.practiceCount).toBe(1);
    expect(jamaica.practices[0]).toMatchObject({ lang: 'es', url: expect.stringMatching(/^\/es\/practices\//) });
    const canada = await profile(null, 'CAN', 'fr');
    expect(canada.practices[0]?.title).toMatch(/^Formation sur l’application de la loi au Canada/);
  });
});

describe('correcting one action', () => {
  it('changes kind, date, source and reservations; the status follows; audited', async () => {
    const code = await newInstrument(w);
    const created = await api(w.secretariat, 'POST', `/api/treaties/${code}/actions`, {
      state: 'ARG',
      action: 'signature',
      date: '2001',
      source: 'first source',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<TreatyAction>().id;
    expect((await statusOf(w, code, '2002-01-01')).items.find((r) => r.state.iso3 === 'ARG')?.status).toBe('signatory');
    const res = await api(w.secretariat, 'PATCH', `/api/treaties/${code}/actions/${id}`, {
      action: 'ratification',
      date: '2001-06',
      source: 'corrected source',
      reservations: 'A declaration on article 15',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<TreatyAction>()).toMatchObject({
      action: 'ratification',
      date: '2001-06',
      precision: 'month',
      earliest: '2001-06-01',
      latest: '2001-06-30',
      reservations: 'A declaration on article 15',
      source: 'corrected source',
    });
    const on = async (day: string) => (await statusOf(w, code, day)).items.find((r) => r.state.iso3 === 'ARG')?.status;
    expect(await on('2001-06-15')).toBe('uncertain');
    expect(await on('2001-07-01')).toBe('party');
    const audit = await w.t.app.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('object_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['treaty_action.create', 'treaty_action.update']);
    expect(audit[1]?.changes).toContain('corrected source');

    const gone = await api(w.secretariat, 'DELETE', `/api/treaties/${code}/actions/${id}`);
    expect(gone.statusCode).toBe(204);
    expect(await on('2001-07-01')).toBe('none');
  });

  it('refuses future and pre-adoption dates by field, a second consent, other instruments, and the public', async () => {
    const code = await newInstrument(w, '2000-11-15');
    const add = (body: object) => api(w.secretariat, 'POST', `/api/treaties/${code}/actions`, body);
    const sig = (
      await add({ state: 'BRA', action: 'signature', date: '2000-12-12', source: 's' })
    ).json<TreatyAction>();
    await add({ state: 'BRA', action: 'ratification', date: '2004-01-29', source: 's' });
    const patch = (body: object, caller: Caller | null = w.secretariat, c = code) =>
      api(caller, 'PATCH', `/api/treaties/${c}/actions/${sig.id}`, body);

    const future = await patch({ date: '2999' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body/date', reason: 'future_date', value: '2999' }],
    });
    const early = await patch({ date: '1999-05' });
    expect(early.json().errors).toEqual([expect.objectContaining({ path: 'body/date', reason: 'before_adoption' })]);
    expect((await patch({ date: '2000-11' })).statusCode).toBe(200);
    expect((await patch({ action: 'accession' })).statusCode).toBe(409);
    expect((await patch({ source: '' })).statusCode).toBe(400);
    expect((await patch({ date: '2001' }, null)).statusCode).toBe(401);
    expect((await patch({ date: '2001' }, w.focalARG)).statusCode).toBe(403);
    expect((await patch({ date: '2001' }, w.secretariat, 'tip-protocol')).statusCode).toBe(404);
  });
});
