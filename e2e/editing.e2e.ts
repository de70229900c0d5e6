import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createUser, field, heading, signInByApi, uniqueEmail, type NewUser } from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { demo, paths, squash, t, textIn, type Lang, type SeedDay, type SeedItem } from './support/demo.js';
import { expectFitsWidth } from './support/layout.js';

// This file publishes a new agenda version, which every reader then sees: vitest.e2e.config.ts
// runs it after the files that read the demo agenda as seeded.

const web = useBrowser();

const staff: NewUser = {
  email: uniqueEmail('secretariat-editor'),
  name: 'Claire Secrétariat',
  role: 'secretariat',
  lang: 'fr',
  password: 'le projet d’ordre du jour',
};

beforeAll(async () => {
  await createUser(staff);
});

const editorPath = (lang: Lang) => `/${lang}/admin/meetings/${demo.slug}/agenda`;

function seedItem(key: string): { day: SeedDay; period: string; item: SeedItem } {
  for (const day of demo.agenda.days)
    for (const block of day.blocks)
      for (const item of block.items) if (item.key === key) return { day, period: block.period, item };
  throw new Error(`demo data: no agenda item ${key}`);
}

/** "vendredi 8 avril, matin, point 2": where the change log says an item was or is. */
function position(lang: Lang, date: string, period: string, number: number): string {
  const day = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
  return t(lang, 'agenda.position', { date: day, period, number });
}

/** The draft editor's entry for an item, found by the heading it shows ("2. Vers l’avenir"). */
const draftItem = (page: Page, number: number, title: string): Locator =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 5, name: `${number}. ${title}`, exact: true }) });

async function openEditor(page: Page, url: (path: string) => string, lang: Lang): Promise<void> {
  await page.goto(url(editorPath(lang)));
  await heading(page, t(lang, 'draft.pageTitle'));
  await page.getByRole('heading', { level: 2, name: t(lang, 'draft.heading'), exact: true }).waitFor();
}

describe('the secretariat edits and publishes the agenda', () => {
  test('retitles an item in French, moves another, publishes version 2; readers see it with its change log, version 1 unchanged', async () => {
    const retitled = seedItem('d2-1');
    const moved = seedItem('d3-2');
    const displaced = seedItem('d3-1');
    const oldTitle = textIn(retitled.item.title, 'fr');
    const newTitle = `${oldTitle} de la traite des personnes`;
    const movedTitle = textIn(moved.item.title, 'fr');
    const displacedTitle = textIn(displaced.item.title, 'fr');

    const office = await web.open({ locale: 'fr-FR' });
    const { page, url } = office;
    await signInByApi(office, staff.email, staff.password);

    // The meeting editor first, the way the menu leads there.
    await page.goto(url(`/fr/admin/meetings/${demo.slug}`));
    await heading(page, t('fr', 'editing.meetingTitle', { title: textIn(demo.title, 'fr') }));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: t('fr', 'editing.editAgenda'), exact: true }).click();
    await heading(page, t('fr', 'draft.pageTitle'));
    await page.getByRole('heading', { level: 2, name: t('fr', 'draft.heading'), exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // Retitle: open the item's fields; French is the original, so its tab is the one shown.
    const item = draftItem(page, retitled.item.number, oldTitle);
    await item.getByRole('button', { name: t('fr', 'draft.edit', { number: retitled.item.number }) }).click();
    const titleGroup = item.getByRole('group', { name: t('fr', 'draft.itemTitle'), exact: true });
    const french = field(titleGroup, 'fr', t('fr', 'editing.textIn', { language: t('fr', 'lang.name.fr') }));
    expect(await french.inputValue()).toBe(oldTitle);
    await french.fill(newTitle);
    await page.getByRole('heading', { level: 5, name: `${retitled.item.number}. ${newTitle}`, exact: true }).waitFor();

    // Move: one place up; its day is renumbered.
    await draftItem(page, moved.item.number, movedTitle)
      .getByRole('button', { name: t('fr', 'draft.up'), exact: true })
      .click();
    await draftItem(page, moved.item.number - 1, movedTitle).waitFor();
    await draftItem(page, displaced.item.number + 1, displacedTitle).waitFor();

    await page.getByRole('button', { name: t('fr', 'draft.save'), exact: true }).click();
    await page.getByText(t('fr', 'draft.saved'), { exact: true }).waitFor();
    await page.getByRole('button', { name: t('fr', 'draft.publish'), exact: true }).click();
    await page.getByRole('button', { name: t('fr', 'draft.publishConfirm'), exact: true }).click();
    await page.getByText(t('fr', 'draft.published', { number: 2 }), { exact: true }).waitFor();

    // A reader, not signed in, gets version 2 by default, with what changed.
    const { page: pub, url: pubUrl } = await web.open({ locale: 'fr-FR' });
    await pub.goto(pubUrl(paths.agenda('fr')));
    await heading(pub, textIn(demo.agenda.title, 'fr'));
    const versions = pub.getByRole('region', { name: t('fr', 'agenda.versions'), exact: true });
    const current = versions.locator('[aria-current="page"]');
    expect(squash(await current.innerText())).toContain(t('fr', 'agenda.version', { number: 2 }));
    await pub.getByRole('heading', { level: 4, name: newTitle, exact: true }).waitFor();

    const changes = pub.getByRole('region', { name: t('fr', 'agenda.changes.title'), exact: true });
    const log = (await changes.getByRole('listitem').allInnerTexts()).map(squash);
    const sentence = (id: string, values: Record<string, string>) => squash(t('fr', id, values));
    expect(log).toEqual(
      expect.arrayContaining([
        sentence('agenda.change.retitled', { previousTitle: oldTitle, title: newTitle }),
        sentence('agenda.change.moved', {
          title: movedTitle,
          from: position('fr', moved.day.date, moved.period, moved.item.number),
          to: position('fr', moved.day.date, moved.period, moved.item.number - 1),
        }),
        sentence('agenda.change.moved', {
          title: displacedTitle,
          from: position('fr', displaced.day.date, displaced.period, displaced.item.number),
          to: position('fr', displaced.day.date, displaced.period, displaced.item.number + 1),
        }),
      ]),
    );
    // Nothing else changed.
    expect(log).toHaveLength(3);
    expect(squash(await changes.innerText())).toContain(
      squash(t('fr', 'agenda.changes.since', { previous: 1, count: 3 })),
    );

    // Version 1 is still there, as published, with the old title.
    await versions.getByRole('link', { name: t('fr', 'agenda.version', { number: 1 }) }).click();
    await pub.waitForURL(pubUrl(`${paths.agenda('fr')}?version=1`));
    await pub.getByRole('heading', { level: 4, name: oldTitle, exact: true }).waitFor();
    expect(await pub.getByRole('heading', { level: 4, name: newTitle, exact: true }).count()).toBe(0);
    expect(squash(await versions.innerText())).toContain(squash(t('fr', 'agenda.olderVersion', { latest: 2 })));
  });

  test('on a 360 px phone the agenda editor fits the screen and passes axe', async () => {
    const office = await web.open({ device: 'phone', locale: 'fr-FR' });
    await signInByApi(office, staff.email, staff.password);
    await openEditor(office.page, office.url, 'fr');
    await expectNoAxeViolations(office.page);
    await expectFitsWidth(office.page);
  });
});

describe('the secretariat sets the participation rules', () => {
  test("types the closing of registration in the meeting's time zone, whatever the device's; it round-trips", async () => {
    // The browser runs in Honolulu (UTC−10); the meeting is in New York (UTC−5 on 31 March 2005).
    const office = await web.open({ locale: 'fr-FR' });
    const { page, url } = office;
    await signInByApi(office, staff.email, staff.password);
    const rulesUrl = url(`/api/meetings/${demo.slug}/participation-rules`);

    await page.goto(url(`/fr/admin/meetings/${demo.slug}`));
    const rules = page.getByRole('region', { name: t('fr', 'rules.heading'), exact: true });
    const closes = field(rules, 'fr', t('fr', 'rules.closes'));
    await closes.fill('2005-03-31T18:00');
    await rules.getByRole('button', { name: t('fr', 'form.save'), exact: true }).click();
    await rules.getByText(t('fr', 'editing.saved')).waitFor();
    const saved = (await (await page.request.get(rulesUrl)).json()) as { registrationClosesAt: string | null };
    expect(saved.registrationClosesAt).toBe('2005-03-31T23:00:00.000Z');

    await page.reload();
    await expect.poll(() => field(rules, 'fr', t('fr', 'rules.closes')).inputValue()).toBe('2005-03-31T18:00');
    await expectNoAxeViolations(page);

    // Back to the note's rules (no deadline), so the demo stays open for registration.
    await field(rules, 'fr', t('fr', 'rules.closes')).fill('');
    await rules.getByRole('button', { name: t('fr', 'form.save'), exact: true }).click();
    await rules.getByText(t('fr', 'editing.saved')).waitFor();
    const restored = (await (await page.request.get(rulesUrl)).json()) as { registrationClosesAt: string | null };
    expect(restored.registrationClosesAt).toBeNull();
  });
});
