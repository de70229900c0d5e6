import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, test } from 'vitest';
import { useBrowser, type Session } from './support/browser.js';
import { allItems, demo, paths, squash, t, textIn, type Lang } from './support/demo.js';

const web = useBrowser();

/** Click a download link as a reader would and return the file's bytes and suggested name. */
async function download(session: Session, name: string): Promise<{ bytes: Buffer; filename: string }> {
  const { page, problems } = session;
  const link = page.getByRole('link', { name, exact: true });
  const href = session.url((await link.getAttribute('href')) ?? '');
  // Chromium reports the navigation it turns into a download as aborted: that is the download
  // working, not failing (the file's content is checked below).
  problems.expect(`the download of ${href} ends its navigation with net::ERR_ABORTED`, (p) => {
    return p.kind === 'request-failed' && p.url === href && p.text.endsWith('net::ERR_ABORTED');
  });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { bytes: await readFile(path), filename: file.suggestedFilename() };
}

async function openAgenda(lang: Lang) {
  const session = await web.open();
  await session.page.goto(session.url(paths.agenda(lang)));
  await session.page.getByRole('heading', { level: 1, name: textIn(demo.agenda.title, lang), exact: true }).waitFor();
  return session;
}

// French is the original (accents: é, è, ’); Portuguese is an unofficial translation (ã, ç, õ).
describe.each<Lang>(['fr', 'pt'])('agenda downloads in %s', (lang) => {
  const languageName = t(lang, `lang.name.${lang}`);
  const meetingTitle = textIn(demo.title, lang);

  test('the calendar file has the meeting zone and one event per session, in the page language', async () => {
    const session = await openAgenda(lang);
    const { bytes, filename } = await download(session, t(lang, 'agenda.download.ics'));
    expect(filename).toMatch(/\.ics$/);

    const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
    const zones = calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'));
    expect(zones).toContain(demo.timeZone);

    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const sessions = demo.agenda.days.flatMap((day) => day.blocks.map((block) => ({ day, block })));
    // No item of the demo agenda has its own times, so every session is exactly one event.
    expect(events).toHaveLength(sessions.length);

    for (const { day, block } of sessions) {
      const hours = demo.defaultSessionHours[block.period];
      if (!hours) throw new Error(`demo data: no default hours for ${block.period}`);
      const start = `${day.date}T${hours.start}:00`;
      const event = events.find((e) => e.startDate.toString() === start);
      expect(event, `an event starting ${start}`).toBeDefined();
      if (!event) continue;
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(demo.timeZone);
      expect(event.endDate.toString()).toBe(`${day.date}T${hours.end}:00`);
      expect(event.summary).toContain(meetingTitle);
      expect(event.summary).toContain(t(lang, `agenda.period.${block.period}`));
      const text = `${event.summary}\n${event.description}`;
      for (const item of block.items) expect(text).toContain(textIn(item.title, lang));
      expect(event.component.getFirstPropertyValue('url')).toBe(session.url(paths.agenda(lang)));
    }
  });

  test('the PDF carries every item title with its accents', async () => {
    const session = await openAgenda(lang);
    const name = t(lang, 'agenda.download.pdf', { number: 1, language: languageName });
    const { bytes, filename } = await download(session, name);
    expect(filename).toMatch(/\.pdf$/);

    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const content = squash(text);
    expect(content).toContain(textIn(demo.agenda.title, lang));
    for (const item of demo.agenda.days.flatMap(allItems)) {
      expect(content).toContain(textIn(item.title, lang));
    }
  });
});
