import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createUser, signInByApi, uniqueEmail, type NewUser } from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { t, type Lang } from './support/demo.js';
import { isFocused, tabTo } from './support/keyboard.js';
import { expectFitsWidth } from './support/layout.js';

// Reads the demo treaty data as seeded (server/db/seed/data/tip-protocol-actions.csv); writes one
// ILO C182 action (an instrument no other journey reads) and one entry of Chile's framework.

const web = useBrowser();
const staff: NewUser = {
  email: uniqueEmail('treaties-secretariat'),
  name: 'Tomás Tratados',
  role: 'secretariat',
  lang: 'en',
  password: 'the protocol entered into force in 2003',
};
// Chile's national framework is this file's own: no other journey proposes for it.
const focalCHL: NewUser = {
  email: uniqueEmail('treaties-fp-chl'),
  name: 'Camila Punto Focal',
  role: 'focal_point',
  state: 'CHL',
  lang: 'en',
  password: 'chile ratified on the 29th of november',
};
beforeAll(async () => {
  await Promise.all([staff, focalCHL].map(createUser));
});
const MEETING_DAY = '2005-04-06';
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** The count the legend gives for a status. */
async function legendCount(page: Page, lang: Lang, status: string): Promise<number> {
  const legend = page.getByRole('list', { name: t(lang, 'treaties.legend'), exact: true });
  const item = legend.getByRole('listitem').filter({ hasText: t(lang, `treaties.status.${status}`) });
  return Number((await item.locator('.legend-count').textContent())?.replace(/\D/g, ''));
}

/** The rows of the table whose status cell says `status`. */
async function tableCount(page: Page, lang: Lang, status: string): Promise<number> {
  return page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByText(t(lang, `treaties.status.${status}`), { exact: true }) })
    .count();
}

describe('treaties: the hemisphere on the day of the meeting', () => {
  test('the slider to 6 April 2005: legend and table agree on the parties; a profile opens; axe clean', async () => {
    const { page, url } = await web.open();
    // Each date asks the server once; a date left before its answer came cancels that request,
    // which the problem watch reports. So every step waits for its answer, as a reader would.
    const answered = (asOf: string | null) =>
      page.waitForResponse(
        (r) =>
          r.url().includes('/api/treaties/tip-protocol/status') && (asOf === null || r.url().includes(`asOf=${asOf}`)),
      );
    const first = answered(null);
    await page.goto(url('/en/treaties'));
    await first;
    await page.getByRole('heading', { level: 1, name: t('en', 'treaties.title') }).waitFor();
    const slider = page.getByLabel(
      new RegExp(`^${t('en', 'treaties.slider', { from: '2000' }).replace(/[()]/g, '\\$&')}`),
    );
    await slider.waitFor();
    // Keyboard: the slider is reachable with Tab and moves with the arrow keys.
    await tabTo(page, slider);
    expect(await isFocused(slider)).toBe(true);
    const dateField = page.getByLabel(t('en', 'treaties.date'), { exact: true });
    const nextDay = answered('2005-04-07');
    await slider.fill(String(dayNumber(MEETING_DAY) + 1));
    await expect.poll(() => dateField.inputValue()).toBe('2005-04-07');
    await nextDay;
    await slider.focus();
    const meetingDay = answered(MEETING_DAY);
    await page.keyboard.press('ArrowLeft');
    await meetingDay;
    await expect.poll(() => dateField.inputValue()).toBe(MEETING_DAY);
    expect(await slider.getAttribute('aria-valuetext')).toBe('April 6, 2005');
    await page.getByRole('heading', { level: 2, name: 'Status on April 6, 2005' }).waitFor();

    const parties = await legendCount(page, 'en', 'party');
    expect(parties).toBe(20);
    expect(await tableCount(page, 'en', 'party')).toBe(parties);
    expect(await legendCount(page, 'en', 'uncertain')).toBe(1);
    expect(await tableCount(page, 'en', 'uncertain')).toBe(1);
    // The map says it too: a title for every member state.
    const map = page.getByRole('group', { name: /^Map of the Americas/ });
    expect(await map.locator('title').count()).toBe(36);
    expect(await map.locator('.status-party').count()).toBe(20);
    await expectNoAxeViolations(page);

    // Sorting by status puts the parties first.
    await page.getByRole('button', { name: /^Status/ }).click();
    const firstStatus = page.getByRole('table').getByRole('row').nth(1).getByRole('cell').first();
    expect(await firstStatus.textContent()).toBe('Party');

    await page.getByRole('link', { name: 'Uruguay', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Uruguay' }).waitFor();
    await page
      .getByText(/Kelley & Simmons/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page);
  });

  test('the date field in Spanish, on a phone: the same counts, nothing wider than the screen', async () => {
    const { page, url } = await web.open({ device: 'phone', locale: 'es' });
    await page.goto(url(`/es/treaties?asOf=${MEETING_DAY}`));
    await page.getByRole('heading', { level: 1, name: t('es', 'treaties.title') }).waitFor();
    // The counts of the day in the address first, as a reader would see them before changing the date
    // (changing it earlier cancels that first request, which the problem watch would report).
    await expect.poll(() => legendCount(page, 'es', 'party')).toBe(20);
    await page.getByLabel(t('es', 'treaties.date'), { exact: true }).fill('2004-12-30');
    await page.getByRole('list', { name: t('es', 'treaties.legend') }).waitFor();
    await expect.poll(() => legendCount(page, 'es', 'uncertain')).toBe(4);
    await page.getByLabel(t('es', 'treaties.date'), { exact: true }).fill(MEETING_DAY);
    await expect.poll(() => legendCount(page, 'es', 'uncertain')).toBe(1);
    expect(await legendCount(page, 'es', 'party')).toBe(20);
    expect(await tableCount(page, 'es', 'party')).toBe(20);
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);
    await page.goto(url('/es/countries/ARG'));
    await page.getByRole('heading', { level: 1, name: 'Argentina' }).waitFor();
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);
  });

  test('the secretariat imports a CSV: line-level problems and nothing written, then a clean file', async () => {
    const session = await web.open();
    const { page, url } = session;
    await signInByApi(session, staff.email, staff.password);
    session.problems.expect('a file with bad lines: POST /api/treaty-actions/import answers 400', (p) =>
      p.url.endsWith('/api/treaty-actions/import'),
    );
    await page.goto(url('/en/treaties'));
    const file = page.getByLabel(t('en', 'treaties.import.file'), { exact: true });
    const submit = page.getByRole('button', { name: t('en', 'treaties.import.submit'), exact: true });
    const csv = (rows: string[]) => ({
      name: 'actions.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['instrument,state,action,date,source', ...rows].join('\n')),
    });
    await file.setInputFiles(
      csv(['ilo-c182,ARG,ratification,2001-02-05,ILO NORMLEX', 'ilo-c182,XYZ,ratification,2999-01-01,nowhere']),
    );
    await submit.click();
    const alert = page.getByRole('alert');
    await alert.getByText(t('en', 'treaties.import.failed')).waitFor();
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([
      'Line 3, state: unknown member state “XYZ”',
      'Line 3, date: 2999-01-01 is in the future',
    ]);
    await expectNoAxeViolations(page);
    await file.setInputFiles(csv(['ilo-c182,ARG,ratification,2001-02-05,ILO NORMLEX']));
    await submit.click();
    await page.getByText('1 row imported: 1 new, 0 updated, 0 unchanged.').waitFor();
    const res = await session.context.request.get(url('/api/member-states/ARG/profile?lang=en'));
    const profile = (await res.json()) as { treaties: { instrument: { code: string }; status: string }[] };
    expect(profile.treaties.find((x) => x.instrument.code === 'ilo-c182')?.status).toBe('party');
  });

  test('a focal point proposes a law; the public sees it only once the secretariat accepts it', async () => {
    const title = 'Ley 20.507 (tráfico ilícito de migrantes y trata de personas)';
    const fp = await web.open();
    await signInByApi(fp, focalCHL.email, focalCHL.password);
    await fp.page.goto(fp.url('/en/countries/CHL'));
    const form = fp.page.getByRole('form', { name: t('en', 'framework.propose'), exact: true });
    await form.getByRole('button', { name: t('en', 'framework.propose.submit') }).click();
    await fp.page.getByRole('alert').getByText(t('en', 'framework.propose.fix')).waitFor();
    await form.getByLabel(new RegExp(`^${t('en', 'framework.field.title')}`)).fill(title);
    await form.getByLabel(new RegExp(`^${t('en', 'framework.field.criminalises')}`)).selectOption('yes');
    await form.getByLabel(new RegExp(`^${t('en', 'framework.field.date')}`)).fill('2011-04');
    await form.getByLabel(new RegExp(`^${t('en', 'framework.field.source')}`)).fill('Diario Oficial, 8 April 2011');
    await form.getByRole('button', { name: t('en', 'framework.propose.submit') }).click();
    await fp.page.getByText(t('en', 'framework.propose.sent')).waitFor();
    await fp.page.getByText(t('en', 'framework.status.pending')).waitFor();
    await expectNoAxeViolations(fp.page);

    const publicView = await web.open();
    const profileText = async () => {
      const res = await publicView.context.request.get(publicView.url('/api/member-states/CHL/profile'));
      return JSON.stringify(await res.json());
    };
    expect(await profileText()).not.toContain('Ley 20.507');

    const staffView = await web.open();
    await signInByApi(staffView, staff.email, staff.password);
    await staffView.page.goto(staffView.url('/en/countries/CHL'));
    // The page's intro says "accepted" and the title is already listed as pending, so neither
    // shows that the decision landed: wait for the review's answer before reading the profile.
    const reviewed = staffView.page.waitForResponse(
      (r) => /\/api\/framework-proposals\/[^/]+\/review$/.test(new URL(r.url()).pathname) && r.ok(),
    );
    await staffView.page.getByRole('button', { name: t('en', 'framework.accept', { name: title }) }).click();
    await reviewed;
    await staffView.page.getByText(t('en', 'framework.status.accepted'), { exact: true }).waitFor();
    await staffView.page.getByText(title, { exact: true }).first().waitFor();
    expect(await profileText()).toContain('Ley 20.507');
    await publicView.page.goto(publicView.url('/en/countries/CHL'));
    await publicView.page.getByText(title, { exact: true }).waitFor();
    expect(await publicView.page.getByRole('form', { name: t('en', 'framework.propose') }).count()).toBe(0);
    await expectNoAxeViolations(publicView.page);
  });
});
