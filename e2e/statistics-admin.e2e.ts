import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  createUser,
  errorSummary,
  field,
  followUserMenu,
  heading,
  signInByApi,
  uniqueEmail,
  userMenuButton,
  type NewUser,
} from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser, type Device, type Session } from './support/browser.js';
import { LANGS, t, type Lang } from './support/demo.js';
import { expectFitsWidth } from './support/layout.js';

// Creates its own indicator (a code no other run uses) and edits only that one; the GLOTIP file
// loads Uruguay's persons convicted for 1990, a year the seed's file and other journeys never touch.

const web = useBrowser();
const CODE = `e2e_admin_${randomBytes(3).toString('hex')}`;
const staff: NewUser = {
  email: uniqueEmail('stats-admin-secretariat'),
  name: 'Irene Indicadores',
  role: 'secretariat',
  lang: 'en',
  password: 'the framework is ours to keep',
};
const focal: NewUser = {
  email: uniqueEmail('stats-admin-fp'),
  name: 'Fabio Focal',
  role: 'focal_point',
  state: 'URY',
  lang: 'en',
  password: 'focal points report, they do not edit',
};
const TITLE = t('en', 'statsAdmin.title');
const GLOTIP_CSV = [
  'Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source',
  'URY,Uruguay,Americas,LAC,Persons convicted,Total,Total,Total,Total,1990,Counts,"1,001",GLOTIP',
  '',
].join('\n');

beforeAll(async () => {
  await Promise.all([staff, focal].map(createUser));
});

async function signedIn(user: NewUser, device: Device = 'desktop'): Promise<Session> {
  const session = await web.open({ device });
  await signInByApi(session, user.email, user.password);
  return session;
}

const button = (scope: Page | Locator, id: string, values?: Record<string, string | number>) =>
  scope.getByRole('button', { name: t('en', id, values), exact: true });
const form = (page: Page, id: string, values?: Record<string, string>) =>
  page.getByRole('form', { name: t('en', id, values), exact: true });
const textLabel = (kind: string, lang: Lang) =>
  t('en', 'statsAdmin.field.inLanguage', {
    field: t('en', `statsAdmin.field.${kind}`),
    language: t('en', `lang.name.${lang}`),
  });

describe('statistics administration', () => {
  test('the secretariat adds an indicator, edits its Spanish definition, sees a field error and loads a GLOTIP file', async () => {
    const session = await signedIn(staff);
    const { page, url } = session;
    session.problems.expect('a unit with capitals is refused with 400', (p) =>
      p.url.includes(`/api/statistics/indicators/${CODE}`),
    );

    // The page is in the secretariat's account menu, next to the statistical reports.
    await page.goto(url('/en'));
    await followUserMenu(page, 'en', staff.name, TITLE);
    await heading(page, TITLE);
    await page.getByRole('table', { name: /indicators in the framework/ }).waitFor();
    await expectNoAxeViolations(page);

    // A new indicator: its texts in the four languages side by side.
    await button(page, 'statsAdmin.indicators.new').click();
    const create = form(page, 'statsAdmin.form.new');
    await field(create, 'en', t('en', 'statsAdmin.field.code')).fill(CODE);
    for (const kind of ['name', 'definition', 'methodology']) {
      for (const lang of LANGS) {
        await field(create, 'en', textLabel(kind, lang)).fill(`${kind} ${lang} ${CODE}`);
      }
    }
    await field(create, 'en', t('en', 'statsAdmin.field.breakdowns')).fill('sex: female, male');
    await expectNoAxeViolations(page);
    await button(create, 'statsAdmin.form.create').click();
    await page.getByText(t('en', 'statsAdmin.saved', { code: CODE }), { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CODE, exact: true }) });
    await row.getByRole('cell', { name: `name en ${CODE}`, exact: true }).waitFor();

    // Its Spanish definition changed: the Spanish API says it at once.
    const definition = `Personas condenadas en primera instancia (${CODE}).`;
    await row.getByRole('button', { name: `${t('en', 'statsAdmin.table.edit')} name en ${CODE}` }).click();
    const edit = form(page, 'statsAdmin.form.edit', { code: CODE });
    const spanish = field(edit, 'en', textLabel('definition', 'es'));
    expect(await spanish.inputValue()).toBe(`definition es ${CODE}`);
    await spanish.fill(definition);
    await button(edit, 'statsAdmin.form.save').click();
    await page.getByText(t('en', 'statsAdmin.saved', { code: CODE }), { exact: true }).waitFor();
    const res = await page.request.get(url('/api/statistics/indicators?lang=es'));
    const { items } = (await res.json()) as { items: { code: string; definition: string }[] };
    expect(items.find((i) => i.code === CODE)?.definition).toBe(definition);

    // A unit the framework does not take: the server's refusal is shown next to the unit.
    await row.getByRole('button', { name: `${t('en', 'statsAdmin.table.edit')} name en ${CODE}` }).click();
    const again = form(page, 'statsAdmin.form.edit', { code: CODE });
    const unit = field(again, 'en', t('en', 'statsAdmin.field.unit'));
    await unit.fill('Persons!');
    await button(again, 'statsAdmin.form.save').click();
    await errorSummary(again, 'en')
      .getByRole('link', { name: t('en', 'form.error.invalid') })
      .waitFor();
    expect(await unit.getAttribute('aria-invalid')).toBe('true');
    expect(await again.locator('#indicator-unit-error').innerText()).toContain(t('en', 'form.error.invalid'));
    await expectNoAxeViolations(page);
    await button(again, 'statsAdmin.form.cancel').click();

    // A GLOTIP file: uploaded, then what it did summed up (a second run finds it unchanged).
    const upload = form(page, 'statsAdmin.glotip.title');
    await upload
      .getByLabel(t('en', 'statsAdmin.glotip.file'), { exact: true })
      .setInputFiles({ name: 'glotip-1990.csv', mimeType: 'text/csv', buffer: Buffer.from(GLOTIP_CSV) });
    await button(upload, 'statsAdmin.glotip.submit').click();
    await page.getByText(t('en', 'statsAdmin.glotip.done', { file: 'glotip-1990.csv', rows: 1 })).waitFor();
    const summary = page.getByRole('region', {
      name: t('en', 'statsAdmin.glotip.summary', { file: 'glotip-1990.csv' }),
    });
    expect(await summary.innerText()).toMatch(new RegExp(`${t('en', 'statsAdmin.glotip.rows')}\\s*1`));
    const data = await page.request.get(url('/api/statistics/data?indicator=persons_convicted&state=URY&year=1990'));
    const points = ((await data.json()) as { data: { breakdown: object; value: number | null }[] }).data;
    expect(points.find((p) => Object.keys(p.breakdown).length === 0)?.value).toBe(1001);
    await expectNoAxeViolations(page);
  });

  test('a refused GLOTIP file is named line by line, on a 360 px phone too', async () => {
    const session = await signedIn(staff, 'phone');
    const { page, url } = session;
    session.problems.expect('a file with a wrong line is refused with 400', (p) =>
      p.url.endsWith('/api/statistics/glotip/import'),
    );
    await page.goto(url('/en/statistics/admin'));
    await heading(page, TITLE);
    await page.getByRole('table', { name: /indicators in the framework/ }).waitFor();
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);
    const upload = form(page, 'statsAdmin.glotip.title');
    await upload.getByLabel(t('en', 'statsAdmin.glotip.file'), { exact: true }).setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(GLOTIP_CSV.replace('"1,001"', 'many')),
    });
    await button(upload, 'statsAdmin.glotip.submit').click();
    await errorSummary(upload, 'en')
      .getByText(t('en', 'reporting.import.refused', { count: 1 }))
      .waitFor();
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);
  });

  test('a focal point has no link to it, and opened directly the page says not allowed', async () => {
    const { page, url } = await signedIn(focal);
    await page.goto(url('/en'));
    await userMenuButton(page, 'en', focal.name).click();
    const menu = page.getByRole('navigation', { name: t('en', 'nav.account'), exact: true });
    await menu.getByRole('link', { name: t('en', 'reporting.title'), exact: true }).waitFor();
    expect(await menu.getByRole('link', { name: TITLE, exact: true }).count()).toBe(0);
    await page.goto(url('/en/statistics/admin'));
    await heading(page, t('en', 'guard.notAllowed.title'));
    expect(await page.getByRole('main').innerText()).toContain(t('en', 'guard.notAllowed.body'));
  });
});
