import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail, MeetingList } from '../../../shared/schemas/meeting.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createMeeting, fr } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('meetings', () => {
  it('lists announced meetings newest first and hides drafts', async () => {
    const older = await createMeeting(t.database.db, { startDate: '2005-04-06', endDate: '2005-04-08' });
    const newer = await createMeeting(t.database.db, { startDate: '2006-03-14', endDate: '2006-03-17' });
    const hidden = await createMeeting(t.database.db, { status: 'draft' });
    const res = await t.app.inject({ url: '/api/meetings?lang=en' });
    expect(res.statusCode).toBe(200);
    const slugs = res.json<MeetingList>().items.map((m) => m.slug);
    expect(slugs.indexOf(newer.slug)).toBeLessThan(slugs.indexOf(older.slug));
    expect(slugs).not.toContain(hidden.slug);
    const detail = await t.app.inject({ url: `/api/meetings/${hidden.slug}` });
    expect(detail.statusCode).toBe(404);
  });

  it('reads a meeting’s concept note in the requested language, with organisers named in it', async () => {
    const m = await createMeeting(t.database.db);
    const res = await t.app.inject({ url: `/api/meetings/${m.slug}?lang=es` });
    expect(res.statusCode).toBe(200);
    const meeting = res.json<MeetingDetail>();
    expect(meeting.title).toMatchObject({ text: 'Reunión de prueba', lang: 'es', official: false });
    expect(meeting.venue).toBeNull();
    expect(meeting.organizers.map((o) => o.acronym)).toEqual(['CIM', 'OIM']);
    expect(meeting.defaultSessionHours).toContainEqual({ period: 'morning', start: '09:00', end: '12:30' });
    expect(meeting.agendaVersions).toBe(1);
    const [objectives] = meeting.conceptNote;
    expect(objectives?.kind).toBe('objectives');
    expect(objectives?.heading.text).toBe('Objetivos');
    // No Spanish body yet: the French original, flagged as a fallback.
    expect(objectives?.body).toMatchObject({ lang: 'fr', fallback: true, original: true });
    expect(objectives?.notes[0]?.text).toBe('Une note.');
  });

  it('shows a venue when one is set', async () => {
    const m = await createMeeting(t.database.db, { venue: fr('Washington, D.C.', { en: 'Washington, D.C.' }) });
    const res = await t.app.inject({ url: `/api/meetings/${m.slug}?lang=en` });
    expect(res.json<MeetingDetail>().venue?.text).toBe('Washington, D.C.');
  });

  it('refuses an unsupported language with the list of supported ones', async () => {
    const m = await createMeeting(t.database.db);
    for (const url of [`/api/meetings/${m.slug}?lang=de`, '/api/meetings?lang=EN', '/api/meetings?lang=']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'unsupported_language', supported: ['en', 'es', 'fr', 'pt'] });
    }
  });

  it('answers 404 problem+json for an unknown meeting, even with odd characters in the slug', async () => {
    for (const slug of ['nope', '%C3%A9t%C3%A9', '..%2F..%2Fetc', 'a'.repeat(150)]) {
      const res = await t.app.inject({ url: `/api/meetings/${slug}` });
      expect([400, 404], slug).toContain(res.statusCode);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
