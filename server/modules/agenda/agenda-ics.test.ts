import { describe, it, expect } from 'vitest';
import ICAL from 'ical.js';
import type { Agenda } from '../../../shared/schemas/agenda.js';
import { intlFor } from '../../i18n.js';
import { renderAgendaIcs } from './agenda-ics.js';
import { asVersion, buildAgenda, buildBlock, buildItem, localized, unofficial } from './agenda-fixture.test-helper.js';

const baseUrl = 'https://continental.example.org';

function parse(ics: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

function render(agenda: Agenda, venue: string | null = null) {
  return parse(renderAgendaIcs(agenda, { venue, baseUrl }));
}

function timedBlockCount(agenda: Agenda): number {
  return agenda.days.flatMap((d) => d.blocks).filter((b) => b.startTime !== null).length;
}

function eventFor(events: ICAL.Event[], uid: string): ICAL.Event {
  const event = events.find((e) => e.uid === uid);
  if (!event) throw new Error(`no event ${uid} among ${events.map((e) => e.uid).join(', ')}`);
  return event;
}

describe('renderAgendaIcs', () => {
  it('carries the VTIMEZONE of the meeting and starts events at local times in that zone', () => {
    const agenda = buildAgenda();
    const { calendar, events } = render(agenda);

    const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones).toEqual([agenda.meeting.timeZone]);

    const opening = eventFor(events, `${agenda.meeting.slug}-2005-04-06-morning@continental`);
    const dtstart = opening.component.getFirstProperty('dtstart');
    expect(dtstart?.getParameter('tzid')).toBe(agenda.meeting.timeZone);
    expect([opening.startDate.hour, opening.startDate.minute]).toEqual([9, 0]);
    expect([opening.endDate.hour, opening.endDate.minute]).toEqual([12, 30]);
    for (const event of events) {
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(agenda.meeting.timeZone);
    }
  });

  it('places 09:00 in New York during daylight saving time at 13:00 UTC, whatever the server zone', () => {
    const agenda = buildAgenda();
    const { calendar, events } = render(agenda);
    const vtimezone = calendar.getFirstSubcomponent('vtimezone');
    if (!vtimezone) throw new Error('no VTIMEZONE');
    const zone = new ICAL.Timezone(vtimezone);

    const opening = eventFor(events, `${agenda.meeting.slug}-2005-04-06-morning@continental`);
    const utc = opening.startDate.clone();
    utc.zone = zone;
    expect(utc.toJSDate().toISOString()).toBe('2005-04-06T13:00:00.000Z');
  });

  it('makes one event per timed block, with the meeting title, period and accented item titles', () => {
    const agenda = buildAgenda();
    const { events } = render(agenda);
    expect(events).toHaveLength(timedBlockCount(agenda));

    const fr = intlFor('fr');
    const opening = eventFor(events, `${agenda.meeting.slug}-2005-04-06-morning@continental`);
    expect(opening.summary).toContain(agenda.meeting.title.text);
    expect(opening.summary).toContain(fr.formatMessage({ id: 'agenda.period.morning' }));
    expect(opening.summary).toContain('Allocution d’ouverture');
    expect(opening.description).toContain('1. Allocution d’ouverture');
    expect(opening.description).toContain('2. Rapports des régions');
    expect(opening.description).toContain(fr.formatMessage({ id: 'agenda.presentersList' }, { names: 'OEA et OIM' }));

    // A block's theme names it better than its item titles.
    const prevention = eventFor(events, `${agenda.meeting.slug}-2005-04-07-morning@continental`);
    expect(prevention.summary).toContain('La pauvreté et le manque de débouchés');
    expect(prevention.description).toContain('Stratégies de prévention');
    expect(eventFor(events, `${agenda.meeting.slug}-2005-04-08-morning@continental`).summary).toContain(
      'Clôture de la réunion',
    );
  });

  it('keeps UIDs across versions and sets SEQUENCE to the version number', () => {
    const v1 = buildAgenda();
    const v2 = asVersion(v1, 2);
    const first = render(v1).events;
    const second = render(v2).events;

    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
    expect(first.map((e) => e.sequence)).toEqual(first.map(() => v1.version.number));
    expect(second.map((e) => e.sequence)).toEqual(second.map(() => v2.version.number));
  });

  it('gives an item with its own times its own event and leaves it out of its block', () => {
    const timed = buildItem({ number: 2, title: localized('Débat général'), startTime: '11:00', endTime: '12:00' });
    const agenda = buildAgenda({
      days: [
        {
          date: '2005-04-06',
          blocks: [
            buildBlock({ items: [buildItem({ number: 1, title: localized('Allocution d’ouverture') }), timed] }),
            buildBlock({
              period: 'afternoon',
              startTime: '14:00',
              endTime: '17:30',
              items: [buildItem({ number: 3, title: localized('Table ronde'), startTime: '14:00', endTime: '15:30' })],
            }),
          ],
        },
      ],
    });
    const { events } = render(agenda);
    const slug = agenda.meeting.slug;

    // Morning block + its timed item + the afternoon's only item; the afternoon block itself is
    // fully covered by its item and gets no event.
    expect(events.map((e) => e.uid).sort()).toEqual(
      [
        `${slug}-2005-04-06-morning@continental`,
        `${slug}-${timed.key}@continental`,
        `${slug}-${agenda.days[0]!.blocks[1]!.items[0]!.key}@continental`,
      ].sort(),
    );
    const item = eventFor(events, `${slug}-${timed.key}@continental`);
    expect([item.startDate.hour, item.endDate.hour]).toEqual([11, 12]);
    expect(item.summary).toContain('Débat général');
    expect(item.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const block = eventFor(events, `${slug}-2005-04-06-morning@continental`);
    expect(block.description).toContain('Allocution d’ouverture');
    expect(block.description).not.toContain('Débat général');
  });

  it('marks default session hours TENTATIVE and times set for the block CONFIRMED', () => {
    const agenda = buildAgenda({
      days: [
        {
          date: '2005-04-07',
          blocks: [
            buildBlock({ period: 'morning', timesIndicative: true }),
            buildBlock({ period: 'afternoon', startTime: '14:30', endTime: '18:00', timesIndicative: false }),
          ],
        },
      ],
    });
    const { events } = render(agenda);
    const status = (period: string) =>
      eventFor(events, `${agenda.meeting.slug}-2005-04-07-${period}@continental`).component.getFirstPropertyValue(
        'status',
      );
    expect(status('morning')).toBe('TENTATIVE');
    expect(status('afternoon')).toBe('CONFIRMED');
  });

  it('shows a day whose blocks have no times as one all-day event', () => {
    const agenda = buildAgenda({
      days: [
        {
          date: '2005-04-08',
          blocks: [
            buildBlock({
              startTime: null,
              endTime: null,
              items: [buildItem({ title: localized('Clôture de la réunion') })],
            }),
            buildBlock({ period: 'afternoon', startTime: null, endTime: null }),
          ],
        },
      ],
    });
    const { events } = render(agenda);
    expect(events).toHaveLength(1);
    const [day] = events;
    expect(day?.uid).toBe(`${agenda.meeting.slug}-2005-04-08@continental`);
    expect(day?.startDate.isDate).toBe(true);
    expect(day?.startDate.toString()).toBe('2005-04-08');
    expect(day?.description).toContain('Clôture de la réunion');
  });

  it('links each event to the agenda page in its language, with the venue when known', () => {
    const agenda = buildAgenda({ lang: 'en' });
    const withVenue = render(agenda, 'OAS headquarters, Washington, D.C.').events;
    for (const event of withVenue) {
      expect(event.component.getFirstPropertyValue('url')).toBe(`${baseUrl}/en/meetings/${agenda.meeting.slug}/agenda`);
      expect(event.location).toBe('OAS headquarters, Washington, D.C.');
    }
    for (const event of render(agenda, null).events) expect(event.location).toBeFalsy();
  });

  it('names the calendar after the meeting and identifies the producer', () => {
    const agenda = buildAgenda();
    const { calendar } = render(agenda);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Continental//Agenda//EN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(agenda.meeting.title.text);
  });

  it('notes an unofficial translation in the description', () => {
    const agenda = buildAgenda({ lang: 'en' });
    agenda.days[0]!.blocks[0]!.items = [buildItem({ title: unofficial('Opening address', 'en') })];
    const { events } = render(agenda);
    const opening = eventFor(events, `${agenda.meeting.slug}-2005-04-06-morning@continental`);
    expect(opening.description).toContain(intlFor('en').formatMessage({ id: 'agenda.unofficialTranslation' }));
    const closing = eventFor(events, `${agenda.meeting.slug}-2005-04-08-morning@continental`);
    expect(closing.description).not.toContain(intlFor('en').formatMessage({ id: 'agenda.unofficialTranslation' }));
  });
});
