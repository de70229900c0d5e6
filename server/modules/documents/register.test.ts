import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { extractText, getDocumentProxy } from 'unpdf';
import { DocumentListSchema, DocumentSchema } from '../../../shared/schemas/documents.js';
import { seedAll } from '../../db/seed/seed.js';
import { auditRowsFor } from '../editing/actors.test-helper.js';
import { api, create, docWorld, files, issued, SLUG, title, upload, type DocWorld } from './documents.test-helper.js';

let w: DocWorld;
beforeAll(async () => {
  w = await docWorld();
});
afterAll(async () => w.t.close());

interface Doc {
  id: string;
  symbol: string | null;
  status: string;
  date: string | null;
  kind: string;
  currentRevision: number;
  currentLabel: string | null;
  languages: string[];
  reading: { revision: number; lang: string; fallback: boolean; original: boolean; official: boolean; url: string };
  revisions: {
    number: number;
    kind: string;
    label: string | null;
    date: string | null;
    note: string | null;
    files: { lang: string; role: string; official: boolean }[];
  }[];
}
const list = async (query = '') => {
  const res = await api(w, null, 'GET', `/api/meetings/${SLUG}/documents?lang=es${query}`);
  expect(res.statusCode).toBe(200);
  expect(Value.Check(DocumentListSchema, res.json())).toBe(true);
  return res.json<{ items: Doc[]; total: number }>();
};

describe('the demo register', () => {
  it('holds the concept note and the draft agenda, issued, public, French originals, no invented date', async () => {
    const { items } = await list();
    const note = items.find((d) => d.kind === 'concept_note');
    const agenda = items.find((d) => d.kind === 'agenda');
    expect(note).toMatchObject({ status: 'issued', date: null, symbol: 'OAS-IOM-TIP-2005/doc.1' });
    expect(agenda).toMatchObject({ status: 'issued', date: null, symbol: 'OAS-IOM-TIP-2005/doc.2' });
    expect(note?.languages.sort()).toEqual(['en', 'es', 'fr', 'pt']);
    // A Spanish reader gets the Spanish version, marked as an unofficial translation.
    expect(note?.reading).toMatchObject({ lang: 'es', fallback: false, original: false, official: false });
    const res = await api(w, null, 'GET', `/api/documents/${note?.id}?lang=fr`);
    expect(Value.Check(DocumentSchema, res.json())).toBe(true);
    const fr = res.json<Doc>().revisions[0]?.files.find((f) => f.lang === 'fr');
    expect(fr).toMatchObject({ role: 'original', official: true });
    const pdf = await api(w, null, 'GET', `/api/documents/${agenda?.id}/files/pt`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('renders the note from the meeting’s sections: French original, other languages marked unofficial', async () => {
    const { items } = await list();
    const note = items.find((d) => d.kind === 'concept_note');
    const text = async (lang: string) => {
      const res = await api(w, null, 'GET', `/api/documents/${note?.id}/files/${lang}`);
      const doc = await getDocumentProxy(new Uint8Array(res.rawPayload));
      return (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
    };
    const fr = await text('fr');
    expect(fr).toContain('Historique et justification');
    // Every page numbered in the reader's language.
    expect(fr).toMatch(/Page 1 sur \d+/);
    expect(fr).toContain('Réunion continentale OEA/OIM sur la traite de personnes');
    expect(fr).not.toContain('Traduction non officielle');
    const en = await text('en');
    expect(en).toContain('Unofficial translation');
  });

  it('is seeded once: seeding again adds nothing', async () => {
    const before = (await list()).total;
    await seedAll(w.t.app.db, w.t.app.files);
    expect((await list()).total).toBe(before);
  });
});

describe('register rules', () => {
  it('keeps symbols unique per meeting, given or assigned in a series', async () => {
    const a = await create(w, w.secretariat, { symbol: 'AG/RES. 2019 (XXXIV-O/04)', kind: 'resolution' });
    const dup = await api(w, w.secretariat, 'POST', `/api/meetings/${SLUG}/documents`, {
      kind: 'resolution',
      title: title('Autre'),
      symbol: 'AG/RES. 2019 (XXXIV-O/04)',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'conflict', reason: 'symbol_taken' });
    expect(a).toBeTruthy();

    const first = await issued(w, 'public');
    const second = await issued(w, 'public');
    const symbols = await Promise.all(
      [first, second].map(async (id) => (await api(w, null, 'GET', `/api/documents/${id}`)).json<Doc>().symbol),
    );
    expect(symbols[0]).toMatch(/^OAS-IOM-TIP-2005\/doc\.\d+$/);
    const n = Number(symbols[0]?.split('.').pop());
    expect(symbols[1]).toBe(`OAS-IOM-TIP-2005/doc.${n + 1}`);

    const inSeries = await create(w, w.secretariat, {});
    await upload(w, w.secretariat, inSeries, 'fr', files.pdf());
    const s1 = await api(w, w.secretariat, 'POST', `/api/documents/${inSeries}/issue`, {
      series: 'OEA/Ser.K/XXXIX CIDH',
    });
    expect(s1.json<Doc>().symbol).toBe('OEA/Ser.K/XXXIX CIDH/doc.1');

    const taken = await create(w, w.secretariat, {});
    await upload(w, w.secretariat, taken, 'fr', files.pdf());
    const clash = await api(w, w.secretariat, 'POST', `/api/documents/${taken}/issue`, {
      symbol: 'OEA/Ser.K/XXXIX CIDH/doc.1',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ reason: 'symbol_taken' });
    const again = await api(w, w.secretariat, 'POST', `/api/documents/${inSeries}/issue`, {});
    expect(again.statusCode).toBe(409);
  });

  it('numbers documents issued at the same time without a clash', async () => {
    const ids = await Promise.all([1, 2, 3, 4].map(() => create(w, w.secretariat, {})));
    for (const id of ids) await upload(w, w.secretariat, id, 'fr', files.pdf());
    const results = await Promise.all(
      ids.map((id) => api(w, w.secretariat, 'POST', `/api/documents/${id}/issue`, { series: 'PAR' })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const symbols = results.map((r) => r.json<Doc>().symbol).sort();
    expect(symbols).toEqual(['PAR/doc.1', 'PAR/doc.2', 'PAR/doc.3', 'PAR/doc.4']);
  });

  it('issues only with the original uploaded', async () => {
    const id = await create(w, w.secretariat, {});
    await upload(w, w.secretariat, id, 'es', files.pdf('es'));
    const res = await api(w, w.secretariat, 'POST', `/api/documents/${id}/issue`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ reason: 'original_missing' });
  });

  it('numbers revisions and corrigenda, shows the latest with files by default, keeps all', async () => {
    const id = await issued(w, 'public');
    const rev = (kind: string, note: string, date?: string) =>
      api(w, w.secretariat, 'POST', `/api/documents/${id}/revisions`, { kind, note, ...(date ? { date } : {}) });
    const r1 = await rev('rev', 'Paragraphe 3 reformulé', '2005-04-01');
    expect(r1.statusCode).toBe(201);
    // rev. 1 has no file yet: readers still get the issued text.
    expect(r1.json<Doc>().currentRevision).toBe(0);
    expect(r1.json<Doc>().revisions.map((r) => r.label)).toEqual([null, 'rev. 1']);
    await upload(w, w.secretariat, id, 'fr', files.pdf('rev 1 fr'), '&revision=1');
    await upload(w, w.secretariat, id, 'es', files.pdf('rev 1 es'), '&revision=1');
    await rev('corr', 'Coquille corrigée');
    const r3 = await rev('rev', 'Nouvelle version');
    const labels = r3.json<Doc>().revisions.map((r) => [r.number, r.label]);
    expect(labels).toEqual([
      [0, null],
      [1, 'rev. 1'],
      [2, 'corr. 1'],
      [3, 'rev. 2'],
    ]);
    expect(r3.json<Doc>().revisions[1]).toMatchObject({ date: '2005-04-01', note: 'Paragraphe 3 reformulé' });

    const view = (await api(w, null, 'GET', `/api/documents/${id}?lang=es`)).json<Doc>();
    expect(view.currentRevision).toBe(1);
    expect(view.currentLabel).toBe('rev. 1');
    expect(view.reading).toMatchObject({ revision: 1, lang: 'es', fallback: false });
    const latest = await api(w, null, 'GET', `/api/documents/${id}/files/es`);
    expect(latest.body).toContain('rev 1 es');
    expect(latest.headers['x-document-revision']).toBe('1');
    const old = await api(w, null, 'GET', `/api/documents/${id}/files/fr?revision=0`);
    expect(old.body).toContain('fr public');
    const missing = await api(w, null, 'GET', `/api/documents/${id}/files/fr?revision=9`);
    expect(missing.statusCode).toBe(404);
  });

  it('falls back to the original, says so, and answers 404 when asked strictly', async () => {
    const id = await issued(w, 'public');
    const meta = (await api(w, null, 'GET', `/api/documents/${id}?lang=pt`)).json<Doc>();
    expect(meta.reading).toMatchObject({ lang: 'fr', fallback: true, original: true });
    const res = await api(w, null, 'GET', `/api/documents/${id}/files/pt`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe('fr');
    expect(res.headers['x-language-fallback']).toBe('true');
    const strict = await api(w, null, 'GET', `/api/documents/${id}/files/pt?strict=true`);
    expect(strict.statusCode).toBe(404);
    expect(strict.json()).toMatchObject({ code: 'not_found', available: ['fr'] });
    const own = await api(w, null, 'GET', `/api/documents/${id}/files/fr`);
    expect(own.headers['x-language-fallback']).toBe('false');
    const bad = await api(w, null, 'GET', `/api/documents/${id}/files/de`);
    expect(bad.json()).toMatchObject({ code: 'unsupported_language' });
  });

  it('keeps issued files as they were, and supersedes', async () => {
    const id = await issued(w, 'public');
    const replace = await upload(w, w.secretariat, id, 'fr', files.pdf('changed'));
    expect(replace.statusCode).toBe(409);
    expect(replace.json()).toMatchObject({ reason: 'file_issued' });
    // A missing language may still be added.
    expect((await upload(w, w.secretariat, id, 'en', files.pdf('en'))).statusCode).toBe(200);
    const by = await issued(w, 'public');
    const res = await api(w, w.secretariat, 'POST', `/api/documents/${id}/supersede`, { by });
    expect(res.json()).toMatchObject({ status: 'superseded', supersededBy: by });
    expect((await api(w, null, 'GET', `/api/documents/${id}/files/fr`)).statusCode).toBe(200);
    const twice = await api(w, w.secretariat, 'POST', `/api/documents/${id}/supersede`, {});
    expect(twice.statusCode).toBe(409);
  });

  it('filters by kind, language and words, accents ignored', async () => {
    await create(w, w.secretariat, { title: title('Rapport régional'), kind: 'report' });
    const id = await issued(w, 'public', {
      kind: 'information',
      title: title('Expérience du Brésil', 'Experiencia de Brasil'),
    });
    // The concept note speaks of experiences and of Brazil too (full text); the title match comes first.
    expect((await list('&q=experience%20bresil')).items[0]?.id).toBe(id);
    expect((await list('&q=EXPERIENCIA')).items[0]?.id).toBe(id);
    expect((await list('&kind=information')).items.map((d) => d.id)).toEqual([id]);
    // The draft report is not public.
    expect((await list('&q=rapport%20regional')).items).toEqual([]);
    const withEs = await list('&language=es');
    expect(withEs.items.every((d) => d.languages.includes('es'))).toBe(true);
    expect(withEs.items.some((d) => d.kind === 'concept_note')).toBe(true);
  });

  it('links documents to agenda items of the meeting, and filters by item', async () => {
    const unknown = await api(w, w.focalARG, 'POST', `/api/meetings/${SLUG}/documents`, {
      kind: 'country_report',
      memberState: 'ARG',
      agendaItemKey: 'no-such-item',
      title: title('Rapport'),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body/agendaItemKey', reason: 'unknown_agenda_item' }],
    });
    const id = await issued(w, 'public', { agendaItemKey: 'd1-2', kind: 'country_report', memberState: 'ARG' });
    expect((await list('&agendaItem=d1-2')).items.map((d) => d.id)).toEqual([id]);
    const bad = (body: Record<string, unknown>) =>
      api(w, w.secretariat, 'POST', `/api/meetings/${SLUG}/documents`, { kind: 'report', title: title('R'), ...body });
    const state = await bad({ memberState: 'ZZZ' });
    expect(state.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body/memberState' }] });
    const date = await bad({ date: '2005-02-30' });
    expect(date.json()).toMatchObject({ code: 'validation_failed' });
    expect(date.body).toContain('body/date');
  });

  it('writes an audit entry for every change', async () => {
    const id = await issued(w, 'public');
    await api(w, w.secretariat, 'POST', `/api/documents/${id}/revisions`, { kind: 'corr', note: 'x' });
    await api(w, w.secretariat, 'POST', `/api/documents/${id}/supersede`, {});
    for (const action of [
      'document.create',
      'document.file_upload',
      'document.issue',
      'document.revise',
      'document.supersede',
    ]) {
      const rows = await auditRowsFor(w.t, action, id);
      expect(rows.length, action).toBe(1);
      expect(rows[0]).toMatchObject({ outcome: 'success', role: 'secretariat' });
    }
  });
});
