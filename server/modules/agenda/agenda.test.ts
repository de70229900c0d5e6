import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { AgendaSchema, type Agenda } from '../../../shared/schemas/agenda.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createMeeting } from '../../test/factories.js';
import { publishAgenda } from './publish-agenda.js';
import { findDraft } from './repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

async function getAgenda(slug: string, query = ''): Promise<Agenda> {
  const res = await t.app.inject({ method: 'GET', url: `/api/meetings/${slug}/agenda${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<Agenda>();
  // The route sends pre-serialised JSON, so the documented schema is checked here instead.
  expect([...Value.Errors(AgendaSchema, body)]).toEqual([]);
  return body;
}

describe('GET /api/meetings/:slug/agenda', () => {
  it('serves version 1 in the French original, numbered by day, with the draft label', async () => {
    const m = await createMeeting(t.database.db);
    const agenda = await getAgenda(m.slug, '?lang=fr');
    expect(agenda.version.number).toBe(1);
    expect(agenda.latestVersion).toBe(1);
    expect(agenda.version.label?.text).toBe('ÉBAUCHE');
    expect(agenda.days.map((d) => d.date)).toEqual(['2005-04-06', '2005-04-07']);
    const first = agenda.days[0]!.blocks[0]!.items[0]!;
    expect(first).toMatchObject({ number: 1, kind: 'opening', key: 'd1-1' });
    expect(first.title).toEqual({
      text: 'Allocution d’ouverture',
      lang: 'fr',
      original: true,
      official: true,
      fallback: false,
    });
    expect(first.presenters).toEqual([expect.objectContaining({ type: 'organization', id: 'iom', acronym: 'OIM' })]);
    expect(agenda.days[1]!.blocks[0]!.items.map((i) => i.number)).toEqual([1, 2]);
    expect(agenda.changes).toEqual([]);
  });

  it('marks translations as unofficial and falls back to the original, flagged, where one is missing', async () => {
    const m = await createMeeting(t.database.db);
    const agenda = await getAgenda(m.slug, '?lang=pt');
    const items = agenda.days[0]!.blocks[0]!.items;
    expect(items[0]!.title).toEqual({
      text: 'Discurso de abertura',
      lang: 'pt',
      original: false,
      official: false,
      fallback: false,
    });
    expect(items[1]!.title).toEqual({
      text: 'Rapports des régions',
      lang: 'fr',
      original: true,
      official: true,
      fallback: true,
    });
  });

  it('gives blocks without times the meeting’s default hours, flagged indicative, and keeps set times', async () => {
    const m = await createMeeting(t.database.db);
    const [morning, afternoon] = (await getAgenda(m.slug, '?lang=en')).days[0]!.blocks;
    expect(morning).toMatchObject({ period: 'morning', startTime: '09:00', endTime: '12:30', timesIndicative: true });
    expect(afternoon).toMatchObject({
      period: 'afternoon',
      startTime: '15:00',
      endTime: '17:00',
      timesIndicative: false,
    });
    expect(afternoon!.items[0]!.alternatives.map((a) => a.text)).toEqual(['Lilya 4-ever', 'Dying to Leave']);
  });

  it('takes the language from Accept-Language when ?lang is absent', async () => {
    const m = await createMeeting(t.database.db);
    const res = await t.app.inject({
      url: `/api/meetings/${m.slug}/agenda`,
      headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' },
    });
    expect(res.json<Agenda>().lang).toBe('es');
  });

  it('publishes a changed draft as version 2 with a change log, and keeps version 1 as it was', async () => {
    const m = await createMeeting(t.database.db);
    const db = t.database.db;
    const meeting = await db.selectFrom('meeting').select('id').where('slug', '=', m.slug).executeTakeFirstOrThrow();
    const draft = await findDraft(db, meeting.id);
    const newTitle = JSON.stringify({
      original: 'fr',
      values: { fr: { text: 'Allocution de bienvenue', official: true } },
    });
    await db
      .updateTable('agenda_item')
      .set({ title: newTitle })
      .where('version_id', '=', draft!.id)
      .where('key', '=', 'd1-1')
      .execute();
    await db.deleteFrom('agenda_item').where('version_id', '=', draft!.id).where('key', '=', 'd1-2').execute();
    expect(await publishAgenda(db, meeting.id)).toMatchObject({ number: 2 });

    const v2 = await getAgenda(m.slug, '?lang=fr');
    expect(v2.version.number).toBe(2);
    expect(v2.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(v2.changes.map((c) => [c.type, c.key, c.title.text])).toEqual([
      ['retitled', 'd1-1', 'Allocution de bienvenue'],
      ['removed', 'd1-2', 'Rapports des régions'],
    ]);
    expect(v2.changes[0]!.previousTitle?.text).toBe('Allocution d’ouverture');

    const v1 = await getAgenda(m.slug, '?lang=fr&version=1');
    expect(v1.days[0]!.blocks[0]!.items.map((i) => i.title.text)).toEqual([
      'Allocution d’ouverture',
      'Rapports des régions',
    ]);
    expect(v1.latestVersion).toBe(2);
  });

  it('answers problem+json for an unknown language, meeting or version, and a malformed version', async () => {
    const m = await createMeeting(t.database.db);
    const lang = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda?lang=de` });
    expect(lang.statusCode).toBe(400);
    expect(lang.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(lang.json()).toMatchObject({ code: 'unsupported_language', supported: ['en', 'es', 'fr', 'pt'] });

    const meeting = await t.app.inject({ url: '/api/meetings/no-such-meeting/agenda?lang=fr' });
    expect(meeting.statusCode).toBe(404);
    expect(meeting.json()).toMatchObject({ code: 'not_found', status: 404 });

    const version = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda?version=9` });
    expect(version.statusCode).toBe(404);

    for (const bad of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
      const res = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda?version=${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
  });
});

describe('agenda caching', () => {
  it('answers 304 to a matching If-None-Match and a new ETag once a new version is published', async () => {
    const m = await createMeeting(t.database.db);
    const first = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda?lang=fr` });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await t.app.inject({
      url: `/api/meetings/${m.slug}/agenda?lang=fr`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const otherLang = await t.app.inject({
      url: `/api/meetings/${m.slug}/agenda?lang=en`,
      headers: { 'if-none-match': etag },
    });
    expect(otherLang.statusCode).toBe(200);

    const meeting = await t.database.db
      .selectFrom('meeting')
      .select('id')
      .where('slug', '=', m.slug)
      .executeTakeFirstOrThrow();
    await publishAgenda(t.database.db, meeting.id);
    const after = await t.app.inject({
      url: `/api/meetings/${m.slug}/agenda?lang=fr`,
      headers: { 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json<Agenda>().version.number).toBe(2);
  });

  it('shows a meeting edit made by another process (no stale cache)', async () => {
    const m = await createMeeting(t.database.db);
    expect((await getAgenda(m.slug, '?lang=fr')).meeting.title.text).toBe('Réunion d’essai');
    const title = JSON.stringify({ original: 'fr', values: { fr: { text: 'Nouveau titre', official: true } } });
    await t.database.db
      .updateTable('meeting')
      .set({ title, updated_at: new Date(Date.now() + 1000).toISOString() })
      .where('slug', '=', m.slug)
      .execute();
    expect((await getAgenda(m.slug, '?lang=fr')).meeting.title.text).toBe('Nouveau titre');
  });
});

describe('agenda downloads', () => {
  it('serves the calendar as text/calendar with the meeting’s time zone', async () => {
    const m = await createMeeting(t.database.db);
    const res = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda.ics?lang=fr` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*agenda-v1-fr\.ics"/);
    expect(res.body).toContain('BEGIN:VTIMEZONE');
    expect(res.body).toContain('TZID:America/New_York');
    expect(res.body).toContain('https://continental.example.org/fr/meetings/');
  });

  it('serves the PDF in the requested language', async () => {
    const m = await createMeeting(t.database.db);
    const res = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda.pdf?lang=es` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda.pdf?lang=xx` });
    expect(bad.statusCode).toBe(400);
  });
});
