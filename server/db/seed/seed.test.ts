import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda } from '../../../shared/schemas/agenda.js';
import type { MeetingDetail } from '../../../shared/schemas/meeting.js';
import { LANGS } from '../../../shared/lang.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { seedAll } from './seed.js';

const SLUG = 'oas-iom-tip-2005';
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('demo data from the 2005 concept note', () => {
  it('creates the meeting once; seeding again creates nothing', async () => {
    const first = await seedAll(t.database.db, t.app.files);
    expect(first).toMatchObject({ memberStates: 35, meetingsCreated: [SLUG] });
    const second = await seedAll(t.database.db, t.app.files);
    expect(second.meetingsCreated).toEqual([]);
    const versions = await t.database.db.selectFrom('agenda_version').select('number').execute();
    expect(versions.map((v) => v.number).sort()).toEqual([1, null].sort());
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_type', 'object_id'])
      .where('action', '=', 'seed.meeting_created')
      .execute();
    expect(audited).toEqual([{ actor_type: 'cli', object_id: SLUG }]);
  });

  it('holds the note’s five sections in French (official) and three unofficial translations', async () => {
    const fr = (await t.app.inject({ url: `/api/meetings/${SLUG}?lang=fr` })).json<MeetingDetail>();
    expect(fr.title.text).toBe('Réunion continentale OEA/OIM sur la traite de personnes');
    expect(fr.startDate).toBe('2005-04-06');
    expect(fr.endDate).toBe('2005-04-08');
    expect(fr.venue).toBeNull();
    expect(fr.conceptNote.map((s) => s.kind)).toEqual([
      'background',
      'description',
      'objectives',
      'expected_results',
      'participants',
    ]);
    expect(fr.conceptNote.every((s) => s.body.original && s.body.official)).toBe(true);
    const participants = fr.conceptNote.find((s) => s.kind === 'participants');
    expect(participants?.body.text).toContain('deux du gouvernement et un de la société civile');
    for (const lang of LANGS.filter((l) => l !== 'fr')) {
      const m = (await t.app.inject({ url: `/api/meetings/${SLUG}?lang=${lang}` })).json<MeetingDetail>();
      for (const s of m.conceptNote) {
        expect(s.body, `${lang} ${s.kind}`).toMatchObject({ lang, official: false, fallback: false });
        expect(s.heading.fallback).toBe(false);
      }
    }
  });

  it('publishes the draft agenda as version 1: three days, morning and afternoon, numbered items', async () => {
    const agenda = (await t.app.inject({ url: `/api/meetings/${SLUG}/agenda?lang=fr` })).json<Agenda>();
    expect(agenda.version).toMatchObject({ number: 1, label: { text: 'ÉBAUCHE' } });
    expect(agenda.days.map((d) => d.date)).toEqual(['2005-04-06', '2005-04-07', '2005-04-08']);
    expect(agenda.days.map((d) => d.blocks.map((b) => b.period))).toEqual([
      ['morning', 'afternoon'],
      ['morning', 'afternoon'],
      ['morning'],
    ]);
    expect(agenda.days.map((d) => d.blocks.flatMap((b) => b.items.map((i) => i.number)))).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4],
      [1, 2, 3],
    ]);
    const film = agenda.days[0]!.blocks[1]!.items.find((i) => i.kind === 'screening');
    expect(film?.alternatives.map((a) => a.text)).toEqual(['Lilya 4-ever', 'Dying to Leave']);
    expect(agenda.days[1]!.blocks[0]!.theme?.text).toMatch(/^La pauvreté et le manque de débouchés/);
    expect(agenda.days[2]!.blocks[0]!.items.at(-1)?.kind).toBe('closing');
    // The note gives no times: every block shows the default hours as indicative.
    expect(agenda.days.flatMap((d) => d.blocks).every((b) => b.timesIndicative)).toBe(true);
  });

  it('translates every agenda text into English, Spanish and Portuguese', async () => {
    for (const lang of ['en', 'es', 'pt'] as const) {
      const agenda = (await t.app.inject({ url: `/api/meetings/${SLUG}/agenda?lang=${lang}` })).json<Agenda>();
      const items = agenda.days.flatMap((d) => d.blocks.flatMap((b) => b.items));
      expect(items).toHaveLength(12);
      for (const i of items) {
        expect(i.title.fallback, `${lang} ${i.key}`).toBe(false);
        if (i.description) expect(i.description.fallback, `${lang} ${i.key}`).toBe(false);
      }
    }
  });
});
