import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './support/browser.js';
import {
  allItems,
  dayHeading,
  demo,
  isUnofficial,
  LANG_NAMES,
  LANGS,
  paths,
  squash,
  t,
  textIn,
  type Lang,
} from './support/demo.js';
import { isFocused, tabTo } from './support/keyboard.js';

const web = useBrowser();

async function openAgenda(page: Page, url: (path: string) => string, lang: Lang): Promise<Locator> {
  await page.goto(url(paths.agenda(lang)));
  return agendaHeading(page, lang);
}

/** The page's h1, once the agenda has loaded. */
async function agendaHeading(page: Page, lang: Lang): Promise<Locator> {
  const h1 = page.getByRole('heading', { level: 1, name: textIn(demo.agenda.title, lang), exact: true });
  await h1.waitFor();
  return h1;
}

const pageLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The line right under a heading, where the page puts the marker qualifying the heading's text. */
const lineUnder = async (heading: Locator) =>
  squash(await heading.locator('xpath=following-sibling::*[1]').innerText());

describe('reading the agenda', () => {
  test.each(LANGS)('in %s: days, sessions and numbered items in the page language', async (lang) => {
    const { page, url } = await web.open();
    const h1 = await openAgenda(page, url, lang);
    const main = page.getByRole('main');
    const unofficial = t(lang, 'agenda.unofficialTranslation');
    const indicative = `(${t(lang, 'agenda.timesIndicative')})`;

    expect(await pageLang(page)).toBe(lang);
    // The marker goes on the line right under the text it qualifies.
    expect((await lineUnder(h1)) === unofficial, 'marker under the title').toBe(isUnofficial(demo.agenda.title, lang));

    const dayNames = demo.agenda.days.map((day) => dayHeading(lang, day.date));
    expect(await main.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(expect.arrayContaining(dayNames));

    for (const day of demo.agenda.days) {
      const region = main.getByRole('region', { name: dayHeading(lang, day.date), exact: true });

      // Sessions: their headings in order, each with its time line right below.
      const sessions = await region
        .getByRole('heading', { level: 3 })
        .evaluateAll((headings) =>
          headings.map((h) => ({ period: h.textContent ?? '', line: h.nextElementSibling?.textContent ?? '' })),
        );
      expect(
        sessions.map((session) => ({ period: session.period, indicative: session.line.includes(indicative) })),
      ).toEqual(
        // Every demo session takes the meeting's default hours, which the page flags as indicative.
        day.blocks.map((block) => ({ period: t(lang, `agenda.period.${block.period}`), indicative: true })),
      );
      for (const block of day.blocks) {
        if (!block.theme) continue;
        const line = squash(
          await region.getByText(textIn(block.theme, lang), { exact: true }).locator('xpath=..').innerText(),
        );
        expect(line.includes(unofficial), `marker on the theme "${line}"`).toBe(isUnofficial(block.theme, lang));
      }

      // Items: title, the number the reader sees (the ordered list's marker, from the item's
      // value), the session it sits in and whether the line under the title flags a translation.
      const items = await region.getByRole('heading', { level: 4 }).evaluateAll(
        (headings, marker) =>
          headings.map((h) => ({
            title: h.textContent ?? '',
            number: (h.closest('li') as HTMLLIElement | null)?.value,
            period: h.closest('section')?.querySelector('h3')?.textContent ?? '',
            unofficial: h.nextElementSibling?.textContent === marker,
          })),
        unofficial,
      );
      expect(items).toEqual(
        day.blocks.flatMap((block) =>
          block.items.map((item) => ({
            title: textIn(item.title, lang),
            number: item.number,
            period: t(lang, `agenda.period.${block.period}`),
            unofficial: isUnofficial(item.title, lang),
          })),
        ),
      );
    }
  });

  test('in French, the original, only unofficial translations are marked', async () => {
    const { page, url } = await web.open();
    await openAgenda(page, url, 'fr');
    const main = page.getByRole('main');
    const unofficial = t('fr', 'agenda.unofficialTranslation');
    // In the demo data the only texts not first written in French are the two English film
    // titles; the seed says whether their French titles are official.
    const alternatives = demo.agenda.days.flatMap(allItems).flatMap((item) => item.alternatives ?? []);
    expect(alternatives.length).toBeGreaterThan(0);
    const marked = alternatives.filter((text) => isUnofficial(text, 'fr'));
    expect(await main.getByText(unofficial).count()).toBe(marked.length);
    for (const text of alternatives) {
      // The alternative's own entry, not the agenda item (a list item with a title) around it.
      const entry = main
        .getByRole('listitem')
        .filter({ hasText: textIn(text, 'fr'), hasNot: page.getByRole('heading') });
      expect(squash(await entry.innerText()).includes(unofficial), textIn(text, 'fr')).toBe(isUnofficial(text, 'fr'));
    }
  });

  test('lists the published version and says it is the first one', async () => {
    const { page, url } = await web.open();
    await openAgenda(page, url, 'es');
    const versions = page.getByRole('region', { name: t('es', 'agenda.versions'), exact: true });
    const links = versions.getByRole('link');
    expect(await links.count()).toBe(1);
    expect(squash(await links.first().innerText())).toContain(t('es', 'agenda.version', { number: 1 }));
    if (demo.agenda.label) expect(await links.first().innerText()).toContain(textIn(demo.agenda.label, 'es'));
    expect(await links.first().getAttribute('aria-current')).toBe('page');
    expect(squash(await versions.innerText())).toContain(t('es', 'agenda.latest'));

    const changes = page.getByRole('region', { name: t('es', 'agenda.changes.title'), exact: true });
    expect(squash(await changes.innerText())).toContain(t('es', 'agenda.changes.first'));
  });
});

describe('switching language with the keyboard', () => {
  test('from French to Spanish and English, on the same agenda version', async () => {
    const { page, url } = await web.open();
    await openAgenda(page, url, 'fr');
    /** The version the page shows: the one marked current in the list of versions. */
    const shown = (lang: Lang) =>
      page.getByRole('region', { name: t(lang, 'agenda.versions'), exact: true }).locator('[aria-current="page"]');
    const versionIn = async (lang: Lang) => squash(await shown(lang).innerText());
    const publishedIn = (lang: Lang) => shown(lang).locator('time').getAttribute('datetime');
    expect(await versionIn('fr')).toContain(t('fr', 'agenda.version', { number: 1 }));
    const published = await publishedIn('fr');
    expect(published).toBeTruthy();

    let from: Lang = 'fr';
    for (const lang of ['es', 'en'] as const) {
      const switcher = page.getByRole('navigation', { name: t(from, 'nav.languages'), exact: true });
      const link = switcher.getByRole('link', { name: LANG_NAMES[lang], exact: true });
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      await page.waitForURL(url(paths.agenda(lang)));
      await agendaHeading(page, lang);
      expect(await pageLang(page)).toBe(lang);
      const firstDay = demo.agenda.days[0];
      if (!firstDay) throw new Error('demo data: the agenda has no day');
      await page.getByRole('heading', { level: 2, name: dayHeading(lang, firstDay.date), exact: true }).waitFor();
      expect(await versionIn(lang)).toContain(t(lang, 'agenda.version', { number: 1 }));
      expect(await publishedIn(lang)).toBe(published);
      // Same page in another language: focus stays on the switcher the reader just used, whose
      // name is now in the new language.
      const current = page
        .getByRole('navigation', { name: t(lang, 'nav.languages'), exact: true })
        .getByRole('link', { name: LANG_NAMES[lang], exact: true });
      expect(await isFocused(current)).toBe(true);
      expect(await current.getAttribute('aria-current')).toBe('page');
      from = lang;
    }
  });
});

describe('printing the agenda', () => {
  test('hides navigation and downloads, keeps every item title', async () => {
    const { page, url } = await web.open();
    await openAgenda(page, url, 'fr');
    const switcher = page.getByRole('navigation', { name: t('fr', 'nav.languages'), includeHidden: true });
    const pdf = t('fr', 'agenda.download.pdf', { number: 1, language: t('fr', 'lang.name.fr') });
    const downloads = [pdf, t('fr', 'agenda.download.ics')].map((name) =>
      page.getByRole('link', { name, exact: true, includeHidden: true }),
    );
    const titles = demo.agenda.days.flatMap(allItems).map((item) => textIn(item.title, 'fr'));
    const title = (name: string) => page.getByRole('heading', { level: 4, name, exact: true, includeHidden: true });

    // On screen first, so that "hidden on paper" means something.
    expect(await switcher.isVisible(), 'language switcher on screen').toBe(true);
    for (const link of downloads) expect(await link.isVisible(), `${link.toString()} on screen`).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await switcher.isVisible(), 'language switcher on paper').toBe(false);
    for (const link of downloads) expect(await link.isVisible(), `${link.toString()} on paper`).toBe(false);
    for (const name of titles) expect(await title(name).isVisible(), `item "${name}" on paper`).toBe(true);
  });
});
