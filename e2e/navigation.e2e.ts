import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { LANG_NAMES, LANGS, t, type Lang } from './support/demo.js';

const web = useBrowser();

describe('the first visit to /', () => {
  test.for<[string, Lang]>([
    ['pt-BR', 'pt'],
    // No German edition: English is the fallback.
    ['de-DE', 'en'],
  ])('a browser in %s lands on /%s', async ([locale, lang]) => {
    const { page, url } = await web.open({ locale });
    await page.goto(url('/'));
    await page.waitForURL(url(`/${lang}`));
    await page.getByRole('heading', { level: 1, name: t(lang, 'meetings.title'), exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  });
});

describe('pages that do not exist', () => {
  test('an unknown language offers the four languages, in the reader’s language', async () => {
    const { page, url, problems } = await web.open({ locale: 'es-MX' });
    // Outside the four languages the server knows the page is missing: it says so in the status
    // (404) while still sending the app, which explains it in the reader's language.
    problems.expect('GET /xx/ answers 404', (p) => new URL(p.url).pathname === '/xx/');
    const response = await page.goto(url('/xx/'));
    expect(response?.status()).toBe(404);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: t('es', 'notFound.title'), exact: true }).waitFor();
    expect(await main.innerText()).toContain(t('es', 'notFound.language'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    for (const lang of LANGS) {
      const link = main.getByRole('link', { name: LANG_NAMES[lang], exact: true });
      expect(await link.getAttribute('href')).toBe(`/${lang}`);
    }
    await expectNoAxeViolations(page);

    await main.getByRole('link', { name: LANG_NAMES.fr, exact: true }).click();
    await page.waitForURL(url('/fr'));
    await page.getByRole('heading', { level: 1, name: t('fr', 'meetings.title'), exact: true }).waitFor();
  });

  test('an unknown meeting shows a translated not-found page', async () => {
    const { page, url, problems } = await web.open();
    // The page asks the API for the meeting, which rightly answers 404 (Chromium logs it too).
    problems.expect('GET /api/meetings/no-such-meeting answers 404', (p) =>
      p.url.includes('/api/meetings/no-such-meeting?'),
    );
    await page.goto(url('/fr/meetings/no-such-meeting'));
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: t('fr', 'notFound.title'), exact: true }).waitFor();
    expect(await main.innerText()).toContain(t('fr', 'notFound.body'));
    expect(await main.getByRole('link', { name: t('fr', 'notFound.home'), exact: true }).getAttribute('href')).toBe(
      '/fr',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toContain(t('fr', 'notFound.title'));
    await expectNoAxeViolations(page);
  });
});
