import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../../db/seed/seed.js';
import { todayUtc } from './dates.js';
import { importCsv, newInstrument, statusOf, treatyWorld, type TreatyWorld } from './treaties.test-helper.js';

let w: TreatyWorld;
beforeAll(async () => {
  w = await treatyWorld();
});
afterAll(async () => w.t.close());

const HEADER = 'instrument,state,action,date,source\n';

describe('instruments', () => {
  it('lists the six instruments with names in the requested language and sourced dates', async () => {
    const res = await w.t.app.inject({ url: '/api/treaties?lang=es' });
    expect(res.statusCode).toBe(200);
    const items = res.json<{
      items: { code: string; name: string; adoptedOn: string; inForceOn: string; actionCount: number }[];
    }>().items;
    expect(items.map((i) => i.code)).toEqual(
      expect.arrayContaining(['tip-protocol', 'smuggling-protocol', 'untoc', 'iacitm', 'ilo-c29', 'ilo-c182']),
    );
    const tip = items.find((i) => i.code === 'tip-protocol');
    expect(tip).toMatchObject({ adoptedOn: '2000-11-15', inForceOn: '2003-12-25', actionCount: 51 });
    expect(tip?.name).toMatch(/^Protocolo para prevenir, reprimir y sancionar la trata de personas/);
    // Only what could be sourced is seeded: no actions for the other instruments.
    expect(
      items.filter((i) => i.code !== 'tip-protocol' && !i.code.startsWith('test-')).every((i) => i.actionCount === 0),
    ).toBe(true);
  });

  it('seeding again changes nothing and never brings back what the secretariat removed', async () => {
    const count = async () =>
      Number(
        (
          await w.t.app.db
            .selectFrom('treaty_action')
            .select(w.t.app.db.fn.countAll<string | number>().as('n'))
            .where('instrument_code', '=', 'tip-protocol')
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(51);
    await seedAll(w.t.app.db, w.t.app.files);
    expect(await count()).toBe(51);
    const res = await w.t.app.inject({ url: '/api/member-states/HTI/profile?lang=en' });
    const id = res
      .json<{ treaties: { instrument: { code: string }; actions: { id: string }[] }[] }>()
      .treaties.find((t) => t.instrument.code === 'tip-protocol')?.actions[0]?.id;
    const del = await w.t.app.inject({
      method: 'DELETE',
      url: `/api/treaties/tip-protocol/actions/${id}`,
      headers: w.secretariat.headers,
    });
    expect(del.statusCode).toBe(204);
    await seedAll(w.t.app.db, w.t.app.files);
    expect(await count()).toBe(50);
    // Put it back for the other tests.
    const back = await importCsv(
      w,
      `${HEADER}tip-protocol,HTI,consent,2011,"Kelley & Simmons (AJPS 2014) replication data, variable ratproto2000, year only"\n`,
    );
    expect(back.json()).toMatchObject({ created: 1 });
  });

  it('lets the secretariat add and correct an instrument, and no one else', async () => {
    const code = await newInstrument(w, '1999-06-17');
    const patch = (headers: Record<string, string>, payload: object) =>
      w.t.app.inject({ method: 'PATCH', url: `/api/treaties/${code}?lang=fr`, headers, payload });
    expect((await patch(w.focalARG.headers, { reference: 'x' })).statusCode).toBe(403);
    const ok = await patch(w.secretariat.headers, { inForceOn: '2000-11-19', reference: 'ILO NORMLEX' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      code,
      inForceOn: '2000-11-19',
      reference: 'ILO NORMLEX',
      name: expect.stringContaining('Traité'),
    });
    expect((await patch(w.secretariat.headers, { inForceOn: '1990-01-01' })).statusCode).toBe(400);
    expect((await patch(w.secretariat.headers, { adoptedOn: '2001-02-30' })).statusCode).toBe(400);
    const again = await w.t.app.inject({
      method: 'POST',
      url: '/api/treaties',
      headers: w.secretariat.headers,
      payload: {
        code,
        name: { en: 'a', es: 'a', fr: 'a', pt: 'a' },
        shortName: { en: 'a', es: 'a', fr: 'a', pt: 'a' },
      },
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'conflict' });
    const audit = await w.t.app.db.selectFrom('audit_log').select('action').where('object_id', '=', code).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['instrument.create', 'instrument.update']));
  });
});

describe('status as of a day, from the demo data', () => {
  it('on 2005-04-06 (the meeting): 20 parties, Uruguay uncertain, 5 signatories, 9 with nothing; totals equal the rows', async () => {
    const report = await statusOf(w, 'tip-protocol', '2005-04-06');
    expect(report.items).toHaveLength(35);
    const by = (s: string) =>
      report.items
        .filter((i) => i.status === s)
        .map((i) => i.state.iso3)
        .sort();
    expect(by('uncertain')).toEqual(['URY']);
    expect(by('signatory')).toEqual(['BHS', 'BOL', 'BRB', 'DOM', 'USA']);
    expect(by('none')).toEqual(['ATG', 'CUB', 'DMA', 'HND', 'HTI', 'LCA', 'SUR', 'TTO', 'VCT']);
    expect(by('party')).toHaveLength(20);
    expect(report.totals).toEqual({ party: 20, signatory: 5, none: 9, uncertain: 1, total: 35 });
    for (const s of ['party', 'signatory', 'none', 'uncertain']) expect(report.totals[s]).toBe(by(s).length);
    // Each status says which action gave it, with its source.
    const arg = report.items.find((i) => i.state.iso3 === 'ARG');
    expect(arg?.basis).toMatchObject({
      action: 'ratification',
      date: '2002-11-19',
      source: expect.stringContaining('Trb. 2007, 71'),
    });
    expect(report.items.find((i) => i.state.iso3 === 'URY')?.basis).toMatchObject({
      action: 'consent',
      date: '2005',
      precision: 'year',
    });
  });

  it('totals equal the rows on every day the status changes', async () => {
    const timeline = (await w.t.app.inject({ url: '/api/treaties/tip-protocol/timeline' })).json<{
      points: { date: string; party: number; uncertain: number; signatory: number }[];
    }>();
    expect(timeline.points[0]).toEqual({ date: '2000-11-15', party: 0, uncertain: 0, signatory: 0 });
    expect(timeline.points.at(-1)?.date).toBe(todayUtc());
    for (const p of timeline.points.filter((_, i) => i % 5 === 0)) {
      const report = await statusOf(w, 'tip-protocol', p.date);
      const counted = { party: 0, signatory: 0, none: 0, uncertain: 0 } as Record<string, number>;
      for (const row of report.items) counted[row.status] = (counted[row.status] ?? 0) + 1;
      expect(report.totals).toEqual({ ...counted, total: 35 });
      expect({ party: p.party, uncertain: p.uncertain, signatory: p.signatory }).toEqual({
        party: counted.party,
        uncertain: counted.uncertain,
        signatory: counted.signatory,
      });
    }
  });

  it('names states in the requested language, sorted in it', async () => {
    const fr = await statusOf(w, 'tip-protocol', '2005-04-06', 'fr');
    expect(fr.items.map((i) => i.state.name)).toContain('États-Unis');
    const names = fr.items.map((i) => i.state.name);
    expect([...names].sort(new Intl.Collator('fr').compare)).toEqual(names);
  });

  it('refuses a day in the future, before the adoption, or not in the calendar', async () => {
    for (const asOf of ['2999-01-01', '2000-11-14', '1999-01-01', '2005-02-30', '2005-4-6']) {
      const res = await w.t.app.inject({ url: `/api/treaties/tip-protocol/status?asOf=${asOf}` });
      expect(res.statusCode, asOf).toBe(400);
      expect(res.json(), asOf).toMatchObject({ code: 'validation_failed' });
    }
    expect((await w.t.app.inject({ url: '/api/treaties/tip-protocol/status?asOf=2000-11-15' })).statusCode).toBe(200);
    expect((await w.t.app.inject({ url: '/api/treaties/no-such-treaty/status' })).statusCode).toBe(404);
    expect((await w.t.app.inject({ url: '/api/treaties/tip-protocol/status?lang=xx' })).json()).toMatchObject({
      code: 'unsupported_language',
    });
    const today = await w.t.app.inject({ url: '/api/treaties/tip-protocol/status' });
    expect(today.json()).toMatchObject({ asOf: todayUtc() });
  });
});

describe('recording actions', () => {
  const post = (code: string, payload: object, headers = w.secretariat.headers) =>
    w.t.app.inject({ method: 'POST', url: `/api/treaties/${code}/actions`, headers, payload });

  it('records each kind of action, a party from its date, with day, month or year precision', async () => {
    const code = await newInstrument(w);
    const kinds = [
      ['ARG', 'ratification', '2002-11-19'],
      ['BRA', 'accession', '2004-01'],
      ['CAN', 'acceptance', '2003'],
      ['CHL', 'approval', '2004-11-29'],
      ['COL', 'succession', '2004-08-04'],
      ['CRI', 'consent', '2003-09-09'],
      ['ECU', 'signature', '2000-12-13'],
    ];
    for (const [state, action, date] of kinds) {
      const res = await post(code, { state, action, date, source: 'test source' });
      expect(res.statusCode, `${state} ${action}`).toBe(201);
    }
    const on = async (d: string) =>
      Object.fromEntries(
        (await statusOf(w, code, d)).items
          .filter((i) => kinds.some((k) => k[0] === i.state.iso3))
          .map((i) => [i.state.iso3, i.status]),
      );
    expect(await on('2004-01-15')).toEqual({
      ARG: 'party',
      BRA: 'uncertain',
      CAN: 'party',
      CHL: 'none',
      COL: 'none',
      CRI: 'party',
      ECU: 'signatory',
    });
    expect(await on('2003-06-01')).toMatchObject({ CAN: 'uncertain', CRI: 'none' });
    expect(await on('2004-12-01')).toEqual({
      ARG: 'party',
      BRA: 'party',
      CAN: 'party',
      CHL: 'party',
      COL: 'party',
      CRI: 'party',
      ECU: 'signatory',
    });
  });

  it('refuses a date in the future, before the adoption, impossible, and a second consent', async () => {
    const code = await newInstrument(w);
    const bad = [
      [{ state: 'ARG', action: 'ratification', date: '2999-01-01', source: 's' }, 'body/date'],
      [{ state: 'ARG', action: 'ratification', date: '1999', source: 's' }, 'body/date'],
      [{ state: 'ARG', action: 'signature', date: '2000-11-14', source: 's' }, 'body/date'],
      [{ state: 'ARG', action: 'ratification', date: '2003-02-29', source: 's' }, 'body/date'],
      [{ state: 'XXX', action: 'ratification', date: '2003-02-28', source: 's' }, 'body/state'],
      [{ state: 'ARG', action: 'ratification', date: '2003-02-28', source: '   ' }, 'body/source'],
    ] as const;
    for (const [payload, path] of bad) {
      const res = await post(code, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain(path);
    }
    // The year of adoption is possible for a year-only date: it has days after the adoption.
    expect((await post(code, { state: 'ARG', action: 'signature', date: '2000', source: 's' })).statusCode).toBe(201);
    expect((await post(code, { state: 'ARG', action: 'ratification', date: '2002', source: 's' })).statusCode).toBe(
      201,
    );
    const second = await post(code, { state: 'ARG', action: 'accession', date: '2003', source: 's' });
    expect(second.json()).toMatchObject({ status: 409, code: 'conflict' });
    expect(
      (await post(code, { state: 'BRA', action: 'ratification', date: '2003', source: 's' }, w.focalARG.headers))
        .statusCode,
    ).toBe(403);
    expect(
      (await post('no-such-treaty', { state: 'BRA', action: 'ratification', date: '2003', source: 's' })).statusCode,
    ).toBe(404);
  });
});

describe('member-state profile', () => {
  it('gives every instrument with the status today and the actions with their sources', async () => {
    const res = await w.t.app.inject({ url: '/api/member-states/dom/profile?lang=pt' });
    expect(res.statusCode).toBe(200);
    const p = res.json<{
      memberState: { iso3: string; name: string };
      treaties: {
        instrument: { code: string; name: string };
        status: string;
        actions: { action: string; date: string; source: string }[];
      }[];
      nationalFramework: unknown;
    }>();
    expect(p.memberState).toMatchObject({ iso3: 'DOM', name: 'República Dominicana' });
    const tip = p.treaties.find((t) => t.instrument.code === 'tip-protocol');
    expect(tip?.status).toBe('party');
    expect(tip?.actions.map((a) => [a.action, a.date])).toEqual([
      ['signature', '2000-12-15'],
      ['consent', '2008'],
    ]);
    expect(tip?.actions[1]?.source).toContain('Kelley & Simmons');
    expect(p.treaties.find((t) => t.instrument.code === 'ilo-c29')).toMatchObject({ status: 'none', actions: [] });
    expect(p.nationalFramework).toEqual({ legislation: [], actionPlans: [], authorities: null });
    expect((await w.t.app.inject({ url: '/api/member-states/XYZ/profile' })).statusCode).toBe(404);
  });
});
