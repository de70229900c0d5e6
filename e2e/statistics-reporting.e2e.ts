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
  type NewUser,
} from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser, type Device, type Session } from './support/browser.js';
import { t } from './support/demo.js';
import { isFocused, tabTo } from './support/keyboard.js';
import { expectFitsWidth } from './support/layout.js';

// Paraguay's report for 2023 is this file's own: the seed's GLOTIP figures stop at 2018 and no
// other journey reports for Paraguay. A focal point imports a file (one wrong row first), the
// secretariat returns the report once, then validates it, and the public sees the small count hidden.

const web = useBrowser();
const STATE = 'PRY';
const YEAR = 2023;
const REPORT = `/api/statistics/reports/${STATE}/${YEAR}`;
const RETURN_NOTE = 'Please confirm the number of persons convicted with the courts.';
const focal: NewUser = {
  email: uniqueEmail('reporting-fp-pry'),
  name: 'Paula Paraguay',
  role: 'focal_point',
  state: STATE,
  lang: 'en',
  password: 'paraguay counts every year',
};
const staff: NewUser = {
  email: uniqueEmail('reporting-secretariat'),
  name: 'Sergio Secretaría',
  role: 'secretariat',
  lang: 'en',
  password: 'the secretariat validates figures',
};
const TITLE = t('en', 'reporting.report.title', { state: 'Paraguay', year: YEAR });
/** Indicator code → English name, as the grid labels its inputs. */
let names: Record<string, string> = {};

beforeAll(async () => {
  await Promise.all([focal, staff].map(createUser));
});

const csv = (male: string) =>
  [
    'indicator,dimension,category,value,source',
    'victims_detected,total,total,12,Police',
    'victims_detected,sex,female,7,Police',
    `victims_detected,sex,male,${male},Police`,
    'victims_detected,sex,unknown,2,Police',
    'persons_convicted,total,total,3,Courts',
    '',
  ].join('\r\n');

const button = (scope: Page | Locator, id: string, values?: Record<string, string | number>) =>
  scope.getByRole('button', { name: t('en', id, values), exact: true });
const form = (page: Page, id: string) => page.getByRole('form', { name: t('en', id), exact: true });
/** The count input of a national total, named as a screen reader hears it. */
const totalInput = (page: Page, code: string) =>
  page.getByLabel(
    t('en', 'reporting.grid.inputLabel', {
      figure: t('en', 'reporting.grid.totalOf', { indicator: names[code] ?? code }),
      column: t('en', 'reporting.grid.value'),
    }),
    { exact: true },
  );

async function signedIn(user: NewUser, device: Device = 'desktop'): Promise<Session> {
  const session = await web.open({ device });
  await signInByApi(session, user.email, user.password);
  if (Object.keys(names).length === 0) {
    const res = await session.context.request.get(session.url('/api/statistics/indicators?lang=en'));
    const { items } = (await res.json()) as { items: { code: string; name: string }[] };
    names = Object.fromEntries(items.map((i) => [i.code, i.name]));
  }
  return session;
}

/** The secretariat opens the report from the waiting list of the queue. */
async function openFromQueue(session: Session): Promise<void> {
  const { page, url } = session;
  await page.goto(url('/en/statistics/reports'));
  await heading(page, t('en', 'reporting.title'));
  const waiting = page.getByRole('region', { name: /^Waiting for review/ });
  await waiting
    .getByRole('link', { name: t('en', 'reporting.list.stateYear', { state: 'Paraguay', year: YEAR }), exact: true })
    .click();
  await heading(page, TITLE);
}

describe('statistics reporting: report, review, publish', () => {
  test('a focal point imports a file with one wrong row, reads which, fixes it, saves by keyboard, submits', async () => {
    const session = await signedIn(focal);
    const { page, url } = session;
    // Provoked on purpose: the browser reports each of these answers (and logs it) as an error.
    session.problems.expect('a year not reported yet answers 404; a negative count, 400', (p) => p.url === url(REPORT));
    session.problems.expect('the file with a wrong row is refused with 400', (p) => p.url === url(`${REPORT}/import`));

    // The reports page is in the account menu of a focal point.
    await page.goto(url('/en'));
    await followUserMenu(page, 'en', focal.name, t('en', 'reporting.title'));
    await heading(page, t('en', 'reporting.title'));
    await page.getByText(t('en', 'reporting.list.none')).waitFor();
    await expectNoAxeViolations(page);
    await field(page, 'en', t('en', 'reporting.open.year')).selectOption(String(YEAR));
    await button(page, 'reporting.open.submit').click();
    await heading(page, TITLE);
    await page.getByText(t('en', 'reporting.report.new')).waitFor();
    await expectNoAxeViolations(page);

    // The templates download as files built from the framework.
    const template = page.getByRole('link', { name: t('en', 'reporting.import.templateCsv'), exact: true });
    const csvTemplate = await page.request.get(url((await template.getAttribute('href')) ?? ''));
    expect(csvTemplate.status()).toBe(200);
    expect((await csvTemplate.text()).split('\r\n')[0]?.replace(/"/g, '')).toBe(
      'indicator,indicator_name,dimension,category,value,source,notes,provisional,estimate',
    );

    // One wrong row: the file is refused whole, the row named, the grid unchanged.
    const upload = form(page, 'reporting.import.title');
    const file = upload.getByLabel(t('en', 'reporting.import.file'), { exact: true });
    await file.setInputFiles({ name: 'paraguay-2023.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('three')) });
    await button(upload, 'reporting.import.submit').click();
    const summary = errorSummary(upload, 'en');
    await summary.getByText(t('en', 'reporting.import.refused', { count: 1 })).waitFor();
    await summary
      .getByText(
        t('en', 'reporting.import.line', {
          line: 4,
          column: 'value',
          problem: t('en', 'reporting.problem.not_a_count'),
        }),
        { exact: true },
      )
      .waitFor();
    expect(await isFocused(summary)).toBe(true);
    expect(await totalInput(page, 'victims_detected').inputValue()).toBe('');

    // Fixed, the file goes in: the grid shows its figures.
    await file.setInputFiles({ name: 'paraguay-2023.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('3')) });
    await button(upload, 'reporting.import.submit').click();
    await upload.getByText(t('en', 'reporting.import.done', { rows: 5, file: 'paraguay-2023.csv' })).waitFor();
    await expect.poll(() => totalInput(page, 'victims_detected').inputValue()).toBe('12');
    expect(await totalInput(page, 'persons_convicted').inputValue()).toBe('3');
    // The sources the file gave are shown with their column.
    expect(await page.getByLabel(t('en', 'reporting.grid.details'), { exact: true }).isChecked()).toBe(true);

    // Keyboard only: Tab to a figure, type, Enter saves. A negative count is named next to its cell.
    const assisted = totalInput(page, 'victims_assisted');
    await tabTo(page, assisted, { max: 200 });
    await page.keyboard.type('-1');
    await page.keyboard.press('Enter');
    const grid = form(page, 'reporting.grid.title');
    const message = t('en', 'reporting.problem.at', {
      figure: t('en', 'reporting.grid.totalOf', { indicator: names.victims_assisted ?? '' }),
      problem: t('en', 'reporting.problem.not_a_count'),
    });
    await errorSummary(grid, 'en').getByRole('link', { name: message, exact: true }).waitFor();
    expect(await assisted.getAttribute('aria-invalid')).toBe('true');
    const described = (await assisted.getAttribute('aria-describedby')) ?? '';
    await expect.poll(() => page.locator(`[id="${described}"]`).textContent()).toContain(message);
    await expectNoAxeViolations(page);
    // Following the summary's link puts the focus back on the cell.
    await errorSummary(grid, 'en').getByRole('link', { name: message, exact: true }).press('Enter');
    await expect.poll(() => isFocused(assisted)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await grid.getByText(t('en', 'reporting.saved'), { exact: true }).waitFor();
    await expect.poll(() => assisted.getAttribute('aria-invalid')).toBe(null);

    await button(page, 'reporting.submit').click();
    await page.getByText(t('en', 'reporting.submitted'), { exact: true }).waitFor();
    await page.getByText(t('en', 'reporting.report.underReview')).waitFor();
    // Under review, the figures are read, not edited.
    expect(await totalInput(page, 'victims_detected').count()).toBe(0);
  });

  test('the secretariat finds it waiting and returns it with a comment (desktop, axe clean)', async () => {
    const session = await signedIn(staff);
    const { page } = session;
    await openFromQueue(session);
    const review = form(page, 'reporting.review.title');
    await review.waitFor();
    await expectNoAxeViolations(page);
    await review.getByLabel(t('en', 'reporting.review.return'), { exact: true }).check();
    await button(review, 'reporting.review.submit').click();
    await errorSummary(review, 'en').getByText(t('en', 'reporting.review.commentRequired')).waitFor();
    await field(review, 'en', t('en', 'reporting.review.comment')).fill(RETURN_NOTE);
    await button(review, 'reporting.review.submit').click();
    await page.getByText(t('en', 'reporting.review.done.return'), { exact: true }).waitFor();
    await page.getByText(t('en', 'reporting.report.returned')).waitFor();
    await expectNoAxeViolations(page);
  });

  test('on a phone, the focal point reads the comment and submits again (360 px, axe clean)', async () => {
    const session = await signedIn(focal, 'phone');
    const { page, url } = session;
    await page.goto(url(`/en/statistics/reports/${STATE}/${YEAR}`));
    await heading(page, TITLE);
    await page.getByText(RETURN_NOTE).first().waitFor();
    await expectNoAxeViolations(page);
    await expectFitsWidth(page);
    await button(page, 'reporting.submit').click();
    await page.getByText(t('en', 'reporting.submitted'), { exact: true }).waitFor();
    const history = page.getByRole('region', { name: t('en', 'reporting.history.title'), exact: true });
    await history.getByText(RETURN_NOTE).waitFor();
  });

  test('on a phone, the secretariat validates; the public data shows the small count suppressed', async () => {
    const session = await signedIn(staff, 'phone');
    const { page, url } = session;
    // Before validation, nothing of the report is public.
    const data = async (indicator: string) => {
      const res = await page.request.get(
        url(`/api/statistics/data?indicator=${indicator}&state=${STATE}&year=${YEAR}`),
      );
      expect(res.status()).toBe(200);
      return ((await res.json()) as { data: { breakdown: object; value: number | null; suppressed: boolean }[] }).data;
    };
    expect(await data('persons_convicted')).toEqual([]);

    await openFromQueue(session);
    const review = form(page, 'reporting.review.title');
    await review.waitFor();
    await expectNoAxeViolations(page);
    await expectFitsWidth(page);
    await review.getByLabel(t('en', 'reporting.review.validate'), { exact: true }).check();
    await button(review, 'reporting.review.submit').click();
    await page.getByText(t('en', 'reporting.review.done.validate'), { exact: true }).waitFor();
    await page.getByText(t('en', 'reporting.report.validated')).waitFor();

    // 3 persons convicted is below k = 5: published as suppressed, with no number.
    const convicted = (await data('persons_convicted')).find((p) => Object.keys(p.breakdown).length === 0);
    expect(convicted).toMatchObject({ value: null, suppressed: true });
    const male = (await data('victims_detected')).find((p) => (p.breakdown as Record<string, string>).sex === 'male');
    expect(male).toMatchObject({ value: null, suppressed: true });

    // A validated report can be corrected: that opens a new revision, the validated one stays public.
    await button(page, 'reporting.correct.open').click();
    await page.getByText(t('en', 'reporting.correct.note', { revision: 2 })).waitFor();
    await expectNoAxeViolations(page);
  });
});
