import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../files/pdf-text.js';
import { api, docWorld, files, SLUG, upload, type DocWorld } from './documents.test-helper.js';

let w: DocWorld;
beforeAll(async () => {
  w = await docWorld();
});
afterAll(async () => w.t.close());

interface Doc {
  id: string;
  kind: string;
  symbol: string;
  date: string | null;
  status: string;
  currentRevision: number;
  currentLabel: string | null;
  revisions: {
    number: number;
    label: string | null;
    note: string | null;
    date: string | null;
    files: { lang: string; url: string; sha256: string }[];
  }[];
}

const generate = (body: Record<string, unknown>, caller = w.secretariat) =>
  api(w, caller, 'POST', `/api/meetings/${SLUG}/documents/generated?lang=en`, body);

describe('generated documents enter the register when issued', () => {
  it('registers the list of participants with a symbol and date, then its next issue as rev. 1, noted in the meeting’s language', async () => {
    const first = await generate({ source: 'participant_list', date: '2005-03-01' });
    expect(first.statusCode, first.body).toBe(201);
    const doc = first.json<Doc>();
    expect(doc).toMatchObject({
      kind: 'list_of_participants',
      status: 'issued',
      date: '2005-03-01',
      currentRevision: 0,
    });
    expect(doc.symbol).toMatch(/^OAS-IOM-TIP-2005\/doc\.\d+$/);
    expect(doc.revisions[0]?.files.map((f) => f.lang).sort()).toEqual(['en', 'es', 'fr', 'pt']);

    const second = await generate({ source: 'participant_list', date: '2005-03-02' });
    expect(second.statusCode, second.body).toBe(201);
    const revised = second.json<Doc>();
    expect(revised.id).toBe(doc.id);
    expect(revised).toMatchObject({ symbol: doc.symbol, currentRevision: 1, currentLabel: 'rev. 1' });
    expect(revised.revisions[1]).toMatchObject({ date: '2005-03-02', note: 'Liste des participants au 2005-03-02.' });
  });

  it('keeps what was distributed byte for byte: the file of revision 0 is the one stored then', async () => {
    const list = await api(w, null, 'GET', `/api/meetings/${SLUG}/documents?kind=list_of_participants`);
    const id = list.json<{ items: { id: string }[] }>().items[0]?.id;
    const view = (await api(w, null, 'GET', `/api/documents/${id}?lang=en`)).json<Doc>();
    const stored = view.revisions[0]?.files.find((f) => f.lang === 'en');
    const file = await api(w, null, 'GET', `/api/documents/${id}/files/en?revision=0`);
    expect(file.statusCode).toBe(200);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(stored?.sha256);
  });

  it('registers a published agenda version as a revision of the agenda, once', async () => {
    // The demo register already holds version 1 (the seeded draft agenda).
    const again = await generate({ source: 'agenda', version: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', reason: 'already_registered' });
    const missing = await generate({ source: 'agenda', version: 99 });
    expect(missing.statusCode).toBe(404);

    const published = await api(w, w.secretariat, 'POST', `/api/meetings/${SLUG}/agenda/versions`);
    expect(published.statusCode, published.body).toBe(201);
    // Without a version: the latest published, here 2, as rev. 1 of the agenda already registered.
    const v2 = await generate({ source: 'agenda', date: '2005-03-15' });
    expect(v2.statusCode, v2.body).toBe(201);
    const agenda = v2.json<Doc>();
    expect(agenda).toMatchObject({ kind: 'agenda', symbol: 'OAS-IOM-TIP-2005/doc.2', currentLabel: 'rev. 1' });
    expect(agenda.revisions[1]).toMatchObject({
      date: '2005-03-15',
      note: 'Ordre du jour tel que publié dans la version 2.',
    });
    expect(agenda.revisions[1]?.files).toHaveLength(4);
  });

  it('is for the secretariat only, and refuses impossible dates', async () => {
    expect((await generate({ source: 'participant_list' }, w.focalARG)).statusCode).toBe(403);
    expect(
      (await api(w, null, 'POST', `/api/meetings/${SLUG}/documents/generated`, { source: 'agenda' })).statusCode,
    ).toBe(401);
    const bad = await generate({ source: 'participant_list', date: '2005-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body/date' }] });
    expect((await generate({ source: 'minutes' })).statusCode).toBe(400);
  });

  it('prints the public documents of each agenda item in the agenda PDF, and only those', async () => {
    const attach = async (distribution: string, fr: string) => {
      const created = await api(w, w.secretariat, 'POST', `/api/meetings/${SLUG}/documents`, {
        kind: 'presentation',
        agendaItemKey: 'd1-2',
        distribution,
        title: { original: 'fr', values: { fr: { text: fr, official: true } } },
      });
      const id = created.json<{ id: string }>().id;
      await upload(w, w.secretariat, id, 'fr', files.pdf(fr));
      await api(w, w.secretariat, 'POST', `/api/documents/${id}/issue`, {});
    };
    await attach('public', 'Présentation publique du Brésil');
    await attach('participants', 'Présentation réservée aux participants');
    const pdf = await api(w, null, 'GET', `/api/meetings/${SLUG}/agenda.pdf?lang=fr`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Documents :');
    expect(text).toContain('Présentation publique du Brésil');
    expect(text).not.toContain('réservée aux participants');
  });
});
