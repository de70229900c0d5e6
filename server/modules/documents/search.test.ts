import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPdf, FONT_REGULAR } from '../../pdf.js';
import { api, create, docWorld, issued, SLUG, title, upload, type DocWorld } from './documents.test-helper.js';

let w: DocWorld;
beforeAll(async () => {
  w = await docWorld();
});
afterAll(async () => w.t.close());

/** A real PDF whose words pdf.js can read back. */
async function pdfWith(text: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const done = collectPdf(doc);
  doc.font(FONT_REGULAR).text(text);
  doc.end();
  return done;
}

const find = async (q: string, caller = null as null | DocWorld['secretariat'], lang = 'en') => {
  const res = await api(w, caller, 'GET', `/api/meetings/${SLUG}/documents?lang=${lang}&q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { id: string }[] }>().items.map((d) => d.id);
};

describe('searching the register by the words of its files', () => {
  let spanish: string;
  let french: string;
  beforeAll(async () => {
    spanish = await create(w, w.secretariat, { title: title('Rapport régional', 'Informe regional') });
    await upload(w, w.secretariat, spanish, 'fr', await pdfWith('Rapport sur la coopération régionale.'));
    await upload(
      w,
      w.secretariat,
      spanish,
      'es',
      await pdfWith('La explotación laboral de niños y niñas en la región andina.'),
    );
    expect((await api(w, w.secretariat, 'POST', `/api/documents/${spanish}/issue`, {})).statusCode).toBe(200);
    french = await create(w, w.secretariat, { title: title('Note sur les enfants') });
    await upload(
      w,
      w.secretariat,
      french,
      'fr',
      await pdfWith('La traite des enfants à des fins d’exploitation sexuelle.'),
    );
    expect((await api(w, w.secretariat, 'POST', `/api/documents/${french}/issue`, {})).statusCode).toBe(200);
  });

  it('finds a Spanish text with or without accents, in any inflection', async () => {
    for (const q of ['explotación', 'explotacion', 'explotaciones laborales', 'niño']) {
      expect(await find(q), q).toContain(spanish);
    }
    expect(await find('explotación')).not.toContain(french);
  });

  it('stems French words: "enfant" finds "enfants", "exploitées" finds "exploitation"', async () => {
    expect(await find('enfant')).toContain(french);
    expect(await find('exploitées sexuelles')).toContain(french);
    expect(await find('enfant maritime')).not.toContain(french);
  });

  it('ranks a title match above a match in the body', async () => {
    const inTitle = await create(w, w.secretariat, { title: title('Retour volontaire et réintégration') });
    await upload(w, w.secretariat, inTitle, 'fr', await pdfWith('Programme d’assistance.'));
    const inBody = await create(w, w.secretariat, { title: title('Programme annuel') });
    await upload(w, w.secretariat, inBody, 'fr', await pdfWith('Un volet sur la réintégration des victimes.'));
    const ids = await find('réintégration', w.secretariat);
    expect(ids.indexOf(inTitle)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(inTitle)).toBeLessThan(ids.indexOf(inBody));
  });

  it('never shows a document to someone who may not read it, even when its words match', async () => {
    const secret = await issued(w, 'secretariat', { title: title('Évaluation confidentielle des risques') });
    const own = await pdfWith('Évaluation confidentielle des risques pour les témoins.');
    await api(w, w.secretariat, 'POST', `/api/documents/${secret}/revisions`, { kind: 'corr', note: 'texte' });
    await upload(w, w.secretariat, secret, 'fr', own);
    expect(await find('témoins confidentielle', w.secretariat)).toContain(secret);
    expect(await find('témoins confidentielle')).not.toContain(secret);
    expect(await find('témoins confidentielle', w.participant)).not.toContain(secret);
  });

  it('finds the demo concept note by words of its text in every language', async () => {
    const note = (await find('traite', null, 'fr'))[0];
    expect(note).toBeDefined();
    for (const q of ['trafficking', 'trata de personas', 'tráfico de pessoas'])
      expect(await find(q), q).toContain(note);
  });
});
