import { randomBytes } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { collectPdf, registerFonts } from '../server/pdf.js';
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
import { t, type Lang } from './support/demo.js';
import { isFocused, tabTo } from './support/keyboard.js';
import { expectFitsWidth } from './support/layout.js';

// One practice of its own (Ecuador's, a word no other text has), never the seven demo practices:
// drafted, returned, fixed, published, then found by a French reader.

const web = useBrowser();
// Letters only: the word goes through the French and Spanish stemmers like any other.
const WORD = `zorval${[...randomBytes(4)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const TITLE_ES = `Red comunitaria de prevención ${WORD}`;
const TITLE_FR = `Réseau communautaire de prévention ${WORD}`;
const RETURN_NOTE = 'Añadan los resultados, por favor.';
const focal: NewUser = {
  email: uniqueEmail('practices-fp-ecu'),
  name: 'Elena Ecuador',
  role: 'focal_point',
  state: 'ECU',
  lang: 'en',
  password: 'ecuador shares what works',
};
const staff: NewUser = {
  email: uniqueEmail('practices-secretariat'),
  name: 'Sara Secretaría',
  role: 'secretariat',
  lang: 'en',
  password: 'the secretariat curates the library',
};
/** A 1×1 PNG, complete (its IEND chunk included). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** The demo meeting and an item of its published agenda, where the practice says it was presented. */
const MEETING = 'oas-iom-tip-2005';
const ITEM = 'd1-2';
/** Set by the first journey, read by the next ones (tests of a file run in order). */
let practiceId = '';

beforeAll(async () => {
  await Promise.all([focal, staff].map(createUser));
});

async function pdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  registerFonts(doc);
  const done = collectPdf(doc);
  doc.font('regular').fontSize(14).text(text);
  doc.end();
  return done;
}

const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });
const version = (page: Page, key: 'original' | 'translation', lang: Lang) =>
  group(page, t('en', `practices.version.${key}`, { language: t('en', `lang.name.${lang}`) }));
const button = (scope: Page | Locator, id: string) => scope.getByRole('button', { name: t('en', id), exact: true });

async function signedIn(user: NewUser, device: 'desktop' | 'phone' = 'desktop'): Promise<Session> {
  const session = await web.open({ device });
  await signInByApi(session, user.email, user.password);
  return session;
}

async function openPractice(session: Session, lang: Lang, title: string): Promise<void> {
  await session.page.goto(session.url(`/${lang}/practices/${practiceId}`));
  await heading(session.page, title);
}

describe('practices: share, review, find', () => {
  test('a focal point drafts a Spanish practice with a French translation, attaches a PDF, submits', async () => {
    const session = await signedIn(focal);
    const { page, url } = session;
    await page.goto(url('/en/practices/new'));
    await heading(page, t('en', 'practices.create.title'));
    const original = page.getByLabel(t('en', 'practices.field.original'), { exact: true });
    await expectNoAxeViolations(page);

    // Keyboard: the form is reached with Tab; sent empty, it names the missing title first.
    await tabTo(page, original);
    expect(await isFocused(original)).toBe(true);
    await button(page, 'practices.form.create').click();
    await errorSummary(page, 'en')
      .getByText(t('en', 'form.error.required', { field: t('en', 'practices.field.title') }))
      .waitFor();
    expect(await isFocused(errorSummary(page, 'en'))).toBe(true);

    await original.selectOption('es');
    await group(page, t('en', 'practices.field.translations')).getByLabel('French', { exact: true }).check();
    const es = version(page, 'original', 'es');
    await field(es, 'en', t('en', 'practices.field.title')).fill(TITLE_ES);
    await field(es, 'en', t('en', 'practices.field.summary')).fill('Redes comunitarias que previenen la trata.');
    await field(es, 'en', t('en', 'practices.field.description')).fill(
      `Las comunidades de frontera forman redes ${WORD} de prevención. Escriban a red@example.org.`,
    );
    const fr = version(page, 'translation', 'fr');
    await fr.getByLabel(t('en', 'practices.field.source'), { exact: true }).selectOption('unofficial');
    await field(fr, 'en', t('en', 'practices.field.title')).fill(TITLE_FR);
    await field(fr, 'en', t('en', 'practices.field.summary')).fill('Des réseaux communautaires préviennent la traite.');
    await field(fr, 'en', t('en', 'practices.field.description')).fill(
      `Les communautés frontalières forment des réseaux ${WORD} de prévention.`,
    );
    // Its legend carries "(required)" after the name.
    await page
      .getByRole('group', { name: new RegExp(`^${t('en', 'practices.facet.theme')}`) })
      .getByLabel(t('en', 'practices.theme.prevention'))
      .check();
    await group(page, t('en', 'practices.facet.targetGroup')).getByLabel(t('en', 'practices.group.women')).check();
    await group(page, t('en', 'practices.field.countries')).getByLabel('Ecuador', { exact: true }).check();
    await page.getByLabel(t('en', 'practices.field.periodStart'), { exact: true }).fill('2004');
    await expectNoAxeViolations(page);
    await button(page, 'practices.form.create').click();

    // The English reader sees the Spanish original, said to be one.
    await heading(page, TITLE_ES);
    await page.getByText(t('en', 'practices.form.saved')).waitFor();
    practiceId = /\/practices\/([^/?#]+)$/.exec(page.url())?.[1] ?? '';
    expect(practiceId).not.toBe('');
    await page
      .getByText(t('en', 'practices.text.fallback', { wanted: 'English', language: 'Spanish' }))
      .first()
      .waitFor();

    // A web page posing as a document is refused by content, the reason next to the file field.
    session.problems.expect('an HTML file: POST …/attachments answers 415', (p) =>
      p.url.includes(`/api/practices/${practiceId}/attachments`),
    );
    const upload = page.getByRole('form', { name: t('en', 'practices.attachments.add'), exact: true });
    const file = upload.getByLabel(t('en', 'practices.attachments.file'), { exact: true });
    await file.setInputFiles({
      name: 'red.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<!doctype html><p>x</p>'),
    });
    await button(upload, 'practices.attachments.submit').click();
    await upload.locator('.field-error').getByText(t('en', 'documents.error.file.html')).waitFor();
    await file.setInputFiles({ name: 'red-ecuador.pdf', mimeType: 'application/pdf', buffer: await pdf(TITLE_ES) });
    await button(upload, 'practices.attachments.submit').click();
    await upload.getByText(t('en', 'practices.attachments.done', { file: 'red-ecuador.pdf' })).waitFor();
    await page.getByRole('link', { name: /^red-ecuador\.pdf \(PDF, / }).waitFor();
    await expectNoAxeViolations(page);

    await button(page, 'practices.action.submit').click();
    await page.getByText(t('en', 'practices.action.submitted')).waitFor();
    await page.getByText(t('en', 'practices.status.submitted')).first().waitFor();
  });

  test('the secretariat finds it in the review queue and returns it with a comment', async () => {
    expect(practiceId, 'the focal point’s journey drafted it').not.toBe('');
    const { page, url } = await signedIn(staff);
    await page.goto(url('/en/practices/work'));
    const waiting = page.getByRole('region', { name: /^Waiting for review/ });
    await waiting.getByRole('link', { name: new RegExp(TITLE_ES) }).click();
    await heading(page, TITLE_ES);
    const review = page.getByRole('form', { name: t('en', 'practices.review.title'), exact: true });
    await review.getByLabel(t('en', 'practices.review.return')).check();
    await button(review, 'practices.review.submit').click();
    await review.getByText(t('en', 'practices.error.commentRequired')).first().waitFor();
    await field(review, 'en', t('en', 'practices.review.comment')).fill(RETURN_NOTE);
    await button(review, 'practices.review.submit').click();
    await page.getByText(t('en', 'practices.review.done')).waitFor();
    const discussion = page.getByRole('region', { name: t('en', 'practices.discussion'), exact: true });
    await discussion.getByText(RETURN_NOTE).waitFor();
    await page.getByText(t('en', 'practices.status.returned')).first().waitFor();
  });

  test('the owner reads the comment, adds the results and submits again', async () => {
    const session = await signedIn(focal);
    const { page } = session;
    await openPractice(session, 'en', TITLE_ES);
    await page
      .getByRole('region', { name: t('en', 'practices.discussion') })
      .getByText(RETURN_NOTE)
      .waitFor();
    await page.getByRole('link', { name: t('en', 'practices.action.edit'), exact: true }).click();
    await heading(page, t('en', 'practices.edit.title', { title: TITLE_ES }));
    // An image attached by mistake is removed again; the PDF stays.
    const upload = page.getByRole('form', { name: t('en', 'practices.attachments.add'), exact: true });
    await upload.getByLabel(t('en', 'practices.attachments.file'), { exact: true }).setInputFiles({
      name: 'foto.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG, 'base64'),
    });
    await button(upload, 'practices.attachments.submit').click();
    await upload.getByText(t('en', 'practices.attachments.done', { file: 'foto.png' })).waitFor();
    await page.getByRole('button', { name: t('en', 'practices.attachments.remove', { file: 'foto.png' }) }).click();
    await page.getByText(t('en', 'practices.attachments.removed', { file: 'foto.png' })).waitFor();
    // The list reloads after the removal is said: wait for the row to go.
    await page.getByRole('link', { name: /^foto\.png/ }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: /^red-ecuador\.pdf \(PDF, / }).waitFor();
    await field(version(page, 'original', 'es'), 'en', t('en', 'practices.field.results')).fill(
      'Tres redes activas en la frontera norte.',
    );
    // A place that is not a member state, named in two languages; added from the keyboard,
    // focus goes to the new place's first name.
    await button(page, 'practices.place.add').focus();
    await page.keyboard.press('Enter');
    const place = group(page, t('en', 'practices.place.item', { number: 1 }));
    const english = place.getByLabel(t('en', 'practices.place.nameIn', { language: 'English' }), { exact: true });
    expect(await isFocused(english)).toBe(true);
    await page.keyboard.type('Netherlands Antilles');
    await place
      .getByLabel(t('en', 'practices.place.nameIn', { language: 'French' }), { exact: true })
      .fill('Antilles néerlandaises');
    // Presented at the demo meeting, at an item of its published agenda.
    await button(page, 'practices.presented.add').click();
    const shown = group(page, t('en', 'practices.presented.entry', { number: 1 }));
    await field(shown, 'en', t('en', 'practices.presented.meeting')).selectOption(MEETING);
    const item = shown.getByLabel(t('en', 'practices.presented.item'), { exact: true });
    await item.locator(`option[value="${ITEM}"]`).waitFor({ state: 'attached' });
    await item.selectOption(ITEM);
    await expectNoAxeViolations(page);
    await button(page, 'practices.form.save').click();
    await heading(page, TITLE_ES);
    await page.getByRole('heading', { level: 2, name: t('en', 'practices.field.results') }).waitFor();
    // The practice page says where it ran and links to the agenda item it was presented at.
    const agenda = await session.context.request.get(session.url(`/api/meetings/${MEETING}/agenda?lang=en`));
    const days = (await agenda.json()) as {
      meeting: { title: { text: string } };
      days: { blocks: { items: { key: string; number: number; title: { text: string } }[] }[] }[];
    };
    const agendaItem = days.days.flatMap((d) => d.blocks.flatMap((b) => b.items)).find((i) => i.key === ITEM);
    expect(agendaItem, `${ITEM} is on the demo agenda`).toBeDefined();
    await page
      .locator('.practice-facts')
      .getByText(/Netherlands Antilles/)
      .waitFor();
    const presented = page.getByRole('link', {
      name: t('en', 'practices.presented.link', {
        meeting: days.meeting.title.text,
        item: t('en', 'documents.agendaItemName', {
          number: agendaItem?.number ?? 0,
          title: agendaItem?.title.text ?? '',
        }),
      }),
      exact: true,
    });
    expect(await presented.getAttribute('href')).toBe(`/en/meetings/${MEETING}/agenda#item-${ITEM}`);
    // The owner answers in the discussion, then submits again.
    const talk = page.getByRole('form', { name: t('en', 'practices.comment.title'), exact: true });
    await field(talk, 'en', t('en', 'practices.comment.body')).fill('Resultados añadidos.');
    await button(talk, 'practices.comment.submit').click();
    await talk.getByText(t('en', 'practices.comment.done')).waitFor();
    await page
      .getByRole('region', { name: t('en', 'practices.discussion') })
      .getByText('Resultados añadidos.')
      .waitFor();
    await button(page, 'practices.action.submit').click();
    await page.getByText(t('en', 'practices.action.submitted')).waitFor();
  });

  test('the secretariat is warned of personal data, confirms and publishes', async () => {
    const session = await signedIn(staff);
    const { page } = session;
    session.problems.expect('publishing an e-mail address answers 409 until confirmed', (p) =>
      p.url.includes(`/api/practices/${practiceId}/review`),
    );
    await openPractice(session, 'en', TITLE_ES);
    const review = page.getByRole('form', { name: t('en', 'practices.review.title'), exact: true });
    await review.getByText('red@example.org').waitFor();
    await button(review, 'practices.review.submit').click();
    await errorSummary(review, 'en').getByText(t('en', 'practices.review.confirmNeeded')).waitFor();
    await review.getByLabel(t('en', 'practices.review.confirm'), { exact: true }).check();
    await expectNoAxeViolations(page);
    await button(review, 'practices.review.submit').click();
    await page.getByText(t('en', 'practices.review.done')).waitFor();
    await page.getByText(t('en', 'practices.status.published')).first().waitFor();
  });

  test('a French reader finds it with a French query and a theme, on a computer and a phone', async () => {
    for (const device of ['desktop', 'phone'] as const) {
      const session = await web.open({ device, locale: 'fr' });
      const { page, url } = session;
      await page.goto(url('/fr/practices'));
      await heading(page, t('fr', 'practices.title'));
      await page
        .getByRole('status')
        .filter({ hasText: /pratiques? dans la bibliothèque/ })
        .waitFor();
      const search = page.getByRole('search', { name: t('fr', 'practices.search') });
      await search.getByLabel(t('fr', 'practices.search.q'), { exact: true }).fill(`réseaux ${WORD}`);
      await search.getByLabel(t('fr', 'practices.facet.theme'), { exact: true }).selectOption('prevention');
      await search.getByRole('button', { name: t('fr', 'practices.search.apply') }).click();
      await page
        .getByRole('status')
        .getByText(t('fr', 'practices.countFiltered', { count: 1 }))
        .waitFor();
      expect(new URL(page.url()).searchParams.get('theme')).toBe('prevention');
      await page.locator('.practice-snippet mark').first().waitFor();
      await expectNoAxeViolations(page);
      await expectFitsWidth(page);

      await page.getByRole('link', { name: TITLE_FR, exact: true }).click();
      await heading(page, TITLE_FR);
      await page.getByText(t('fr', 'practices.text.source.unofficial')).first().waitFor();
      // The other place in the reader's language.
      await page
        .locator('.practice-facts')
        .getByText(/Antilles néerlandaises/)
        .waitFor();
      const link = page.getByRole('link', { name: /^red-ecuador\.pdf \(PDF, / });
      const res = await session.context.request.get(url((await link.getAttribute('href')) ?? ''));
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The public sees neither the discussion nor the workflow.
      expect(await page.getByRole('region', { name: t('fr', 'practices.discussion') }).count()).toBe(0);
      await expectNoAxeViolations(page);
      await expectFitsWidth(page);
    }
  });

  test('the form on a phone, with a place and a presentation: axe-clean and within 360 px', async () => {
    const { page, url } = await signedIn(focal, 'phone');
    await page.goto(url('/en/practices/new'));
    await heading(page, t('en', 'practices.create.title'));
    await page.getByLabel(t('en', 'practices.field.original'), { exact: true }).waitFor();
    await button(page, 'practices.place.add').click();
    await button(page, 'practices.presented.add').click();
    const shown = group(page, t('en', 'practices.presented.entry', { number: 1 }));
    await field(shown, 'en', t('en', 'practices.presented.meeting')).selectOption(MEETING);
    await shown.locator(`option[value="${ITEM}"]`).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page);
    await expectFitsWidth(page);
  });
});
