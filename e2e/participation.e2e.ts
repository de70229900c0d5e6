import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import {
  createUser,
  errorSummary,
  field,
  heading,
  signInByApi,
  uniqueEmail,
  type NewUser,
} from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser, type Session } from './support/browser.js';
import { demo, t, type Lang } from './support/demo.js';
import { isFocused } from './support/keyboard.js';
import { expectFitsWidth } from './support/layout.js';

// Argentina's delegation is this file's own: no other journey registers anyone for it (the
// accounts journey only edits its contact details). The CSO added below is ARG's too.

const web = useBrowser();
const baseUrl = inject('baseUrl');
const STATE = 'ARG';
const meetingPath = `/api/meetings/${demo.slug}`;

const staff: NewUser = {
  email: uniqueEmail('participation-secretariat'),
  name: 'Sofía Secretaría',
  role: 'secretariat',
  lang: 'en',
  password: 'the registration desk opens at eight',
};
const focal: NewUser = {
  email: uniqueEmail('participation-fp-arg'),
  name: 'Martín Punto Focal',
  role: 'focal_point',
  state: STATE,
  lang: 'es',
  password: 'la delegación argentina de 2005',
};

beforeAll(async () => {
  await Promise.all([staff, focal].map(createUser));
});

interface Person {
  givenName: string;
  familyName: string;
  email: string;
}
const delegates: Person[] = [
  { givenName: 'Ana', familyName: 'Pérez', email: uniqueEmail('ana.perez') },
  { givenName: 'Jorge', familyName: 'Fernández', email: uniqueEmail('jorge.fernandez') },
];
const third: Person = { givenName: 'Lucía', familyName: 'Gómez', email: uniqueEmail('lucia.gomez') };

/** "Ana PÉREZ": how the pages write a person. */
const shown = (p: Person, lang: Lang) => `${p.givenName} ${p.familyName.toLocaleUpperCase(lang)}`;

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

async function stateName(iso3: string, lang: Lang): Promise<string> {
  const res = await fetch(new URL(`/api/member-states?lang=${lang}`, baseUrl));
  const { items } = (await res.json()) as { items: { iso3: string; name: string }[] };
  const state = items.find((s) => s.iso3 === iso3);
  if (!state) throw new Error(`no member state ${iso3}`);
  return state.name;
}

/** Fills the nomination form (category left as it is: the first one offered, government) and sends it. */
async function nominate(page: Page, lang: Lang, person: Person): Promise<void> {
  const form = page.getByRole('form', { name: t(lang, 'participation.nominate.title'), exact: true });
  await field(form, lang, t(lang, 'participation.person.givenName')).fill(person.givenName);
  await field(form, lang, t(lang, 'participation.person.familyName')).fill(person.familyName);
  await field(form, lang, t(lang, 'account.email')).fill(person.email);
  await field(form, lang, t(lang, 'participation.person.gender')).selectOption('female');
  await button(form, t(lang, 'participation.nominate.submit')).click();
}

const placesList = (page: Page, lang: Lang) =>
  page.getByRole('region', { name: t(lang, 'participation.places.title'), exact: true });

async function expectPlaces(page: Page, lang: Lang, remaining: number, total: number): Promise<void> {
  const places = placesList(page, lang);
  const government = t(lang, 'participation.category.government');
  await places
    .getByText(t(lang, 'participation.places.left', { category: government, remaining, limit: 2 }), { exact: true })
    .waitFor();
  await places
    .getByText(t(lang, 'participation.places.total', { remaining: total, limit: 3 }), { exact: true })
    .waitFor();
}

async function secretariat(): Promise<Session> {
  const office = await web.open();
  await signInByApi(office, staff.email, staff.password);
  return office;
}

describe('participation: nominations, quota, accreditation, badges and check-in', () => {
  test('a focal point nominates two government delegates and is refused a third, naming the full category', async () => {
    const desk = await web.open({ locale: 'es-AR' });
    const { page, url, problems } = desk;
    await signInByApi(desk, focal.email, focal.password);
    const argentina = await stateName(STATE, 'es');

    // The list of delegations leads a focal point straight to their own.
    await page.goto(url(`/es/meetings/${demo.slug}/delegations`));
    await heading(page, t('es', 'participation.delegation.title', { name: argentina }));
    expect(new URL(page.url()).pathname).toBe(`/es/meetings/${demo.slug}/delegations/${STATE}`);
    await expectPlaces(page, 'es', 2, 3);
    // A focal point registers government, civil society and permanent mission people only.
    const category = field(page, 'es', t('es', 'participation.nominate.category'));
    expect(await category.locator('option').allInnerTexts()).toEqual(
      ['government', 'civil_society', 'permanent_mission'].map((c) => t('es', `participation.category.${c}`)),
    );
    await expectNoAxeViolations(page);

    for (const [i, person] of delegates.entries()) {
      await nominate(page, 'es', person);
      const done = t('es', 'participation.nominate.done', {
        name: shown(person, 'es'),
        category: t('es', 'participation.category.government'),
      });
      const notice = page.getByRole('status').filter({ hasText: done });
      await notice.waitFor();
      await expect.poll(() => isFocused(notice)).toBe(true);
      await expectPlaces(page, 'es', 1 - i, 2 - i);
      await page.getByRole('heading', { level: 3, name: shown(person, 'es'), exact: true }).waitFor();
    }

    // The third: refused by the server, the summary says which category is full, in Spanish.
    problems.expect('the third government nomination: POST …/registrations answers 409', (p) =>
      p.url.includes(`${meetingPath}/registrations`),
    );
    await nominate(page, 'es', third);
    const summary = errorSummary(page, 'es');
    await summary.waitFor();
    const message = t('es', 'participation.error.quotaCategory', {
      category: t('es', 'participation.category.government'),
      limit: 2,
    });
    expect(await summary.innerText()).toContain(message);
    await expect.poll(() => isFocused(summary)).toBe(true);
    // The link in the summary leads to the category, which carries the same message.
    expect(await category.getAttribute('aria-invalid')).toBe('true');
    // A focal point is not offered to exceed the limit.
    expect(await page.getByText(t('es', 'participation.override.title')).count()).toBe(0);
    await expectNoAxeViolations(page);
    await expectPlaces(page, 'es', 0, 1);
  });

  test('the secretariat accredits both, prints the badges and checks one in twice by badge code', async () => {
    const office = await secretariat();
    const { page, url, context } = office;

    await page.goto(url(`/en/meetings/${demo.slug}/registrations?memberState=${STATE}`));
    await heading(page, t('en', 'participation.registrations.title'));
    const table = page.getByRole('table', { name: t('en', 'participation.registrations.caption'), exact: true });
    await table.waitFor();
    await expectNoAxeViolations(page);

    for (const person of delegates) {
      const name = shown(person, 'en');
      await button(page, t('en', 'participation.decision.accredit', { name })).click();
      const row = table.getByRole('row').filter({ hasText: name });
      await row.getByText(t('en', 'participation.status.accredited'), { exact: true }).waitFor();
      await page.getByText(t('en', 'participation.decision.accredited', { name }), { exact: true }).waitFor();
      // The button is gone: the focus goes to the person's row, not to the top of the page.
      await expect.poll(() => isFocused(row.getByRole('rowheader'))).toBe(true);
    }
    await expectNoAxeViolations(page);

    // Badges: the page links them; the download is a PDF.
    const badges = page.getByRole('link', { name: t('en', 'participation.downloads.badges'), exact: true });
    const href = await badges.getAttribute('href');
    expect(href).toBe(`${meetingPath}/badges.pdf?lang=en`);
    const pdf = await context.request.get(url(`${href ?? ''}&memberState=${STATE}`));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The desk: the code is the one the badge's QR code holds, from the roster.
    const roster = await context.request.get(url(`${meetingPath}/check-in/roster?lang=en`));
    expect(roster.status()).toBe(200);
    const { items } = (await roster.json()) as { items: { givenName: string; familyName: string; code: string }[] };
    const ana = delegates[0]!;
    const code = items.find((e) => e.givenName === ana.givenName && e.familyName === ana.familyName)?.code;
    if (!code) throw new Error('Ana is not on the roster');

    await page.goto(url(`/en/meetings/${demo.slug}/check-in`));
    await heading(page, t('en', 'checkin.title'));
    const argentina = await stateName(STATE, 'en');
    const byState = page.getByRole('table', { name: t('en', 'participation.stats.byStateCaption'), exact: true });
    const argRow = byState.getByRole('row', { name: new RegExp(`^${argentina}\\b`) });
    // Accredited 2, present 0.
    await expect.poll(() => argRow.getByRole('cell').allInnerTexts()).toEqual(['2', '0']);
    await expectNoAxeViolations(page);

    const input = field(page, 'en', t('en', 'checkin.code.label'));
    const result = page.locator('.checkin-result-region');
    const who = `${shown(ana, 'en')}, ${argentina}`;
    await input.fill(code);
    await input.press('Enter');
    await result.getByText(t('en', 'checkin.result.ok', { who }), { exact: true }).waitFor();
    // A scanner types the next badge at once: the focus stays in the field, emptied.
    expect(await isFocused(input)).toBe(true);
    expect(await input.inputValue()).toBe('');
    // The counts follow.
    await expect.poll(() => argRow.getByRole('cell').allInnerTexts()).toEqual(['2', '1']);

    // The same badge again: once only, with the time of the first.
    await input.fill(code);
    await input.press('Enter');
    const [before, after] = t('en', 'checkin.result.already', { time: '\u0000', who }).split('\u0000');
    const again = result.locator('.checkin-result.warn');
    await again.waitFor();
    const text = await again.innerText();
    expect(text.startsWith(before ?? '') && text.endsWith(after ?? ''), text).toBe(true);
    expect(text.slice((before ?? '').length, text.length - (after ?? '').length)).toMatch(/\d{1,2}:\d{2}/);
    await expect.poll(() => argRow.getByRole('cell').allInnerTexts()).toEqual(['2', '1']);

    // By name: the second delegate, found without the accent.
    const jorge = delegates[1]!;
    await field(page, 'en', t('en', 'checkin.search.label')).fill('fernandez');
    await button(page, t('en', 'checkin.search.checkIn', { name: shown(jorge, 'en') })).click();
    const byName = result.getByText(t('en', 'checkin.result.ok', { who: `${shown(jorge, 'en')}, ${argentina}` }), {
      exact: true,
    });
    await byName.waitFor();
    // The button is gone: the result takes the focus.
    await expect.poll(() => isFocused(result)).toBe(true);
    await expect.poll(() => argRow.getByRole('cell').allInnerTexts()).toEqual(['2', '2']);
    await expectNoAxeViolations(page);
  });
});

describe('the secretariat beyond the limit, and the desk offline', () => {
  test('registers a third government delegate with a reason, accredits her, checks her in offline; the scan is sent when the connection returns', async () => {
    const office = await secretariat();
    const { page, url, context, problems } = office;
    const argentina = await stateName(STATE, 'en');
    const name = shown(third, 'en');

    await page.goto(url(`/en/meetings/${demo.slug}/delegations/${STATE}`));
    await heading(page, t('en', 'participation.delegation.title', { name: argentina }));
    problems.expect('the nomination over the limit: POST …/registrations answers 409 first', (p) =>
      p.url.includes(`${meetingPath}/registrations`),
    );
    await nominate(page, 'en', third);
    const summary = errorSummary(page, 'en');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(t('en', 'participation.override.offer'));
    const form = page.getByRole('form', { name: t('en', 'participation.nominate.title'), exact: true });
    const reason = field(form, 'en', t('en', 'participation.override.reason'));
    await expectNoAxeViolations(page);
    // Without a reason: asked for one, nothing sent.
    await button(form, t('en', 'participation.override.submit')).click();
    const required = t('en', 'form.error.required', { field: t('en', 'participation.override.reason') });
    await expect.poll(() => errorSummary(page, 'en').innerText()).toContain(required);
    await reason.fill('Head of delegation confirmed by note verbale');
    await button(form, t('en', 'participation.override.submit')).click();
    await page
      .getByRole('status')
      .filter({
        hasText: t('en', 'participation.nominate.done', {
          name,
          category: t('en', 'participation.category.government'),
        }),
      })
      .waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
    await card.getByText(t('en', 'participation.overQuota'), { exact: true }).waitFor();
    await button(card, t('en', 'participation.decision.accredit', { name })).click();
    await page.getByText(t('en', 'participation.member.done.accredited', { name }), { exact: true }).waitFor();

    const roster = await context.request.get(url(`${meetingPath}/check-in/roster?lang=en`));
    const { items } = (await roster.json()) as { items: { familyName: string; code: string }[] };
    const code = items.find((e) => e.familyName === third.familyName)?.code;
    if (!code) throw new Error('Lucía is not on the roster');

    await page.goto(url(`/en/meetings/${demo.slug}/check-in`));
    await heading(page, t('en', 'checkin.title'));
    const byState = page.getByRole('table', { name: t('en', 'participation.stats.byStateCaption'), exact: true });
    const argRow = byState.getByRole('row', { name: new RegExp(`^${argentina}\\b`) });
    await expect.poll(() => argRow.getByRole('cell').allInnerTexts()).toEqual(['3', '2']);
    // The roster is saved on the device before the connection drops (other journeys accredit people
    // in the same database: the count is the roster's, as the API gave it just before).
    await page.getByText(t('en', 'checkin.roster.saved', { count: items.length, time: '§' }).split('§')[0]!).waitFor();

    await context.setOffline(true);
    await page.getByText(t('en', 'checkin.offline', { count: 0 }), { exact: true }).waitFor();
    const input = field(page, 'en', t('en', 'checkin.code.label'));
    await input.fill(code);
    await input.press('Enter');
    await page
      .locator('.checkin-result-region')
      .getByText(t('en', 'checkin.result.offline', { who: `${name}, ${argentina}` }), { exact: true })
      .waitFor();
    await page.getByText(t('en', 'checkin.offline', { count: 1 }), { exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // Back online: the waiting scan goes out by itself, and the counts follow.
    await context.setOffline(false);
    await page.getByText(t('en', 'checkin.online'), { exact: true }).waitFor();
    await expect.poll(() => argRow.getByRole('cell').allInnerTexts()).toEqual(['3', '3']);
  });
});

describe('the civil-society registry', () => {
  test('the secretariat adds an organization; the public sees it, without the forms', async () => {
    const office = await secretariat();
    const { page, url } = office;
    const name = 'Fundación Esperanza de Buenos Aires';
    const argentina = await stateName(STATE, 'en');

    await page.goto(url('/en/civil-society'));
    await heading(page, t('en', 'cso.title'));
    await button(page, t('en', 'cso.addOpen')).click();
    const form = page.getByRole('form', { name: t('en', 'cso.addTitle'), exact: true });
    await field(form, 'en', t('en', 'cso.field.name')).fill(name);
    await field(form, 'en', t('en', 'cso.field.acronym')).fill('FEBA');
    await field(form, 'en', t('en', 'cso.field.country')).selectOption({ label: argentina });
    await field(form, 'en', t('en', 'cso.field.validFrom')).fill('2004-01-01');
    await field(form, 'en', t('en', 'cso.field.website')).fill('esperanza.example.ar');
    await button(form, t('en', 'cso.add')).click();
    // A web address without its scheme is caught before sending.
    const summary = errorSummary(form, 'en');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(t('en', 'form.error.website'));
    await expectNoAxeViolations(page);

    await field(form, 'en', t('en', 'cso.field.website')).fill('https://esperanza.example.ar');
    await button(form, t('en', 'cso.add')).click();
    await form.getByText(t('en', 'cso.added', { name }), { exact: true }).waitFor();
    const table = page.getByRole('table', { name: t('en', 'cso.caption'), exact: true });
    const row = table.getByRole('row').filter({ hasText: name });
    await row.getByText(t('en', 'cso.status.accredited'), { exact: true }).waitFor();
    expect(await row.innerText()).toContain(argentina);
    await expectNoAxeViolations(page);

    // The public: the same list, filtered by country, no add or edit controls.
    const reader = await web.open({ device: 'phone' });
    await reader.page.goto(reader.url(`/es/civil-society?country=${STATE}`));
    await heading(reader.page, t('es', 'cso.title'));
    const publicRow = reader.page
      .getByRole('table', { name: t('es', 'cso.caption'), exact: true })
      .getByRole('row')
      .filter({ hasText: name });
    await publicRow.waitFor();
    expect(await reader.page.getByRole('button', { name: t('es', 'cso.addOpen') }).count()).toBe(0);
    await expectNoAxeViolations(reader.page);
    await expectFitsWidth(reader.page);
  });
});

describe('on a phone', () => {
  test('the delegation page fits a 375 px screen without sideways scrolling', async () => {
    const desk = await web.open({ device: 'phone', locale: 'pt-BR' });
    const { page, url } = desk;
    await page.setViewportSize({ width: 375, height: 740 });
    await signInByApi(desk, focal.email, focal.password);
    await page.goto(url(`/pt/meetings/${demo.slug}/delegations/${STATE}`));
    await heading(page, t('pt', 'participation.delegation.title', { name: await stateName(STATE, 'pt') }));
    await page.getByRole('heading', { level: 2, name: t('pt', 'participation.nominate.title'), exact: true }).waitFor();
    await placesList(page, 'pt').waitFor();
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);
  });
});
