import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../editing/actors.test-helper.js';
import { api, create, docWorld, files, issued, SLUG, title, upload, type DocWorld } from './documents.test-helper.js';

let w: DocWorld;
let docs: Record<'public' | 'participants' | 'secretariat' | 'draftARG' | 'draftSecretariat', string>;
beforeAll(async () => {
  w = await docWorld();
  const draftARG = await create(w, w.focalARG, {
    kind: 'country_report',
    memberState: 'ARG',
    agendaItemKey: undefined,
    title: title('Rapport national secret ARG'),
  });
  await upload(w, w.focalARG, draftARG, 'fr', files.pdf('arg'));
  docs = {
    public: await issued(w, 'public', { title: title('Document public secret') }),
    participants: await issued(w, 'participants', { title: title('Document participants secret') }),
    secretariat: await issued(w, 'secretariat', { title: title('Document secretariat secret') }),
    draftARG,
    draftSecretariat: await create(w, w.secretariat, { title: title('Brouillon secret') }),
  };
});
afterAll(async () => w.t.close());

type Who = 'anonymous' | 'participant' | 'focalARG' | 'focalBRA' | 'repCIM' | 'secretariat';
const WHO: Who[] = ['anonymous', 'participant', 'focalARG', 'focalBRA', 'repCIM', 'secretariat'];
const caller = (who: Who): Caller | null => (who === 'anonymous' ? null : w[who]);

/** Who may read what: the distribution levels, and drafts for their owners. */
const MAY: Record<keyof typeof docs, Who[]> = {
  public: WHO,
  participants: ['participant', 'focalARG', 'focalBRA', 'repCIM', 'secretariat'],
  secretariat: ['secretariat'],
  draftARG: ['focalARG', 'secretariat'],
  draftSecretariat: ['secretariat'],
};

describe('distribution, for every caller', () => {
  for (const who of WHO) {
    it(`${who}: listings, search, direct ids and file URLs agree`, async () => {
      const listed = await api(w, caller(who), 'GET', `/api/meetings/${SLUG}/documents?lang=fr&q=secret`);
      const ids = listed.json<{ items: { id: string }[] }>().items.map((d) => d.id);
      for (const [name, id] of Object.entries(docs) as [keyof typeof docs, string][]) {
        const allowed = MAY[name].includes(who);
        expect(ids.includes(id), `${who} lists ${name}`).toBe(allowed);
        const byId = await api(w, caller(who), 'GET', `/api/documents/${id}`);
        const file = await api(w, caller(who), 'GET', `/api/documents/${id}/files/fr`);
        const refused = who === 'anonymous' ? 401 : 403;
        expect(byId.statusCode, `${who} reads ${name}`).toBe(allowed ? 200 : refused);
        if (name !== 'draftSecretariat')
          expect(file.statusCode, `${who} downloads ${name}`).toBe(allowed ? 200 : refused);
        else expect(file.statusCode, `${who} downloads ${name}`).toBe(allowed ? 404 : refused);
        if (!allowed) {
          expect(byId.body).not.toContain('secret');
          expect(file.body).not.toContain('%PDF');
        }
      }
    });
  }

  it('audits refused reads', async () => {
    await api(w, null, 'GET', `/api/documents/${docs.secretariat}/files/fr`);
    const rows = await w.t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_id', '=', docs.secretariat)
      .where('outcome', '=', 'denied')
      .execute();
    expect(rows.map((r) => r.action)).toContain('document.file_read');
  });

  it('sends private files as no-store and public ones cacheable, always nosniff', async () => {
    const priv = await api(w, w.secretariat, 'GET', `/api/documents/${docs.secretariat}/files/fr`);
    expect(priv.headers['cache-control']).toMatch(/no-store/);
    const pub = await api(w, null, 'GET', `/api/documents/${docs.public}/files/fr`);
    expect(pub.headers['cache-control']).toBe('public, max-age=300');
    expect(pub.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('focal points and representatives', () => {
  it('file reports and presentations for their own state only, as drafts', async () => {
    const post = (c: Caller, body: Record<string, unknown>) =>
      api(w, c, 'POST', `/api/meetings/${SLUG}/documents`, { title: title('Rapport'), ...body });
    const own = await post(w.focalARG, { kind: 'presentation', memberState: 'ARG', distribution: 'public' });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ status: 'draft', memberState: 'ARG', can: { upload: true, issue: false } });
    expect((await post(w.focalARG, { kind: 'country_report', memberState: 'BRA' })).statusCode).toBe(403);
    expect((await post(w.focalARG, { kind: 'resolution', memberState: 'ARG' })).statusCode).toBe(403);
    expect((await post(w.focalARG, { kind: 'country_report' })).statusCode).toBe(403);
    expect((await post(w.participant, { kind: 'country_report', memberState: 'ARG' })).statusCode).toBe(403);
    expect((await post(w.repCIM, { kind: 'presentation', organizationId: 'cim' })).statusCode).toBe(201);
    expect((await post(w.repCIM, { kind: 'presentation', organizationId: 'iom' })).statusCode).toBe(403);
    const symbol = await post(w.focalARG, { kind: 'country_report', memberState: 'ARG', symbol: 'X/1' });
    expect(symbol.statusCode).toBe(400);
  });

  it('upload only to their own drafts; the secretariat issues', async () => {
    const id = docs.draftARG;
    expect((await upload(w, w.focalARG, id, 'es', files.pdf('es'))).statusCode).toBe(200);
    expect((await upload(w, w.focalBRA, id, 'es', files.pdf('bra'))).statusCode).toBe(403);
    expect((await upload(w, w.participant, id, 'es', files.pdf('p'))).statusCode).toBe(403);
    expect((await upload(w, null, id, 'es', files.pdf('p'))).statusCode).toBe(401);
    expect((await upload(w, w.focalARG, docs.draftSecretariat, 'fr', files.pdf())).statusCode).toBe(403);
    // A translation uploaded by a focal point is never declared official by them.
    const tr = await upload(w, w.focalARG, id, 'en', files.pdf('en'), '&official=true');
    const en = tr
      .json<{ revisions: { files: { lang: string; official: boolean }[] }[] }>()
      .revisions[0]?.files.find((f) => f.lang === 'en');
    expect(en?.official).toBe(false);
    expect((await api(w, w.focalARG, 'POST', `/api/documents/${id}/issue`, {})).statusCode).toBe(403);
    const issue = await api(w, w.secretariat, 'POST', `/api/documents/${id}/issue`, {});
    expect(issue.statusCode).toBe(200);
    // Issued: the focal point can no longer change it; the public now sees it.
    expect((await upload(w, w.focalARG, id, 'pt', files.pdf('pt'))).statusCode).toBe(403);
    expect((await api(w, null, 'GET', `/api/documents/${id}`)).statusCode).toBe(200);
  });

  it('are refused the secretariat’s writes, and the refusals are audited', async () => {
    for (const c of [null, w.participant, w.focalARG]) {
      const res = await api(w, c, 'POST', `/api/documents/${docs.public}/revisions`, { kind: 'rev', note: 'x' });
      expect(res.statusCode).toBe(c ? 403 : 401);
      const sup = await api(w, c, 'POST', `/api/documents/${docs.public}/supersede`, {});
      expect(sup.statusCode).toBe(c ? 403 : 401);
    }
    const denied = await w.t.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', docs.public)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(['document.revise', 'document.supersede']));
  });
});
