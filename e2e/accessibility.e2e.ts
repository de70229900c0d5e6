import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser, VIEWPORTS, type Device } from './support/browser.js';
import { demo, paths, t, textIn, type Lang } from './support/demo.js';
import { isFocused } from './support/keyboard.js';
import { expectFitsWidth } from './support/layout.js';

const web = useBrowser();

const DEVICES: Device[] = ['desktop', 'phone'];
// The original and a translation: markers, longer words and another date format all show up.
const AXE_LANGS: Lang[] = ['fr', 'es'];
const cases = DEVICES.flatMap((device) => AXE_LANGS.map((lang) => ({ device, lang })));

async function openLoaded(page: Page, url: string, heading: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

describe('axe-core (WCAG 2.1 A and AA)', () => {
  // One reader's path through the three pages (meetings, the meeting, its agenda), following
  // links as they would; each page is checked once it has loaded.
  test.for(cases)('meetings list, meeting and agenda in $lang on $device', async ({ device, lang }) => {
    const { page, url } = await web.open({ device });
    const check = async (heading: string) => {
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await expectNoAxeViolations(page);
      if (device === 'phone') await expectFitsWidth(page);
    };

    await page.goto(url(paths.meetings(lang)));
    await check(t(lang, 'meetings.title'));

    await page
      .getByRole('main')
      .getByRole('link', { name: textIn(demo.title, lang), exact: true })
      .click();
    await page.waitForURL(url(paths.meeting(lang)));
    await check(textIn(demo.title, lang));

    await page.getByRole('link', { name: t(lang, 'meeting.agendaLink'), exact: true }).click();
    await page.waitForURL(url(paths.agenda(lang)));
    await check(textIn(demo.agenda.title, lang));
  });
});

interface FocusStyle {
  outline: string;
  boxShadow: string;
}

describe('keyboard on the agenda page', () => {
  test('the first Tab reaches the skip link; Enter moves focus to the main content', async () => {
    const { page, url } = await web.open();
    await openLoaded(page, url(paths.agenda('fr')), textIn(demo.agenda.title, 'fr'));
    const skip = page.getByRole('link', { name: t('fr', 'nav.skip'), exact: true });

    await page.keyboard.press('Tab');
    expect(await isFocused(skip)).toBe(true);
    // Hidden off-screen until focused: a sighted keyboard user must see where they are.
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= VIEWPORTS.desktop.height).toBe(true);

    await page.keyboard.press('Enter');
    expect(await isFocused(page.getByRole('main'))).toBe(true);
    // And the next Tab continues inside the main content, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.getByRole('main').evaluate((main) => main.contains(document.activeElement))).toBe(true);
  });

  test('Tab reaches every interactive element, each with a visible focus indicator', async () => {
    const { page, url } = await web.open();
    await openLoaded(page, url(paths.agenda('fr')), textIn(demo.agenda.title, 'fr'));

    // Every element a reader can act on, in document order, with its look while not focused.
    const targets = await page.evaluate(() => {
      const selector =
        'a[href], button, input, select, textarea, summary, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';
      const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (el) => !el.closest('[hidden], [inert]') && getComputedStyle(el).display !== 'none',
      );
      (window as unknown as { e2eTargets: HTMLElement[] }).e2eTargets = elements;
      return elements.map((el) => {
        const style = getComputedStyle(el);
        return {
          label: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 60)}"`,
          outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
          boxShadow: style.boxShadow,
        };
      });
    });
    expect(targets.length).toBeGreaterThan(0);

    const reached = new Set<number>();
    const noIndicator: string[] = [];
    for (let presses = 0; presses < targets.length + 5; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        const index = (window as unknown as { e2eTargets: HTMLElement[] }).e2eTargets.indexOf(active as HTMLElement);
        if (!active || index < 0) return { index, style: null };
        const style = getComputedStyle(active);
        return {
          index,
          style: {
            outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            boxShadow: style.boxShadow,
            outlineShown: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
          },
        };
      });
      // Past the last element the focus leaves the page (or wraps to the first): one full round.
      if (focused.index < 0 || reached.has(focused.index)) break;
      reached.add(focused.index);
      const before = targets[focused.index] as FocusStyle & { label: string };
      const now = focused.style;
      const changed = now !== null && (now.outline !== before.outline || now.boxShadow !== before.boxShadow);
      const shown = now !== null && (now.outlineShown || now.boxShadow !== 'none');
      if (!changed || !shown) noIndicator.push(before.label);
    }

    const unreached = targets.filter((_, i) => !reached.has(i)).map((target) => target.label);
    expect(unreached, 'interactive elements Tab never reaches').toEqual([]);
    expect(noIndicator, 'elements without a visible focus indicator').toEqual([]);
  });
});
