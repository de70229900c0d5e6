import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import {
  createUser,
  currentTotpStep,
  errorSummary,
  field,
  followUserMenu,
  heading,
  linkFromOutbox,
  signInByApi,
  totpCode,
  uniqueEmail,
  userMenuButton,
  waitForTotpStep,
  wrongTotpCode,
  type NewUser,
} from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { t, type Lang } from './support/demo.js';
import { isFocused, tabTo } from './support/keyboard.js';
import { expectFitsWidth } from './support/layout.js';

const web = useBrowser();
const baseUrl = inject('baseUrl');

// Created with the command line before the journeys: the secretariat, as an operator would on
// day one, and two participants for the flows that need an account of their own.
const staff: NewUser = {
  email: uniqueEmail('secretaria'),
  name: 'Ana Secretaría',
  role: 'secretariat',
  lang: 'es',
  password: 'cuaderno azul de la secretaría',
};
const reader: NewUser = {
  email: uniqueEmail('reader'),
  name: 'Rosa Reader',
  role: 'participant',
  password: 'a quiet morning in Montevideo',
};
const forgetful: NewUser = {
  email: uniqueEmail('forgetful'),
  name: 'Frank Forgetful',
  role: 'participant',
  password: 'written on a lost napkin',
};

beforeAll(async () => {
  await Promise.all([staff, reader, forgetful].map(createUser));
});

/** A member state's name as the API gives it in `lang` (what the selects and headings show). */
async function stateName(iso3: string, lang: Lang): Promise<string> {
  const res = await fetch(new URL(`/api/member-states?lang=${lang}`, baseUrl));
  const { items } = (await res.json()) as { items: { iso3: string; name: string }[] };
  const state = items.find((s) => s.iso3 === iso3);
  if (!state) throw new Error(`no member state ${iso3}`);
  return state.name;
}

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

/** Fills the sign-in form and sends it. */
async function signInThroughForm(page: Page, lang: Lang, email: string, password: string): Promise<void> {
  await field(page, lang, t(lang, 'account.email')).fill(email);
  await field(page, lang, t(lang, 'account.password')).fill(password);
  await button(page, t(lang, 'signIn.submit')).click();
}

/** The error summary has appeared, says `message` and holds the focus, as a screen reader needs. */
async function expectSummary(scope: Page | Locator, lang: Lang, message: string): Promise<void> {
  const summary = errorSummary(scope, lang);
  await summary.waitFor();
  expect(await summary.innerText()).toContain(message);
  await expect.poll(() => isFocused(summary)).toBe(true);
}

describe('an invited focal point', () => {
  // The longest journey of the suite: besides some twenty pages, after enrolling its second
  // factor the account must wait for the next 30-second code (see waitForTotpStep).
  const JOURNEY_TIMEOUT_MS = 120_000;

  test(
    'is invited by the secretariat, sets a password, enrols two-step verification, signs in again with the next code and edits ARG’s contact details, but not the users',
    async () => {
      const fp = { email: uniqueEmail('fp-arg'), name: 'Lucía Punto Focal', password: 'rescate en Buenos Aires 2005' };
      const [argentinaEs, argentina] = await Promise.all([stateName('ARG', 'es'), stateName('ARG', 'fr')]);

      // The secretariat signs in through the form and invites a focal point for Argentina.
      const office = await web.open({ locale: 'es-ES' });
      const sp = office.page;
      await sp.goto(office.url('/es/sign-in'));
      await heading(sp, t('es', 'signIn.title'));
      await expectNoAxeViolations(sp);
      await signInThroughForm(sp, 'es', staff.email, staff.password);
      await sp.waitForURL(office.url('/es'));

      await followUserMenu(sp, 'es', staff.name, t('es', 'nav.users'));
      await heading(sp, t('es', 'nav.users'));
      const invite = sp.getByRole('region', { name: t('es', 'users.inviteTitle'), exact: true });
      await field(invite, 'es', t('es', 'account.email')).fill(fp.email);
      await field(invite, 'es', t('es', 'account.name')).fill(fp.name);
      await field(invite, 'es', t('es', 'users.inviteLang')).selectOption('fr');
      await field(invite, 'es', t('es', 'users.role')).selectOption('focal_point');
      await field(invite, 'es', t('es', 'users.memberState')).selectOption({ label: argentinaEs });
      await button(invite, t('es', 'users.invite')).click();
      await invite.getByText(t('es', 'users.invited', { email: fp.email }), { exact: true }).waitFor();
      await sp.getByRole('heading', { level: 3, name: fp.name }).waitFor();
      await expectNoAxeViolations(sp);

      // The mail is in the outbox (no SMTP here), in French, with the link.
      await followUserMenu(sp, 'es', staff.name, t('es', 'nav.outbox'));
      await heading(sp, t('es', 'nav.outbox'));
      const mail = sp.getByRole('listitem').filter({ hasText: fp.email }).first();
      await mail.getByText(t('es', 'outbox.body'), { exact: true }).click();
      const body = await mail.locator('pre').innerText();
      const link = body.match(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/)?.[0] ?? '';
      expect(link.startsWith(`${baseUrl}/fr/invitation/`), body).toBe(true);
      await expectNoAxeViolations(sp);

      // The focal point, in a browser of their own, opens the link.
      const desk = await web.open({ locale: 'fr-FR' });
      const page = desk.page;
      await page.goto(link);
      await heading(page, t('fr', 'invitation.title'));
      expect(await field(page, 'fr', t('fr', 'account.name')).inputValue()).toBe(fp.name);
      const password = field(page, 'fr', t('fr', 'account.newPassword'));
      const confirm = field(page, 'fr', t('fr', 'account.confirmPassword'));
      await password.fill('court');
      await confirm.fill('court');
      await button(page, t('fr', 'invitation.submit')).click();
      await expectSummary(page, 'fr', t('fr', 'form.error.passwordLength'));
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);

      await password.fill(fp.password);
      await confirm.fill(fp.password);
      await button(page, t('fr', 'invitation.submit')).click();
      await page.getByText(t('fr', 'invitation.done'), { exact: true }).waitFor();
      await userMenuButton(page, 'fr', fp.name).waitFor();

      // Two-step verification: the code is computed from the secret the page shows.
      await page.getByRole('link', { name: t('fr', 'invitation.doneSecurity'), exact: true }).click();
      await heading(page, t('fr', 'account.security.title'));
      await button(page, t('fr', 'totp.setUp')).click();
      const secretShown = page.locator('code.secret');
      await secretShown.waitFor();
      const secret = (await secretShown.innerText()).replace(/\s+/g, '');
      await expectNoAxeViolations(page);
      const enrolStep = currentTotpStep();
      await field(page, 'fr', t('fr', 'totp.code')).fill(totpCode(secret, enrolStep));
      await button(page, t('fr', 'totp.enable')).click();
      const codes = page.locator('.codes li');
      await codes.first().waitFor();
      const recovery = await codes.allInnerTexts();
      expect(recovery).toHaveLength(10);
      for (const code of recovery) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2}$/i);
      await expectNoAxeViolations(page);
      await button(page, t('fr', 'totp.saved')).click();
      await page.getByText(t('fr', 'totp.onBody')).waitFor();

      // Sign out, then in again: the password alone is not enough any more.
      await userMenuButton(page, 'fr', fp.name).click();
      await button(page, t('fr', 'nav.signOut')).click();
      await page.waitForURL(desk.url('/fr'));
      await page.getByRole('link', { name: t('fr', 'nav.signIn'), exact: true }).click();
      await heading(page, t('fr', 'signIn.title'));
      await signInThroughForm(page, 'fr', fp.email, fp.password);
      await heading(page, t('fr', 'signIn.codeTitle'));

      desk.problems.expect('a wrong code: POST /api/auth/sign-in/totp answers 401', (p) =>
        p.url.endsWith('/api/auth/sign-in/totp'),
      );
      const code = field(page, 'fr', t('fr', 'signIn.code'));
      await code.fill(wrongTotpCode(secret));
      await button(page, t('fr', 'signIn.verify')).click();
      await expectSummary(page, 'fr', t('fr', 'signIn.codeWrong'));
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);

      // The enrolment code's step is spent: the next code the app shows lets them in.
      await waitForTotpStep(enrolStep + 1);
      await code.fill(totpCode(secret, currentTotpStep()));
      await button(page, t('fr', 'signIn.verify')).click();
      await page.waitForURL(desk.url('/fr'));
      // Signed in again in the same tab: the menu starts closed, as after the first sign-in.
      expect(await userMenuButton(page, 'fr', fp.name).getAttribute('aria-expanded')).toBe('false');

      // Argentina's contact details, from the user menu.
      await followUserMenu(page, 'fr', fp.name, t('fr', 'account.contacts.title'));
      await heading(page, t('fr', 'account.contacts.title'));
      const arg = page.getByRole('region', { name: argentina, exact: true });
      const details = {
        office: 'Ministerio de Justicia – Oficina de Rescate',
        email: 'rescate@jus.example.ar',
        phone: '+54 11 5300-4000 int. 12',
        address: 'Sarmiento 329\nC1041AAG Buenos Aires',
        website: 'https://www.jus.example.ar/rescate',
      };
      const inputs = {
        office: field(arg, 'fr', t('fr', 'contacts.office')),
        email: field(arg, 'fr', t('fr', 'account.email')),
        phone: field(arg, 'fr', t('fr', 'contacts.phone')),
        address: field(arg, 'fr', t('fr', 'contacts.address')),
        website: field(arg, 'fr', t('fr', 'contacts.website')),
      };
      for (const [name, input] of Object.entries(inputs)) {
        await input.fill(name === 'website' ? 'www.jus.example.ar' : details[name as keyof typeof details]);
      }
      await button(arg, t('fr', 'contacts.save')).click();
      await expectSummary(arg, 'fr', t('fr', 'form.error.website'));
      expect(await inputs.website.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);

      // A typo only the server catches: its answer comes back translated, on the field.
      desk.problems.expect('a refused address: PUT /api/member-states/ARG/contact answers 400', (p) =>
        p.url.endsWith('/api/member-states/ARG/contact'),
      );
      await inputs.website.fill(details.website);
      await inputs.email.fill('rescate@jus..example.ar');
      await button(arg, t('fr', 'contacts.save')).click();
      await expectSummary(arg, 'fr', t('fr', 'form.error.email'));
      expect(await errorSummary(arg, 'fr').getByRole('listitem').allInnerTexts()).toEqual([
        t('fr', 'form.error.email'),
      ]);
      expect(await inputs.email.getAttribute('aria-invalid')).toBe('true');

      await inputs.email.fill(details.email);
      await button(arg, t('fr', 'contacts.save')).click();
      await arg.getByText(t('fr', 'contacts.saved', { name: argentina }), { exact: true }).waitFor();
      // Away and back: the page reads them from the server again.
      const accountNav = page.getByRole('navigation', { name: t('fr', 'account.nav'), exact: true });
      await accountNav.getByRole('link', { name: t('fr', 'account.profile.title'), exact: true }).click();
      await heading(page, t('fr', 'account.profile.title'));
      await accountNav.getByRole('link', { name: t('fr', 'account.contacts.title'), exact: true }).click();
      await heading(page, t('fr', 'account.contacts.title'));
      await inputs.office.waitFor();
      for (const [name, input] of Object.entries(inputs)) {
        expect(await input.inputValue(), name).toBe(details[name as keyof typeof details]);
      }

      // The secretariat's pages stay closed, in French, even with the address typed in (in a new
      // tab: a page load right after an in-app navigation would abort the favicon's re-fetch).
      const tab = await desk.context.newPage();
      await tab.goto(desk.url('/fr/admin/users'));
      await heading(tab, t('fr', 'guard.notAllowed.title'));
      expect(await tab.getByRole('main').innerText()).toContain(t('fr', 'guard.notAllowed.body'));
    },
    JOURNEY_TIMEOUT_MS,
  );
});

describe('a forgotten password', () => {
  test('is reset with the link from the outbox; the new one signs in', async () => {
    const { page, url } = await web.open();
    await page.goto(url('/en/reset'));
    await heading(page, t('en', 'reset.title'));
    await expectNoAxeViolations(page);
    await field(page, 'en', t('en', 'account.email')).fill(forgetful.email);
    await button(page, t('en', 'reset.send')).click();
    await page.getByText(t('en', 'reset.sent'), { exact: true }).waitFor();

    const office = await web.open();
    await signInByApi(office, staff.email, staff.password);
    const link = await linkFromOutbox(office.context.request, baseUrl, forgetful.email, '/en/reset/');

    await page.goto(link);
    await heading(page, t('en', 'reset.newTitle'));
    await expectNoAxeViolations(page);
    const fresh = 'found the napkin again';
    await field(page, 'en', t('en', 'account.newPassword')).fill(fresh);
    await field(page, 'en', t('en', 'account.confirmPassword')).fill(fresh);
    await button(page, t('en', 'reset.save')).click();
    await page.waitForURL(url('/en/sign-in'));
    await page.getByText(t('en', 'reset.done'), { exact: true }).waitFor();
    await signInThroughForm(page, 'en', forgetful.email, fresh);
    await page.waitForURL(url('/en'));
    await userMenuButton(page, 'en', forgetful.name).waitFor();
  });
});

describe('the secretariat’s other pages', () => {
  test('profile, tokens, audit trail and contact details of any state or organisation pass axe', async () => {
    const office = await web.open();
    const { page, url } = office;
    await signInByApi(office, staff.email, staff.password);

    await page.goto(url('/en/account/profile'));
    await heading(page, t('en', 'account.profile.title'));
    await field(page, 'en', t('en', 'account.name')).waitFor();
    await expectNoAxeViolations(page);

    await followUserMenu(page, 'en', staff.name, t('en', 'account.tokens.title'));
    await heading(page, t('en', 'account.tokens.title'));
    await page.getByText(t('en', 'tokens.empty'), { exact: true }).waitFor();
    await expectNoAxeViolations(page);

    await followUserMenu(page, 'en', staff.name, t('en', 'nav.audit'));
    await heading(page, t('en', 'nav.audit'));
    await page.getByRole('table', { name: t('en', 'audit.caption'), exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // Any member state and any organisation, from the selects.
    await followUserMenu(page, 'en', staff.name, t('en', 'account.contacts.title'));
    await heading(page, t('en', 'account.contacts.title'));
    const any = page.getByRole('region', { name: t('en', 'contacts.anyTitle'), exact: true });
    const brazil = await stateName('BRA', 'en');
    await field(any, 'en', t('en', 'users.memberState')).selectOption({ label: brazil });
    await field(any.getByRole('region', { name: brazil, exact: true }), 'en', t('en', 'contacts.office')).waitFor();
    await field(any, 'en', t('en', 'users.organization')).selectOption('iom');
    const iomName = await any.locator('#contacts-pick-org option:checked').innerText();
    const iom = any.getByRole('region', { name: iomName, exact: true });
    const iomOffice = field(iom, 'en', t('en', 'contacts.office'));
    await iomOffice.fill('IOM Regional Office for Central America, North America and the Caribbean');
    await button(iom, t('en', 'contacts.save')).click();
    await iom.getByText(t('en', 'contacts.saved', { name: iomName }), { exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });
});

describe('on a 360 px phone', () => {
  test('sign-in and security fit the screen and pass axe', async () => {
    const { page, url } = await web.open({ device: 'phone' });
    await page.goto(url('/en/sign-in'));
    await heading(page, t('en', 'signIn.title'));
    await expectNoAxeViolations(page);
    await expectFitsWidth(page);

    await signInThroughForm(page, 'en', reader.email, reader.password);
    await page.waitForURL(url('/en'));
    await followUserMenu(page, 'en', reader.name, t('en', 'account.security.title'));
    await heading(page, t('en', 'account.security.title'));
    // The widest state of the page: the QR code and the secret.
    await button(page, t('en', 'totp.setUp')).click();
    await page.locator('code.secret').waitFor();
    await expectNoAxeViolations(page);
    await expectFitsWidth(page);
  });
});

describe('keyboard only', () => {
  test('signs in with Tab, typing and Enter; the user menu opens with Enter and closes with Escape', async () => {
    const { page, url } = await web.open();
    await page.goto(url('/en'));
    await heading(page, t('en', 'meetings.title'));

    await tabTo(page, page.getByRole('link', { name: t('en', 'nav.signIn'), exact: true }));
    await page.keyboard.press('Enter');
    await heading(page, t('en', 'signIn.title'));
    await tabTo(page, field(page, 'en', t('en', 'account.email')));
    await page.keyboard.type(reader.email);
    await page.keyboard.press('Tab');
    expect(await isFocused(field(page, 'en', t('en', 'account.password')))).toBe(true);
    await page.keyboard.type(reader.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/en'));

    const menu = userMenuButton(page, 'en', reader.name);
    const firstLink = page
      .getByRole('navigation', { name: t('en', 'nav.account'), exact: true })
      .getByRole('link', { name: t('en', 'account.profile.title'), exact: true });
    await tabTo(page, menu);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    expect(await firstLink.isVisible()).toBe(true);
    // Into the menu, then out with Escape: focus goes back to the button.
    await page.keyboard.press('Tab');
    expect(await isFocused(firstLink)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await firstLink.isVisible()).toBe(false);
    expect(await isFocused(menu)).toBe(true);
  });
});
