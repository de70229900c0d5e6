import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createUser, signInByApi, uniqueEmail, type NewUser } from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser, type Session } from './support/browser.js';
import { t, type Lang } from './support/demo.js';
import { isFocused, tabTo } from './support/keyboard.js';
import { expectFitsWidth } from './support/layout.js';

// Validates one report, Saint Kitts and Nevis for 2002 (a state and year the GLOTIP file does not
// cover and no other journey writes); every other figure read here is the seeded GLOTIP file.

const web = useBrowser();
const staff: NewUser = {
  email: uniqueEmail('dashboard-secretariat'),
  name: 'Sofía Estadística',
  role: 'secretariat',
  lang: 'en',
  password: 'only aggregates ever leave this office',
};
const KNA = 'KNA';
const YEAR = 2002;

interface Point {
  indicator: string;
  state: string;
  year: number;
  breakdown: Record<string, string>;
  value: number | null;
  shownAs: string;
  origin: 'reported' | 'public_source';
}

/** A write through the API as the signed-in secretariat, with the session's CSRF token. */
async function write(request: APIRequestContext, url: string, method: 'PUT' | 'POST', data: object) {
  const session = (await (await request.get(url.replace(/\/api\/.*/, '/api/auth/session'))).json()) as {
    csrfToken: string;
  };
  const res = await request.fetch(url, { method, data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.ok(), await res.text()).toBe(true);
}

beforeAll(async () => {
  await createUser(staff);
});

async function getJson<T>(session: Session, path: string): Promise<T> {
  const res = await session.context.request.get(session.url(path));
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** Every figure of a filter, following the data API's pages. */
async function allPages(session: Session, path: string): Promise<Point[]> {
  const out: Point[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: Point[]; nextCursor: string | null } = await getJson(
      session,
      `${path}&limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** A state's name as the pages show it in `lang`. */
async function stateName(session: Session, lang: Lang, iso3: string): Promise<string> {
  const { items } = await getJson<{ items: { iso3: string; name: string }[] }>(
    session,
    `/api/member-states?lang=${lang}`,
  );
  const name = items.find((s) => s.iso3 === iso3)?.name;
  if (!name) throw new Error(`no member state ${iso3}`);
  return name;
}

/** An indicator's name in `lang`, as the framework gives it. */
async function indicatorName(session: Session, lang: Lang, code: string): Promise<string> {
  const { items } = await getJson<{ items: { code: string; name: string }[] }>(
    session,
    `/api/statistics/indicators?lang=${lang}`,
  );
  const name = items.find((i) => i.code === code)?.name;
  if (!name) throw new Error(`no indicator ${code}`);
  return name;
}

/** A figure as a reader of `lang` sees it: the number in their format, or the mark it was published with. */
const shown = (lang: Lang, p: Pick<Point, 'value' | 'shownAs'>) =>
  p.value === null ? p.shownAs : new Intl.NumberFormat(lang).format(p.value);

type Row = { series: string; source: string; cells: Record<string, string> };

/** The rows of the data table captioned `caption`: each series and its visible figure per year. */
async function tableRows(page: Page, caption: string): Promise<Row[]> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) }).first();
  await table.waitFor();
  return table.evaluate((el) =>
    [...el.querySelectorAll('tbody tr')].map((tr) => {
      const cells: Record<string, string> = {};
      for (const td of tr.querySelectorAll<HTMLElement>('td[data-year]')) {
        const copy = td.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
        cells[td.dataset.year ?? ''] = (copy.textContent ?? '').trim();
      }
      return {
        series: tr.querySelector('th')?.textContent?.trim() ?? '',
        source: tr.querySelector('td.source')?.textContent?.trim() ?? '',
        cells,
      };
    }),
  );
}

/** A dashboard is ready once its charts are drawn (Plot loads on demand): leaving earlier would cancel requests. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.locator('.stats-chart svg').first().waitFor();
}

describe('public statistics dashboards', () => {
  beforeAll(async () => {
    // The secretariat reports for a small state itself: 3 women among 12 victims (hidden, and the
    // men with them so the total cannot give the 3 away), 6 prosecuted and 0 convicted (zero shows).
    const session = await web.open();
    await signInByApi(session, staff.email, staff.password);
    const report = session.url(`/api/statistics/reports/${KNA}/${YEAR}`);
    const request = session.context.request;
    await write(request, report, 'PUT', {
      values: [
        { indicator: 'victims_detected', breakdown: {}, value: 12 },
        { indicator: 'victims_detected', breakdown: { sex: 'female' }, value: 3 },
        { indicator: 'victims_detected', breakdown: { sex: 'male' }, value: 9 },
        { indicator: 'persons_prosecuted', breakdown: {}, value: 6 },
        { indicator: 'persons_convicted', breakdown: {}, value: 0 },
      ],
    });
    await write(request, `${report}/submission`, 'POST', {});
    await write(request, `${report}/review`, 'POST', { decision: 'validate' });
    await session.context.close();
  });

  test('the index opens on GLOTIP’s real figures, table and API agreeing, in English and Spanish', async () => {
    for (const lang of ['en', 'es'] as const) {
      const session = await web.open({ locale: lang });
      const { page, url } = session;
      await page.goto(url(`/${lang}`));
      // Leaving the home page before its answers came would cancel them.
      await page.waitForLoadState('networkidle');
      await page
        .getByRole('navigation', { name: t(lang, 'nav.main'), exact: true })
        .getByRole('link', { name: t(lang, 'nav.statistics'), exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: t(lang, 'statsDash.title'), exact: true }).waitFor();
      await chartsDrawn(page);
      const { items } = await getJson<{ items: { code: string; name: string; definition: string }[] }>(
        session,
        `/api/statistics/indicators?lang=${lang}`,
      );
      const victims = items.find((i) => i.code === 'victims_detected');
      if (!victims) throw new Error('no victims_detected indicator');
      // Names and definitions in the reader's language, each leading to its dashboard.
      for (const i of items) await page.getByRole('link', { name: i.name, exact: true }).waitFor();
      await page.getByText(victims.definition, { exact: true }).waitFor();

      const caption = t(lang, 'statsDash.headline.what', {
        indicator: victims.name,
        breakdown: t(lang, 'statsDash.breakdown.total'),
      });
      const rows = await tableRows(page, caption);
      // Every page: the indicator across states is more than one page of whole tables.
      const data = await allPages(session, '/api/statistics/data?indicator=victims_detected');
      const glotip = data.filter((p) => p.origin === 'public_source' && Object.keys(p.breakdown).length === 0);
      const states = new Set(glotip.map((p) => p.state));
      expect(states.size, 'states with a GLOTIP national total').toBeGreaterThan(25);
      const { items: names } = await getJson<{ items: { iso3: string; name: string }[] }>(
        session,
        `/api/member-states?lang=${lang}`,
      );
      // Every GLOTIP national total in the API is in the table, shown exactly as published.
      for (const iso3 of states) {
        const name = names.find((s) => s.iso3 === iso3)?.name;
        const row = rows.find((r) => r.series === name && r.source === 'GLOTIP');
        expect(row, `${iso3}'s GLOTIP row`).toBeDefined();
        const expected = Object.fromEntries(
          glotip.filter((p) => p.state === iso3).map((p) => [String(p.year), shown(lang, p)]),
        );
        const got = Object.fromEntries(Object.entries(row?.cells ?? {}).filter(([, v]) => v !== '—'));
        expect(got, `${iso3}'s row`).toEqual(expected);
      }
      // The hemisphere: the sum of validated reports (Saint Kitts and Nevis's 12 among them), as the API gives it.
      const hemisphere = await getJson<{ data: Point[] }>(
        session,
        `/api/statistics/aggregates?indicator=victims_detected&year=${YEAR}`,
      );
      const total = hemisphere.data.find((p) => Object.keys(p.breakdown).length === 0);
      if (!total) throw new Error('no hemispheric total');
      const hemisphereRow = rows.find((r) => r.series === t(lang, 'statsDash.region.hemisphere'));
      expect(hemisphereRow?.cells[String(YEAR)]).toBe(shown(lang, total));
      await expectNoAxeViolations(page);
    }

    const phone = await web.open({ device: 'phone', locale: 'es' });
    await phone.page.goto(phone.url('/es/statistics'));
    await phone.page.getByRole('heading', { level: 1, name: t('es', 'statsDash.title'), exact: true }).waitFor();
    await chartsDrawn(phone.page);
    await expectFitsWidth(phone.page);
    await expectNoAxeViolations(phone.page);
  });

  test('a state’s dashboard shows "<5" where due, zero as 0, GLOTIP’s own "<5" as published, and the scorecard', async () => {
    const session = await web.open({ locale: 'fr' });
    const { page, url } = session;
    const { minCell } = await getJson<{ minCell: number }>(session, '/api/statistics/data?year=1900');
    const victimsName = await indicatorName(session, 'fr', 'victims_detected');
    const victims = t('fr', 'statsDash.indicator.what', {
      indicator: victimsName,
      breakdown: t('fr', 'statsDash.breakdown.total'),
    });

    // GLOTIP published the Bahamas' 2014 total as "<5": it stays exactly that.
    const bahamas = await getJson<{ data: Point[] }>(
      session,
      '/api/statistics/data?indicator=victims_detected&state=BHS&year=2014',
    );
    const published = bahamas.data.find((p) => p.origin === 'public_source' && !Object.keys(p.breakdown).length);
    expect(published).toMatchObject({ value: null, shownAs: '<5' });
    await page.goto(url('/fr/countries/BHS'));
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: t('fr', 'countryProfile.statisticsLink'), exact: true }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: t('fr', 'statsDash.state.title', { state: await stateName(session, 'fr', 'BHS') }),
      })
      .waitFor();
    await chartsDrawn(page);
    const glotipRow = (await tableRows(page, victims)).find((r) => r.source === 'GLOTIP');
    expect(glotipRow?.cells['2014']).toBe('<5');

    const name = await stateName(session, 'fr', KNA);
    await page.goto(url(`/fr/statistics/states/${KNA}`));
    await page.getByRole('heading', { level: 1, name: t('fr', 'statsDash.state.title', { state: name }) }).waitFor();
    await chartsDrawn(page);
    const reported = t('fr', 'statsDash.source.reportedShort');
    const total = (await tableRows(page, victims)).find((r) => r.source === reported);
    expect(total?.cells[String(YEAR)]).toBe('12');
    // By sex: 3 women is below k, and the 9 men are hidden too (12 − 9 would give the 3 away).
    await page
      .getByLabel(t('fr', 'statsDash.breakdownOf', { indicator: victimsName }))
      .selectOption({ label: t('fr', 'statsDash.dimension.sex') });
    const bySex = await tableRows(
      page,
      t('fr', 'statsDash.indicator.what', { indicator: victimsName, breakdown: t('fr', 'statsDash.dimension.sex') }),
    );
    const sexIs = (category: string) =>
      t('fr', 'statsDash.breakdown.item', {
        dimension: t('fr', 'statsDash.dimension.sex'),
        category: t('fr', `statsDash.category.${category}`),
      });
    const women = bySex.find((r) => r.series === sexIs('female'));
    const men = bySex.find((r) => r.series === sexIs('male'));
    expect(women?.cells[String(YEAR)]).toBe(`<${minCell}`);
    expect(men?.cells[String(YEAR)]).toBe(`<${minCell}`);
    const convicted = (
      await tableRows(
        page,
        t('fr', 'statsDash.indicator.what', {
          indicator: await indicatorName(session, 'fr', 'persons_convicted'),
          breakdown: t('fr', 'statsDash.breakdown.total'),
        }),
      )
    ).find((r) => r.source === reported);
    expect(convicted?.cells[String(YEAR)]).toBe('0');

    // The scorecard of that year, with how it is computed.
    const scorecard = page.getByRole('region', { name: t('fr', 'statsDash.scorecard.title'), exact: true });
    await scorecard.getByLabel(t('fr', 'statsDash.scorecard.year')).selectOption(String(YEAR));
    await scorecard.getByText(t('fr', 'statsDash.scorecard.status.validated'), { exact: true }).waitFor();
    await scorecard
      .getByText(t('fr', 'statsDash.scorecard.completenessValue', { reported: 3, total: 7 }), { exact: false })
      .waitFor();
    await scorecard.getByText(t('fr', 'statsDash.scorecard.method', { k: minCell }), { exact: true }).waitFor();
    await expectNoAxeViolations(page);

    const phone = await web.open({ device: 'phone', locale: 'fr' });
    await phone.page.goto(phone.url(`/fr/statistics/states/${KNA}`));
    await phone.page.getByRole('region', { name: t('fr', 'statsDash.scorecard.title'), exact: true }).waitFor();
    await chartsDrawn(phone.page);
    await expectFitsWidth(phone.page);
    await expectNoAxeViolations(phone.page);
  });

  test('the indicator dashboard: selectors by keyboard, states and regions compared, CSV downloads', async () => {
    const session = await web.open();
    const { page, url } = session;
    const victims = await indicatorName(session, 'en', 'victims_detected');
    await page.goto(url('/en/statistics/indicators/victims_detected'));
    await page.getByRole('heading', { level: 1, name: victims, exact: true }).waitFor();
    await chartsDrawn(page);
    const name = await stateName(session, 'en', KNA);

    // Tick Saint Kitts and Nevis with the keyboard alone.
    const box = page.getByRole('checkbox', { name, exact: true });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    expect(await isFocused(box)).toBe(true);
    const what = (breakdown: string) => t('en', 'statsDash.indicator.what', { indicator: victims, breakdown });
    const rows = await tableRows(page, what(t('en', 'statsDash.breakdown.total')));
    const reported = t('en', 'statsDash.source.reportedShort');
    expect(rows.find((r) => r.series === name && r.source === reported)?.cells[String(YEAR)]).toBe('12');

    // The breakdown and category selects are reached and worked with the keyboard too: the first
    // breakdown after the national total is the framework's first, sex; its first category, female.
    const breakdown = page.getByLabel(t('en', 'statsDash.breakdown'), { exact: true });
    await tabTo(page, breakdown, { backwards: true });
    await page.keyboard.press('ArrowDown');
    expect(await breakdown.inputValue()).toBe('sex');
    const category = page.getByLabel(t('en', 'statsDash.category'), { exact: true });
    await category.waitFor();
    await page.keyboard.press('Tab');
    expect(await isFocused(category)).toBe(true);
    expect(await category.inputValue()).toBe('sex=female');
    const female = t('en', 'statsDash.breakdown.item', {
      dimension: t('en', 'statsDash.dimension.sex'),
      category: t('en', 'statsDash.category.female'),
    });
    const { minCell } = await getJson<{ minCell: number }>(session, '/api/statistics/data?year=1900');
    const bySex = await tableRows(page, what(female));
    expect(bySex.find((r) => r.series === name && r.source === reported)?.cells[String(YEAR)]).toBe(`<${minCell}`);
    // Regions sum validated reports only, suppressed again: the hemisphere by default, a subregion on demand.
    await page.getByRole('checkbox', { name: t('en', 'countries.subregion.caribbean'), exact: true }).check();
    const withRegions = await tableRows(page, what(female));
    for (const [region, label] of [
      ['hemisphere', t('en', 'statsDash.region.hemisphere')],
      ['caribbean', t('en', 'countries.subregion.caribbean')],
    ]) {
      const sums = await getJson<{ data: Point[] }>(
        session,
        `/api/statistics/aggregates?indicator=victims_detected&year=${YEAR}&region=${region}`,
      );
      const cell = sums.data.find((p) => p.breakdown.sex === 'female' && Object.keys(p.breakdown).length === 1);
      if (!cell) throw new Error(`no ${region} figure for women`);
      const row = withRegions.find((r) => r.series === label);
      expect(row?.source, `${region}'s source`).toBe(t('en', 'statsDash.source.regionalShort'));
      expect(row?.cells[String(YEAR)], region).toBe(shown('en', cell));
    }
    await chartsDrawn(page);
    await expectNoAxeViolations(page);

    // The downloads carry the same filter and the same suppression.
    const link = page.getByRole('link', { name: `${t('en', 'statsDash.download.csv')} — ${name}`, exact: true });
    const href = session.url((await link.getAttribute('href')) ?? '');
    expect(href).toContain(`indicator=victims_detected&state=${KNA}`);
    // The link carries the download attribute: the browser saves the file without navigating.
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = await readFile(await file.path(), 'utf8');
    expect(file.suggestedFilename()).toBe('statistics.csv');
    expect(csv.split('\r\n')[0]).toBe('"indicator","state","year","breakdown","value","suppressed","origin","source"');
    expect(csv).toContain(`"victims_detected","${KNA}","${YEAR}","","12","no","reported"`);
    expect(csv).toContain(`"victims_detected","${KNA}","${YEAR}","sex=female","<${minCell}","yes","reported"`);
    expect(csv).not.toMatch(/"sex=female","3"/);

    const phone = await web.open({ device: 'phone', locale: 'pt' });
    await phone.page.goto(phone.url('/pt/statistics/indicators/persons_convicted'));
    const convicted = await indicatorName(phone, 'pt', 'persons_convicted');
    await phone.page.getByRole('heading', { level: 1, name: convicted, exact: true }).waitFor();
    await chartsDrawn(phone.page);
    await expectFitsWidth(phone.page);
    await expectNoAxeViolations(phone.page);
  });

  test('the methodology states the rule with the deployment’s k, in Portuguese and English', async () => {
    for (const [lang, device] of [
      ['pt', 'phone'],
      ['en', 'desktop'],
    ] as const) {
      const session = await web.open({ device, locale: lang });
      const { page, url } = session;
      const { minCell } = await getJson<{ minCell: number }>(session, '/api/statistics/data?year=1900');
      await page.goto(url(`/${lang}/statistics`));
      await chartsDrawn(page);
      await page.getByRole('link', { name: t(lang, 'statsDash.methodologyLink'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t(lang, 'statsDash.method.title'), exact: true }).waitFor();
      for (const part of ['primary', 'secondary', 'zero', 'public', 'comparisons']) {
        await page
          .getByText(t(lang, `statsDash.method.${part}`, { k: minCell, below: minCell - 1 }), { exact: true })
          .waitFor();
      }
      await page.getByRole('heading', { level: 3, name: /victims_detected/ }).waitFor();
      await expectFitsWidth(page);
      await expectNoAxeViolations(page);
    }
  });
});
