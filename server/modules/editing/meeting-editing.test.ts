import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda } from '../../../shared/schemas/agenda.js';
import type { ConceptSectionSource, MeetingSource } from '../../../shared/schemas/editing.js';
import type { MeetingDetail } from '../../../shared/schemas/meeting.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createMeeting } from '../../test/factories.js';
import { secretariat, type Caller, auditRowsFor, frenchTitle, patchMeeting } from './actors.test-helper.js';

let t: TestApp;
let staff: Caller;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await secretariat(t);
});
afterAll(async () => t.close());

const title = frenchTitle;
const patch = (slug: string, payload: unknown, caller: Caller | null = staff) => patchMeeting(t, slug, payload, caller);
const auditRows = (action: string, objectId: string) => auditRowsFor(t, action, objectId);

describe('PATCH /api/meetings/:slug', () => {
  it('shows a new title at once on the public meeting and its (cached) agenda, and audits it', async () => {
    const m = await createMeeting(t.database.db);
    // Warm the agenda cache first: the edit must make it stale through meeting.updated_at.
    const warm = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda?lang=en` });
    expect(warm.json<Agenda>().meeting.title.text).toBe('Test meeting');

    const res = await patch(m.slug, { title: title('Réunion renommée', 'Renamed meeting') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MeetingDetail>().title.text).toBe('Renamed meeting');

    const detail = await t.app.inject({ url: `/api/meetings/${m.slug}?lang=fr` });
    expect(detail.json<MeetingDetail>().title.text).toBe('Réunion renommée');
    const agenda = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda?lang=en` });
    expect(agenda.json<Agenda>().meeting.title.text).toBe('Renamed meeting');
    expect(agenda.headers.etag).not.toBe(warm.headers.etag);

    const [entry] = await auditRows('meeting.update', m.slug);
    expect(entry).toMatchObject({ outcome: 'success', role: 'secretariat', actor_label: staff.email });
    expect(JSON.parse(entry!.changes)).toEqual({
      'title.values.fr.text': { before: 'Réunion d’essai', after: 'Réunion renommée' },
      'title.values.en.text': { before: 'Test meeting', after: 'Renamed meeting' },
      'title.values.es.text': { before: 'Reunión de prueba', after: null },
      'title.values.es.official': { before: false, after: null },
      'title.values.pt.text': { before: 'Reunião de teste', after: null },
      'title.values.pt.official': { before: false, after: null },
    });
  });

  it('stores texts NFC-normalised, drops empty translations and keeps audit values short', async () => {
    const m = await createMeeting(t.database.db);
    const long = 'é'.repeat(15_000);
    const res = await patch(m.slug, {
      venue: {
        original: 'es',
        values: {
          es: { text: 'Washington, D.C. – sede de la OEA', official: true },
          pt: { text: '  ', official: false },
        },
      },
      title: { original: 'fr', values: { fr: { text: `Re\u0301union ${long}`, official: true } } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const source = await t.app.inject({ url: `/api/meetings/${m.slug}/source`, headers: staff.headers });
    const body = source.json<MeetingSource>();
    expect(body.title.values.fr?.text.startsWith('Réunion é')).toBe(true);
    expect(body.venue?.values).toEqual({ es: { text: 'Washington, D.C. – sede de la OEA', official: true } });
    const [entry] = await auditRows('meeting.update', m.slug);
    const changes = JSON.parse(entry!.changes) as Record<string, { after: string }>;
    expect(changes['title.values.fr.text']!.after).toMatch(/^Réunion é+… \[15008 characters\]$/);
    expect(changes['title.values.fr.text']!.after.length).toBeLessThan(600);
    const cleared = await patch(m.slug, { venue: null });
    expect(cleared.json<MeetingDetail>().venue).toBeNull();
  });

  it('queues concurrent edits of one meeting: each applies, each is audited, updated_at always moves', async () => {
    const m = await createMeeting(t.database.db);
    const stamps = new Set<string>();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => patch(m.slug, { title: title(`Titre ${i}`) })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await auditRows('meeting.update', m.slug)).toHaveLength(6);
    for (let i = 0; i < 3; i++) {
      await patch(m.slug, { status: 'announced' });
      const row = await t.database.db
        .selectFrom('meeting')
        .select('updated_at')
        .where('slug', '=', m.slug)
        .executeTakeFirstOrThrow();
      stamps.add(row.updated_at);
    }
    expect(stamps.size).toBe(3);
  });

  it('edits dates, time zone, session hours and moves the status forward or one step back', async () => {
    const m = await createMeeting(t.database.db);
    const ok = await patch(m.slug, {
      startDate: '2005-04-05',
      endDate: '2005-04-09',
      timeZone: 'America/Argentina/Buenos_Aires',
      status: 'in_session',
      defaultSessionHours: [{ period: 'morning', start: '08:30', end: '12:00' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<MeetingDetail>()).toMatchObject({
      startDate: '2005-04-05',
      endDate: '2005-04-09',
      timeZone: 'America/Argentina/Buenos_Aires',
      status: 'in_session',
      defaultSessionHours: [{ period: 'morning', start: '08:30', end: '12:00' }],
    });
    expect((await patch(m.slug, { status: 'registration_closed' })).statusCode).toBe(200);
    const back = await patch(m.slug, { status: 'announced' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'conflict', from: 'registration_closed', to: 'announced' });
    expect(back.json<{ detail: string }>().detail).toMatch(/back to "announced"/);
    expect((await patch(m.slug, { status: 'concluded' })).statusCode).toBe(200);
  });

  it('refuses invalid values with every problem listed, and changes nothing', async () => {
    const m = await createMeeting(t.database.db);
    const before = (await t.app.inject({ url: `/api/meetings/${m.slug}/source`, headers: staff.headers })).json();
    const cases: [unknown, string][] = [
      [{ startDate: '2005-02-30' }, 'body/startDate'],
      [{ startDate: '2005-04-09' }, 'body/endDate'],
      [{ timeZone: 'Mars/Olympus' }, 'body/timeZone'],
      [{ timeZone: 'america/new_york' }, 'body/timeZone'],
      [{ title: { original: 'en', values: { fr: { text: 'Réunion', official: true } } } }, 'body/title/values/en'],
      [{ title: { original: 'fr', values: { fr: { text: ' ', official: true } } } }, 'body/title/values/fr'],
      [{ title: { original: 'fr', values: { fr: { text: 'x'.repeat(20_001), official: true } } } }, 'body/title'],
      [{ title: { original: 'de', values: {} } }, 'body/title/original'],
      [{ defaultSessionHours: [{ period: 'morning', start: '12:00', end: '09:00' }] }, 'body/defaultSessionHours'],
      [{ slug: 'other' }, 'body/slug'],
      [{}, 'body'],
    ];
    for (const [payload, path] of cases) {
      const res = await patch(m.slug, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      const problem = res.json<{ code: string; errors: { path: string }[] }>();
      expect(problem.code).toBe('validation_failed');
      expect(
        problem.errors.some((e) => e.path.startsWith(path)),
        JSON.stringify(problem.errors),
      ).toBe(true);
    }
    const tz = await patch(m.slug, { timeZone: 'america/new_york' });
    expect(tz.json<{ errors: { message: string }[] }>().errors[0]?.message).toMatch(/America\/New_York/);
    const after = (await t.app.inject({ url: `/api/meetings/${m.slug}/source`, headers: staff.headers })).json();
    expect(after).toEqual(before);
    expect(await auditRows('meeting.update', m.slug)).toEqual([]);
  });

  it('answers 404 for an unknown meeting', async () => {
    expect((await patch('no-such-meeting', { status: 'announced' })).statusCode).toBe(404);
  });
});

describe('PUT /api/meetings/:slug/concept-note/:kind', () => {
  const section = {
    heading: title('Résultats attendus', 'Expected results'),
    body: title('- Un réseau de points focaux', '- A network of focal points'),
    notes: [],
  };

  it('replaces a section and creates a missing one at the end of the note', async () => {
    const m = await createMeeting(t.database.db);
    const put = (kind: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/meetings/${m.slug}/concept-note/${kind}`,
        headers: staff.headers,
        payload: section,
      });
    const created = await put('expected_results');
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json<ConceptSectionSource>()).toMatchObject({ kind: 'expected_results', notes: [] });
    const replaced = await put('objectives');
    expect(replaced.statusCode).toBe(200);
    const detail = (await t.app.inject({ url: `/api/meetings/${m.slug}?lang=en` })).json<MeetingDetail>();
    expect(detail.conceptNote.map((s) => [s.kind, s.heading.text])).toEqual([
      ['objectives', 'Expected results'],
      ['expected_results', 'Expected results'],
    ]);
    const entries = await auditRows('meeting.concept_section.update', m.slug);
    expect(entries).toHaveLength(2);
    expect(Object.keys(JSON.parse(entries[1]!.changes) as object)).toContain('objectives.heading.values.fr.text');
    expect((await put('appendix')).statusCode).toBe(400);
  });
});
