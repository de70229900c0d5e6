import type { APIRequestContext } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createUser, field, signInByApi, uniqueEmail, type NewUser } from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { demo, t, textIn } from './support/demo.js';
import { expectFitsWidth } from './support/layout.js';

// Writes Peru's delegation to the demo meeting, Guyana's ILO C29 actions (deleted again) and one
// new instrument: no other journey reads them.

const web = useBrowser();
const staff: NewUser = {
  email: uniqueEmail('profiles-secretariat'),
  name: 'Paula Perfiles',
  role: 'secretariat',
  lang: 'en',
  password: 'every state has a profile page now',
};
beforeAll(async () => {
  await createUser(staff);
});

/** A write through the API as the signed-in secretariat, with the session's CSRF token. */
async function write(request: APIRequestContext, url: string, method: 'POST' | 'PATCH', data: object) {
  const session = (await (await request.get(url.replace(/\/api\/.*/, '/api/auth/session'))).json()) as {
    csrfToken: string;
  };
  const res = await request.fetch(url, { method, data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as { id: string };
}

describe('country profiles', () => {
  test('the header leads to the treaties and to every state’s profile; axe clean on a phone too', async () => {
    const { page, url } = await web.open();
    await page.goto(url('/en'));
    const nav = page.getByRole('navigation', { name: t('en', 'nav.main'), exact: true });
    // Leaving the overview before its answers came would cancel them (the problem watch reports
    // that): wait for both, as a reader would.
    const answers = ['status', 'timeline'].map((path) =>
      page.waitForResponse((r) => r.url().includes(`/api/treaties/tip-protocol/${path}`)),
    );
    await nav.getByRole('link', { name: t('en', 'nav.treaties'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('en', 'treaties.title') }).waitFor();
    await Promise.all(answers);
    await nav.getByRole('link', { name: t('en', 'nav.countries'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('en', 'countries.title') }).waitFor();
    expect(await nav.getByRole('link', { name: t('en', 'nav.countries') }).getAttribute('aria-current')).toBe('page');
    const states = (await (await page.request.get(url('/api/member-states?lang=en'))).json()) as { items: unknown[] };
    const links = page.locator('.countries-index').getByRole('link');
    expect(await links.count()).toBe(states.items.length);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Peru', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Peru' }).waitFor();

    const phone = await web.open({ device: 'phone', locale: 'pt' });
    await phone.page.goto(phone.url('/pt/countries'));
    await phone.page.getByRole('heading', { level: 1, name: t('pt', 'countries.title') }).waitFor();
    await expectFitsWidth(phone.page);
    await expectNoAxeViolations(phone.page);
  });

  test('a profile lists the state’s practices and leads to the library filtered by the country', async () => {
    const { page, url } = await web.open({ locale: 'es' });
    await page.goto(url('/es/countries/JAM'));
    const section = page.getByRole('region', { name: t('es', 'countryProfile.practices') });
    // The demo's IOM–CIM Caribbean project ran in Jamaica (concept note).
    const project = section.getByRole('link', { name: /Proyecto regional conjunto OIM–CIM/ });
    await project.waitFor();
    await expectNoAxeViolations(page);
    await section.getByRole('link', { name: /biblioteca/ }).click();
    await page.waitForURL(/\/es\/practices\?country=JAM/);
    await page
      .getByRole('link', { name: /Proyecto regional conjunto OIM–CIM/ })
      .first()
      .waitFor();
  });

  test('a profile lists the delegation to the meeting: head and accredited delegates the public may see', async () => {
    const staffView = await web.open();
    await signInByApi(staffView, staff.email, staff.password);
    const api = (path: string) => staffView.url(`/api/meetings/${demo.slug}${path}`);
    const request = staffView.context.request;
    const delegate = async (familyName: string, consent: boolean) => {
      const { id } = await write(request, api('/registrations?lang=en'), 'POST', {
        category: 'government',
        memberState: 'PER',
        person: { givenName: 'Inés', familyName, email: uniqueEmail('per-delegate'), publicListConsent: consent },
      });
      await write(request, api(`/registrations/${id}/decision`), 'POST', { decision: 'accredit' });
      return id;
    };
    const head = await delegate('Quispe', true);
    await delegate('Mamani', false);
    await write(request, api('/delegations/PER'), 'PATCH', { headRegistrationId: head });

    const { page, url } = await web.open({ device: 'phone' });
    await page.goto(url('/en/countries/PER'));
    const section = page.getByRole('region', { name: t('en', 'countryProfile.delegations'), exact: true });
    await section.getByRole('link', { name: textIn(demo.title, 'en') }).waitFor();
    await section.getByText(t('en', 'countryProfile.delegations.head', { name: 'Inés Quispe' })).waitFor();
    // The delegate who did not consent to the public list is not counted for the public.
    const category = t('en', 'countryProfile.delegations.category', {
      category: t('en', 'participation.category.government'),
      count: 1,
    });
    await section.getByText(`${t('en', 'countryProfile.delegations.total', { count: 1 })} ${category}`).waitFor();
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);

    await staffView.page.goto(staffView.url('/en/countries/PER'));
    await staffView.page
      .getByText(t('en', 'countryProfile.delegations.total', { count: 2 }), { exact: false })
      .waitFor();
  });

  test('the secretariat records, corrects and deletes an action on the profile, errors by their field', async () => {
    const session = await web.open();
    const { page, url } = session;
    await signInByApi(session, staff.email, staff.password);
    session.problems.expect('a date in the future: POST /api/treaties/ilo-c29/actions answers 400', (p) =>
      p.url.endsWith('/api/treaties/ilo-c29/actions'),
    );
    await page.goto(url('/en/countries/GUY'));
    await page.getByRole('heading', { level: 1, name: 'Guyana' }).waitFor();
    const article = page.getByRole('article', { name: /ILO Forced Labour Convention/ });
    await article.getByText(t('en', 'countryProfile.noActions')).waitFor();
    await article
      .getByRole('button', {
        name: t('en', 'treatyEdit.add', { instrument: 'ILO Forced Labour Convention (No. 29)' }),
      })
      .click();
    const form = article.getByRole('form');
    await form.getByLabel(t('en', 'treatyEdit.field.action')).selectOption('ratification');
    const date = field(form, 'en', t('en', 'treatyEdit.field.date'));
    await date.fill('2999');
    await field(form, 'en', t('en', 'treatyEdit.field.source')).fill('ILO NORMLEX, Guyana');
    await form.getByRole('button', { name: t('en', 'treatyEdit.save') }).click();
    const future = t('en', 'treaties.import.issue.future_date', { value: '2999' });
    await form.locator('.field-error').getByText(future).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await date.fill('1966');
    await form.getByRole('button', { name: t('en', 'treatyEdit.save') }).click();
    await form.getByText(t('en', 'treatyEdit.saved')).waitFor();
    await article.getByText(t('en', 'treaties.status.party'), { exact: true }).waitFor();
    const what = { action: t('en', 'treaties.action.ratification'), date: '1966' };
    const editForm = article.getByRole('form', {
      name: new RegExp(`^${t('en', 'treatyEdit.edit', what).split(':')[0]}:`),
    });

    // Correct it: the month the source gives.
    await article.getByRole('button', { name: t('en', 'treatyEdit.edit', what) }).click();
    await field(editForm, 'en', t('en', 'treatyEdit.field.date')).fill('1966-06');
    await editForm.getByRole('button', { name: t('en', 'treatyEdit.saveChanges') }).click();
    await editForm.getByText(t('en', 'treatyEdit.saved')).waitFor();
    const corrected = { ...what, date: 'June 1966' };
    await article.getByRole('button', { name: t('en', 'treatyEdit.delete', corrected) }).waitFor();
    await expectNoAxeViolations(page);

    await article.getByRole('button', { name: t('en', 'treatyEdit.delete', corrected) }).click();
    await article.getByRole('button', { name: t('en', 'treatyEdit.deleteConfirm'), exact: true }).click();
    await article.getByText(t('en', 'countryProfile.noActions')).waitFor();
    await article.getByText(t('en', 'treatyEdit.deleted', corrected)).waitFor();
    // The deleted action's buttons are gone: focus waits on the instrument's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
  });

  test('the secretariat adds an instrument: names in four languages, dates checked', async () => {
    const session = await web.open();
    const { page, url } = session;
    await signInByApi(session, staff.email, staff.password);
    session.problems.expect('entry into force before adoption: POST /api/treaties answers 400', (p) =>
      p.url.endsWith('/api/treaties'),
    );
    await page.goto(url('/en/treaties'));
    const form = page.getByRole('form', { name: t('en', 'instrumentForm.title'), exact: true });
    await form.getByRole('button', { name: t('en', 'instrumentForm.submit') }).click();
    await form.getByText(t('en', 'instrumentForm.error.code')).first().waitFor();
    const code = `ilo-c105-${Date.now() % 100000}`;
    await field(form, 'en', t('en', 'instrumentForm.code')).fill(code);
    const names = {
      en: 'Abolition of Forced Labour',
      es: 'Abolición del trabajo forzoso',
      fr: 'Abolition du travail forcé',
      pt: 'Abolição do trabalho forçado',
    };
    for (const [lang, name] of Object.entries(names)) {
      const language = t('en', `lang.name.${lang}`);
      await field(form, 'en', t('en', 'instrumentForm.name', { language })).fill(`${name} Convention, 1957`);
      await field(form, 'en', t('en', 'instrumentForm.shortName', { language })).fill(name);
    }
    await form.getByLabel(t('en', 'instrumentForm.adoptedOn')).fill('1957-06-25');
    await form.getByLabel(t('en', 'instrumentForm.inForceOn')).fill('1957-01-17');
    await form.getByRole('button', { name: t('en', 'instrumentForm.submit') }).click();
    await form.locator('.field-error').getByText(t('en', 'instrumentForm.error.inForceOrder')).waitFor();
    await expectNoAxeViolations(page);
    await form.getByLabel(t('en', 'instrumentForm.inForceOn')).fill('1959-01-17');
    await form.getByRole('button', { name: t('en', 'instrumentForm.submit') }).click();
    await form.getByText(t('en', 'instrumentForm.added', { name: names.en })).waitFor();
    await expect
      .poll(() => page.getByLabel(t('en', 'treaties.instrument'), { exact: true }).locator('option').allTextContents())
      .toContain(names.en);
  });
});
