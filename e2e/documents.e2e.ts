import { randomBytes } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { collectPdf, registerFonts } from '../server/pdf.js';
import { createUser, field, heading, signInByApi, uniqueEmail, type NewUser } from './support/accounts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser, type Session } from './support/browser.js';
import { demo, t, type Lang } from './support/demo.js';
import { isFocused, tabTo } from './support/keyboard.js';
import { expectFitsWidth } from './support/layout.js';

// Files one document of its own (a French original attached to agenda item d1-2, issued in a
// series no other journey uses) and never touches the demo register's concept note and agenda.

const web = useBrowser();
const staff: NewUser = {
  email: uniqueEmail('documents-secretariat'),
  name: 'Denise Documents',
  role: 'secretariat',
  lang: 'en',
  password: 'the register keeps every revision',
};
const run = randomBytes(3).toString('hex');
const TITLE = `Rapport sur la coopération hémisphérique ${run}`;
const SERIES = `E2E-${run.toUpperCase()}`;
const ITEM = 'd1-2';
const NOTE = 'Figures for 2004 updated.';
const documentsPath = (lang: Lang) => `/${lang}/meetings/${demo.slug}/documents`;
/** Set by the secretariat's journey, read by the readers' (tests of a file run in order). */
let documentId = '';

// Peru's focal point: no other journey files documents for Peru.
const focalPER: NewUser = {
  email: uniqueEmail('documents-fp-per'),
  name: 'Pilar Punto Focal',
  role: 'focal_point',
  state: 'PER',
  lang: 'es',
  password: 'peru files its country report',
};
beforeAll(async () => {
  await Promise.all([staff, focalPER].map(createUser));
});

/** A small real PDF (pdfkit, the server's fonts) saying what it is. */
async function pdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  registerFonts(doc);
  const done = collectPdf(doc);
  doc.font('regular').fontSize(14).text(text);
  doc.end();
  return done;
}

const formNamed = (page: Page, lang: Lang, id: string) => page.getByRole('form', { name: t(lang, id), exact: true });

/** Uploads `buffer` as the `fileLang` version with the page's upload form, and waits for it to be said. */
async function upload(page: Page, fileLang: Lang, name: string, buffer: Buffer): Promise<void> {
  const form = formNamed(page, 'en', 'documents.upload.title');
  await form.getByLabel(t('en', 'documents.upload.language'), { exact: true }).selectOption(fileLang);
  await form.getByLabel(t('en', 'documents.upload.file'), { exact: true }).setInputFiles({
    name,
    mimeType: 'application/pdf',
    buffer,
  });
  await form.getByRole('button', { name: t('en', 'documents.upload.submit'), exact: true }).click();
  const language = t('en', `lang.name.${fileLang}`);
  await form.getByText(t('en', 'documents.upload.done', { file: name, language }), { exact: true }).waitFor();
}

/** The download link of one language version in a list of files ("French (PDF, 2 kB)"). */
const fileLink = (scope: Locator, lang: Lang, fileLang: Lang) =>
  scope.getByRole('link', { name: new RegExp(`^${t(lang, `lang.name.${fileLang}`)} \\(PDF, `) });

async function fetchFile(session: Session, link: Locator) {
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/documents\//);
  const res = await session.context.request.get(session.url(href ?? ''));
  expect(res.status()).toBe(200);
  return res;
}

describe('documents: the meeting’s register', () => {
  test('the secretariat files a French report, uploads French and Spanish PDFs, issues it, then rev. 1', async () => {
    const session = await web.open();
    const { page, url } = session;
    await signInByApi(session, staff.email, staff.password);
    await page.goto(url(documentsPath('en')));
    await heading(page, t('en', 'documents.title'));
    // The seeded register (concept note, agenda) is listed, and the count is announced.
    await page
      .getByRole('status')
      .filter({ hasText: /\d+ documents/ })
      .waitFor();
    const create = formNamed(page, 'en', 'documents.create.title');
    const title = field(create, 'en', t('en', 'documents.field.title'));
    await title.waitFor();
    await expectNoAxeViolations(page);

    // Keyboard: the form is reached with Tab; sending it empty names the missing title.
    await tabTo(page, title);
    expect(await isFocused(title)).toBe(true);
    await create.getByRole('button', { name: t('en', 'documents.create.submit') }).click();
    await create
      .getByText(t('en', 'form.error.required', { field: t('en', 'documents.field.title') }))
      .first()
      .waitFor();

    await create.getByLabel(t('en', 'documents.field.kind'), { exact: true }).selectOption('report');
    await create.getByLabel(t('en', 'documents.field.originalLang'), { exact: true }).selectOption('fr');
    await title.fill(TITLE);
    await create.getByLabel(t('en', 'documents.field.date'), { exact: true }).fill('2005-03-15');
    await create.getByLabel(t('en', 'documents.field.agendaItem'), { exact: true }).selectOption(ITEM);
    await create.getByRole('button', { name: t('en', 'documents.create.submit') }).click();
    await heading(page, TITLE);
    await page.getByText(t('en', 'documents.create.done')).waitFor();
    documentId = /\/documents\/([^/?#]+)$/.exec(page.url())?.[1] ?? '';
    expect(documentId).not.toBe('');

    // A web page is refused by content, and the server's reason is said next to the file field.
    session.problems.expect('an HTML file: PUT …/files/fr answers 415', (p) =>
      p.url.includes(`/api/documents/${documentId}/files/fr`),
    );
    const uploadForm = formNamed(page, 'en', 'documents.upload.title');
    await uploadForm.getByLabel(t('en', 'documents.upload.file'), { exact: true }).setInputFiles({
      name: 'rapport.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<!doctype html><html><body>not a report</body></html>'),
    });
    await uploadForm.getByRole('button', { name: t('en', 'documents.upload.submit') }).click();
    await uploadForm.locator('.field-error').getByText(t('en', 'documents.error.file.html')).waitFor();
    await expectNoAxeViolations(page);

    await upload(page, 'fr', 'rapport-fr.pdf', await pdf(`${TITLE} (original)`));
    await upload(page, 'es', 'informe-es.pdf', await pdf(`Informe ${run} (traducción)`));

    // Issued as the next number of a series of its own.
    const issue = formNamed(page, 'en', 'documents.issue.title');
    await issue.getByLabel(t('en', 'documents.issue.series'), { exact: true }).fill(SERIES);
    await issue.getByRole('button', { name: t('en', 'documents.issue.submit'), exact: true }).click();
    await page.getByText(t('en', 'documents.issue.done')).waitFor();
    await page.getByRole('definition').getByText(`${SERIES}/doc.1`, { exact: true }).waitFor();

    const revise = formNamed(page, 'en', 'documents.revision.title');
    await revise.getByLabel(t('en', 'documents.revision.kind'), { exact: true }).selectOption('rev');
    await field(revise, 'en', t('en', 'documents.revision.note')).fill(NOTE);
    await revise.getByRole('button', { name: t('en', 'documents.revision.submit') }).click();
    await revise.getByText(t('en', 'documents.revision.done')).waitFor();
    await upload(page, 'fr', 'rapport-fr-rev1.pdf', await pdf(`${TITLE} rev. 1 (original)`));
    await upload(page, 'es', 'informe-es-rev1.pdf', await pdf(`Informe ${run} rev. 1`));

    const revisions = page.getByRole('region', { name: t('en', 'documents.revisions'), exact: true });
    await revisions.getByRole('heading', { level: 3, name: /^rev\. 1/ }).waitFor();
    await revisions.getByText(NOTE, { exact: true }).waitFor();
    // Both revisions keep their files: two links per revision.
    expect(await revisions.getByRole('link').count()).toBe(4);
    await expectNoAxeViolations(page);
  });

  test('a reader in Spanish gets the Spanish rev. 1, can download the French original; filters combine', async () => {
    expect(documentId, 'the secretariat’s journey filed the document').not.toBe('');
    const session = await web.open({ locale: 'es' });
    const { page, url } = session;
    await page.goto(url(`/es/documents/${documentId}`));
    await heading(page, TITLE);
    const reading = page.getByRole('region', { name: t('es', 'documents.reading.title'), exact: true });
    await reading
      .getByText(
        t('es', 'documents.reading.translation', { language: 'español', revision: 'rev. 1', official: 'false' }),
      )
      .waitFor();
    const own = await fetchFile(session, reading.getByRole('link'));
    expect(own.headers()['content-language']).toBe('es');
    expect(own.headers()['x-document-revision']).toBe('1');

    const versions = page.getByRole('region', { name: /rev\. 1$/ });
    const original = fileLink(versions, 'es', 'fr');
    const res = await fetchFile(session, original);
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.headers()['content-language']).toBe('fr');
    expect(res.headers()['x-document-revision']).toBe('1');
    await versions.getByText(`${t('es', 'documents.file.original')} · ${t('es', 'documents.file.official')}`).waitFor();
    await expectNoAxeViolations(page);

    // The register, searched by words and filtered by language: the filters stay in the address.
    await page.goto(url(documentsPath('es')));
    await heading(page, t('es', 'documents.title'));
    const search = page.getByRole('search', { name: t('es', 'documents.filter') });
    await search.getByLabel(t('es', 'documents.filter.q'), { exact: true }).fill(`hemispherique ${run}`);
    await search.getByLabel(t('es', 'documents.filter.language'), { exact: true }).selectOption('es');
    await search.getByRole('button', { name: t('es', 'documents.filter.apply') }).click();
    await page
      .getByRole('status')
      .getByText(t('es', 'documents.countFiltered', { count: 1 }))
      .waitFor();
    expect(new URL(page.url()).searchParams.get('language')).toBe('es');
    await page.getByRole('link', { name: TITLE, exact: true }).waitFor();
    await search.getByLabel(t('es', 'documents.field.kind'), { exact: true }).selectOption('presentation');
    await search.getByRole('button', { name: t('es', 'documents.filter.apply') }).click();
    await page
      .getByRole('status')
      .getByText(t('es', 'documents.countFiltered', { count: 0 }))
      .waitFor();
    await expectNoAxeViolations(page);

    // The agenda lists it under its item.
    await page.goto(url(`/es/meetings/${demo.slug}/agenda`));
    const item = page.locator(`#item-${ITEM}`);
    await item.getByRole('link', { name: TITLE, exact: true }).waitFor();
  });

  test('a reader in Portuguese is told the document is only in the original French', async () => {
    const session = await web.open({ locale: 'pt-BR' });
    const { page, url } = session;
    await page.goto(url(`/pt/documents/${documentId}`));
    await heading(page, TITLE);
    await page
      .getByText(t('pt', 'documents.reading.fallback', { wanted: 'português', language: 'francês' }), { exact: true })
      .waitFor();
    await page
      .getByRole('link', { name: t('pt', 'documents.reading.download', { language: 'francês', format: 'PDF' }) })
      .waitFor();
  });

  test('on a phone: the register and the document fit the screen, axe clean', async () => {
    const { page, url } = await web.open({ device: 'phone', locale: 'fr' });
    await page.goto(url(documentsPath('fr')));
    await heading(page, t('fr', 'documents.title'));
    await page.getByRole('link', { name: TITLE, exact: true }).waitFor();
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await heading(page, TITLE);
    await page.getByText(t('fr', 'documents.reading.original', { language: 'français', revision: 'rev. 1' })).waitFor();
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);
  });

  test('a focal point files a draft country report for Peru; only the secretariat issues, and it supersedes', async () => {
    const fp = await web.open({ locale: 'es' });
    await signInByApi(fp, focalPER.email, focalPER.password);
    await fp.page.goto(fp.url(documentsPath('es')));
    const create = formNamed(fp.page, 'es', 'documents.create.title');
    // A focal point files only reports and presentations, for their own state.
    const kind = create.getByLabel(t('es', 'documents.field.kind'), { exact: true });
    await kind.waitFor();
    expect(await kind.locator('option').allTextContents()).toEqual([
      t('es', 'documents.kind.country_report'),
      t('es', 'documents.kind.presentation'),
    ]);
    await field(create, 'es', t('es', 'documents.field.title')).fill(`Informe del Perú ${run}`);
    await create.getByRole('button', { name: t('es', 'documents.create.submit') }).click();
    await heading(fp.page, `Informe del Perú ${run}`);
    await fp.page.getByRole('definition').getByText('Perú').waitFor();
    const draftId = /\/documents\/([^/?#]+)$/.exec(fp.page.url())?.[1] ?? '';
    await formNamed(fp.page, 'es', 'documents.upload.title').waitFor();
    expect(await formNamed(fp.page, 'es', 'documents.issue.title').count()).toBe(0);
    await expectNoAxeViolations(fp.page);

    // In its filer's register, not in the public one, while a draft.
    const search = `/api/meetings/${demo.slug}/documents?q=${encodeURIComponent(`Peru ${run}`)}`;
    const own = await fp.context.request.get(fp.url(search));
    expect(((await own.json()) as { total: number }).total).toBe(1);
    const anonymous = await web.open({ locale: 'es' });
    const listed = await anonymous.context.request.get(fp.url(search));
    expect(((await listed.json()) as { total: number }).total).toBe(0);
    // Its address asks a signed-out reader to sign in first.
    anonymous.problems.expect('a draft, signed out: GET /api/documents/:id answers 401', (p) =>
      p.url.includes(`/api/documents/${draftId}`),
    );
    await anonymous.page.goto(anonymous.url(`/es/documents/${draftId}`));
    await anonymous.page.waitForURL(/\/es\/sign-in\?next=/);

    // The secretariat supersedes the issued report (asked twice), replaced by Peru's.
    const staffView = await web.open();
    await signInByApi(staffView, staff.email, staff.password);
    await staffView.page.goto(staffView.url(`/en/documents/${documentId}`));
    await heading(staffView.page, TITLE);
    const supersede = formNamed(staffView.page, 'en', 'documents.supersede.title');
    await supersede.getByLabel(t('en', 'documents.supersede.by'), { exact: true }).selectOption(draftId);
    await supersede.getByRole('button', { name: t('en', 'documents.supersede.submit'), exact: true }).click();
    await supersede.getByRole('button', { name: t('en', 'documents.supersede.confirm'), exact: true }).click();
    await staffView.page.getByText(t('en', 'documents.supersede.done')).waitFor();
    await staffView.page.getByRole('definition').getByText(t('en', 'documents.status.superseded')).waitFor();
    await staffView.page.getByRole('link', { name: t('en', 'documents.supersededByLink'), exact: true }).waitFor();
  });

  test('the secretariat issues the list of participants as it stands into the register', async () => {
    const session = await web.open();
    const { page, url } = session;
    await signInByApi(session, staff.email, staff.password);
    await page.goto(url(documentsPath('en')));
    const generate = formNamed(page, 'en', 'documents.generate.title');
    await generate.getByLabel(t('en', 'documents.generate.source'), { exact: true }).selectOption('participant_list');
    await expectNoAxeViolations(page);
    await generate.getByRole('button', { name: t('en', 'documents.generate.submit'), exact: true }).click();
    await page.waitForURL(/\/en\/documents\/[0-9a-f-]{36}$/);
    await heading(page, t('en', 'documents.generated.participantList'));
    // Issued with the meeting's next symbol, and its four language versions are there to download.
    await page.getByRole('definition').getByText(t('en', 'documents.status.issued')).waitFor();
    const id = page.url().split('/').pop() ?? '';
    const file = await session.context.request.get(url(`/api/documents/${id}/files/fr`));
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
