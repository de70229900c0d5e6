import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda, AgendaChange } from '../../../shared/schemas/agenda.js';
import type { AgendaDraft, AgendaDraftInput } from '../../../shared/schemas/editing.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createMeeting } from '../../test/factories.js';
import { secretariat, type Caller } from './actors.test-helper.js';

let t: TestApp;
let staff: Caller;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await secretariat(t);
});
afterAll(async () => t.close());

const fr = (text: string) => ({ original: 'fr' as const, values: { fr: { text, official: true } } });

async function getDraft(slug: string): Promise<AgendaDraft> {
  const res = await t.app.inject({ url: `/api/meetings/${slug}/agenda/draft`, headers: staff.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AgendaDraft>();
}

const putDraft = (slug: string, payload: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/meetings/${slug}/agenda/draft`,
    headers: staff.headers,
    payload: payload as object,
  });

const publish = (slug: string) =>
  t.app.inject({ method: 'POST', url: `/api/meetings/${slug}/agenda/versions`, headers: staff.headers });

async function agenda(slug: string, query = ''): Promise<Agenda> {
  const res = await t.app.inject({ url: `/api/meetings/${slug}/agenda?lang=fr${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Agenda>();
}

const clone = <T>(v: T): T => structuredClone(v);

describe('the draft agenda', () => {
  it('reads as a raw tree that can be sent back unchanged, keys and all', async () => {
    const m = await createMeeting(t.database.db);
    const draft = await getDraft(m.slug);
    expect(draft.days.map((d) => d.date)).toEqual(['2005-04-06', '2005-04-07']);
    const first = draft.days[0]!.blocks[0]!.items[0]!;
    expect(first).toMatchObject({ key: 'd1-1', number: 1, presenters: [{ type: 'organization', id: 'iom' }] });
    expect(first.title.values.es).toEqual({ text: 'Palabras de apertura', official: false });
    const res = await putDraft(m.slug, draft);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(draft);
  });

  it('publishes exactly the edits made: retitled, moved, added, removed; version 1 stays as it was', async () => {
    const m = await createMeeting(t.database.db);
    const v1 = await agenda(m.slug);
    const draft: AgendaDraftInput = clone(await getDraft(m.slug));
    const [day1, day2] = draft.days;
    const [morning1, afternoon1] = day1!.blocks;
    // Retitle d1-2.
    morning1!.items[1]!.title = fr('Rapports des sous-régions');
    // Move d1-3 to the second day's afternoon, keeping its number; its old block goes.
    const moved = afternoon1!.items[0]!;
    day1!.blocks = [morning1!];
    day2!.blocks.push({ period: 'afternoon', theme: null, startTime: '14:30', endTime: '17:30', items: [moved] });
    // Remove d2-2 and add a new item in its place.
    const morning2 = day2!.blocks[0]!;
    morning2.items = [
      morning2.items[0]!,
      {
        number: 2,
        kind: 'panel',
        title: fr('Table ronde des organisations'),
        description: null,
        presenters: [
          { type: 'organization', id: 'cim' },
          { type: 'person', name: 'Présidence' },
        ],
        alternatives: [],
        startTime: '10:30',
        endTime: '11:30',
      },
    ];

    const saved = await putDraft(m.slug, draft);
    expect(saved.statusCode, saved.body).toBe(200);
    const newKey = saved.json<AgendaDraft>().days[1]!.blocks[0]!.items[1]!.key;
    expect(newKey).toMatch(/^i-[a-z0-9]{8}$/);

    const published = await publish(m.slug);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toEqual({ number: 2 });

    const v2 = await agenda(m.slug);
    expect(v2.version.number).toBe(2);
    expect(v2.versions.map((v) => v.number)).toEqual([1, 2]);
    const summary = (c: AgendaChange) => [c.type, c.key, c.from, c.to, c.title.text, c.previousTitle?.text ?? null];
    expect(v2.changes.map(summary)).toEqual([
      [
        'retitled',
        'd1-2',
        null,
        { date: '2005-04-06', period: 'morning', number: 2 },
        'Rapports des sous-régions',
        'Rapports des régions',
      ],
      [
        'added',
        newKey,
        null,
        { date: '2005-04-07', period: 'morning', number: 2 },
        'Table ronde des organisations',
        null,
      ],
      [
        'moved',
        'd1-3',
        { date: '2005-04-06', period: 'afternoon', number: 3 },
        { date: '2005-04-07', period: 'afternoon', number: 3 },
        'Présentation d’un vidéo et discussion',
        null,
      ],
      ['removed', 'd2-2', { date: '2005-04-07', period: 'morning', number: 2 }, null, 'Clôture de la réunion', null],
    ]);
    const added = v2.days[1]!.blocks[0]!.items[1]!;
    expect(added.presenters).toEqual([
      expect.objectContaining({ type: 'organization', id: 'cim', acronym: 'CIM' }),
      { type: 'person', name: 'Présidence' },
    ]);

    const v1Again = await agenda(m.slug, '&version=1');
    expect(v1Again.days).toEqual(v1.days);
    expect(v1Again.changes).toEqual([]);

    // Publishing an unchanged draft is allowed and says so with an empty change log.
    expect((await publish(m.slug)).json()).toEqual({ number: 3 });
    expect((await agenda(m.slug)).changes).toEqual([]);

    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('object_id', '=', m.slug)
      .where('outcome', '=', 'success')
      .orderBy('at')
      .execute();
    // The meeting's history starts with its creation from the seed file.
    expect(entries.map((e) => e.action)).toEqual([
      'seed.meeting_created',
      'agenda.draft.update',
      'agenda.publish',
      'agenda.publish',
    ]);
    const draftChanges = JSON.parse(entries[1]!.changes) as Record<string, unknown>;
    expect(draftChanges).toMatchObject({
      'items.d1-3.at': { before: '2005-04-06 afternoon #3', after: '2005-04-07 afternoon #3' },
      'items.d1-2.title.values.fr.text': { before: 'Rapports des régions', after: 'Rapports des sous-régions' },
      [`items.${newKey}.presenters`]: { before: null, after: 'org:cim; Présidence' },
    });
    expect(JSON.parse(entries[2]!.changes)).toEqual({
      version: { before: 1, after: 2 },
      changeLog: { before: null, after: { added: 1, removed: 1, moved: 1, retitled: 1 } },
    });
  });

  it('refuses invalid drafts with problem details and leaves the stored draft untouched', async () => {
    const m = await createMeeting(t.database.db);
    const original = await getDraft(m.slug);
    type Edit = (d: AgendaDraft & Record<string, unknown>) => void;
    const item = (d: AgendaDraft, day = 0, block = 0, i = 0) => d.days[day]!.blocks[block]!.items[i]!;
    const cases: [string, Edit, string][] = [
      ['impossible time', (d) => void (item(d).startTime = '25:00'), 'body/days/0/blocks/0/items/0/startTime'],
      ['end before start', (d) => Object.assign(item(d), { startTime: '11:00', endTime: '10:00' }), 'endTime'],
      [
        'start without end',
        (d) => Object.assign(d.days[0]!.blocks[0]!, { startTime: '09:00', endTime: null }),
        'endTime',
      ],
      ['duplicate key', (d) => void (item(d, 1).key = 'd1-1'), 'body/days/1/blocks/0/items/0/key'],
      ['invented key', (d) => void (item(d).key = 'made-up'), 'body/days/0/blocks/0/items/0/key'],
      ['day outside the meeting', (d) => void (d.days[1]!.date = '2005-04-09'), 'body/days/1/date'],
      ['same day twice', (d) => void (d.days[1]!.date = '2005-04-06'), 'body/days/1/date'],
      ['impossible date', (d) => void (d.days[1]!.date = '2005-04-31'), 'body/days/1/date'],
      [
        'unknown presenter',
        (d) => void (item(d).presenters = [{ type: 'organization', id: 'nope' }]),
        'presenters/0/id',
      ],
      ['unknown field', (d) => void (d.colour = 'red'), 'body/colour'],
      ['unknown item field', (d) => Object.assign(item(d), { room: 'B' }), 'items/0/room'],
      ['number 0', (d) => void (item(d).number = 0), 'items/0/number'],
      ['number twice a day', (d) => void (item(d, 0, 0, 1).number = 1), 'items/1/number'],
      ['bad kind', (d) => void ((item(d) as { kind: string }).kind = 'party'), 'items/0/kind'],
      ['bad period', (d) => void ((d.days[0]!.blocks[0] as { period: string }).period = 'night'), 'period'],
      ['period twice', (d) => void (d.days[0]!.blocks[1]!.period = 'morning'), 'body/days/0/blocks/1/period'],
      ['empty original', (d) => void (item(d).title = fr('')), 'items/0/title/values/fr'],
    ];
    for (const [name, edit, path] of cases) {
      const body = clone(original) as AgendaDraft & Record<string, unknown>;
      edit(body);
      const res = await putDraft(m.slug, body);
      expect(res.statusCode, name).toBe(400);
      const problem = res.json<{ code: string; errors: { path: string }[] }>();
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problem.code, name).toBe('validation_failed');
      expect(
        problem.errors.some((e) => e.path.includes(path)),
        `${name}: ${JSON.stringify(problem.errors)}`,
      ).toBe(true);
    }
    expect(await getDraft(m.slug)).toEqual(original);
    const written = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('object_id', '=', m.slug)
      .where('action', '=', 'agenda.draft.update')
      .execute();
    expect(written).toEqual([]);
  });

  it('refuses to publish days outside the meeting after its dates moved, until the draft follows', async () => {
    const m = await createMeeting(t.database.db);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/meetings/${m.slug}`,
      headers: staff.headers,
      payload: { startDate: '2005-04-07', endDate: '2005-04-08' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const refused = await publish(m.slug);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', dates: ['2005-04-06'] });

    const draft = clone(await getDraft(m.slug));
    draft.days[0]!.date = '2005-04-08';
    draft.days.reverse();
    expect((await putDraft(m.slug, draft)).statusCode).toBe(200);
    expect((await publish(m.slug)).json()).toEqual({ number: 2 });
    expect((await agenda(m.slug)).days.map((d) => d.date)).toEqual(['2005-04-07', '2005-04-08']);
  });

  it('answers 404 for the draft of an unknown meeting', async () => {
    const res = await t.app.inject({ url: '/api/meetings/nowhere/agenda/draft', headers: staff.headers });
    expect(res.statusCode).toBe(404);
    expect((await publish('nowhere')).statusCode).toBe(404);
  });
});
