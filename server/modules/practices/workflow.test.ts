import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsFor } from '../editing/actors.test-helper.js';
import { api, createAs, practiceData, published, world, type World } from './practices.test-helper.js';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => w.t.close());

interface View {
  status: string;
  revision: number;
  publishedRevision: number | null;
  read: Record<string, { text: string; lang: string; fallback: boolean; source: string }>;
  comments?: { kind: string; body: string }[];
  warnings?: { kind: string }[];
  can: Record<string, boolean>;
}
const view = async (id: string, caller = null as World['secretariat'] | null, lang = 'fr') => {
  const res = await api(w, caller, 'GET', `/api/practices/${id}?lang=${lang}`);
  return { status: res.statusCode, body: res.json<View>() };
};

describe('drafting, review and publication', () => {
  it('goes draft → submitted → returned with comments → fixed → published, keeping the discussion', async () => {
    const id = await createAs(w, w.focalARG);
    expect((await view(id)).status).toBe(404); // the public sees nothing before publication
    expect((await api(w, w.focalARG, 'POST', `/api/practices/${id}/submission`, {})).statusCode).toBe(200);
    const noReason = await api(w, w.secretariat, 'POST', `/api/practices/${id}/review`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ errors: [{ path: 'body/comment', reason: 'comment_required' }] });
    const returned = await api(w, w.secretariat, 'POST', `/api/practices/${id}/review`, {
      decision: 'return',
      comment: 'Añadan el período de ejecución.',
    });
    expect(returned.json<View>().status).toBe('returned');
    const fixed = await api(w, w.focalARG, 'PUT', `/api/practices/${id}`, practiceData({ periodStart: '2004' }));
    expect(fixed.statusCode, fixed.body).toBe(200);
    await api(w, w.focalARG, 'POST', `/api/practices/${id}/submission`, {});
    const publish = await api(w, w.secretariat, 'POST', `/api/practices/${id}/review`, { decision: 'publish' });
    expect(publish.json<View>()).toMatchObject({ status: 'published', publishedRevision: 1 });
    const own = await view(id, w.focalARG);
    expect(own.body.comments?.map((c) => c.kind)).toEqual(['submit', 'return', 'submit', 'publish']);
    expect(own.body.comments?.[1]?.body).toBe('Añadan el período de ejecución.');
    // The public reads it, in French (a translation), without the discussion.
    const pub = await view(id);
    expect(pub.status).toBe(200);
    expect(pub.body.read.title).toMatchObject({ lang: 'fr', fallback: false, source: 'unofficial' });
    expect(pub.body.comments).toBeUndefined();
    // In Portuguese (no version): the Spanish original, flagged.
    expect((await view(id, null, 'pt')).body.read.title).toMatchObject({ lang: 'es', fallback: true });
    for (const action of [
      'practice.create',
      'practice.submit',
      'practice.return',
      'practice.update',
      'practice.publish',
    ]) {
      expect((await auditRowsFor(w.t, action, id)).length, action).toBeGreaterThan(0);
    }
  });

  it('revises a published practice: the public keeps reading the published text until the revision is published', async () => {
    const id = await published(w, w.focalARG);
    // No body at all: a plain POST is enough.
    const revise = await api(w, w.focalARG, 'POST', `/api/practices/${id}/revisions`);
    expect(revise.json<View>()).toMatchObject({ status: 'draft', revision: 2, publishedRevision: 1 });
    const changed = practiceData({}, { title: { es: 'Red nacional de casas de acogida' } });
    expect((await api(w, w.focalARG, 'PUT', `/api/practices/${id}`, changed)).statusCode).toBe(200);
    expect((await view(id, null, 'es')).body.read.title?.text).toBe('Red de casas de acogida');
    await api(w, w.focalARG, 'POST', `/api/practices/${id}/submission`, {});
    await api(w, w.secretariat, 'POST', `/api/practices/${id}/review`, { decision: 'publish' });
    expect((await view(id, null, 'es')).body.read.title?.text).toBe('Red nacional de casas de acogida');
    expect((await view(id, w.focalARG)).body).toMatchObject({ revision: 2, publishedRevision: 2 });
  });

  it('warns the secretariat before publishing text that looks like it names a victim or carries contacts', async () => {
    const data = practiceData(
      {},
      { description: { es: 'La víctima, María González, nacida el 5 de mayo de 1992, escribió a maria@example.org.' } },
    );
    const id = await createAs(w, w.focalARG, data);
    await api(w, w.focalARG, 'POST', `/api/practices/${id}/submission`, {});
    const seen = await view(id, w.secretariat);
    expect(seen.body.warnings?.map((x) => x.kind).sort()).toEqual(['birth_date', 'email', 'victim_name']);
    const refused = await api(w, w.secretariat, 'POST', `/api/practices/${id}/review`, { decision: 'publish' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'personal_data' });
    expect((await view(id)).status).toBe(404);
    const confirmed = await api(w, w.secretariat, 'POST', `/api/practices/${id}/review`, {
      decision: 'publish',
      confirmPersonalData: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await view(id, w.focalARG)).body.warnings).toBeUndefined(); // warnings are the secretariat's
  });
});

describe('who may do what', () => {
  it('keeps a state’s drafts to its focal points and the secretariat', async () => {
    const id = await createAs(w, w.focalARG);
    expect((await view(id, w.focalBRA)).status).toBe(404);
    expect((await view(id, w.repCIM)).status).toBe(404);
    expect((await view(id, w.secretariat)).status).toBe(200);
    const edit = await api(w, w.focalBRA, 'PUT', `/api/practices/${id}`, practiceData());
    expect(edit.statusCode).toBe(404);
    expect((await api(w, w.focalBRA, 'POST', `/api/practices/${id}/submission`, {})).statusCode).toBe(404);
    expect((await api(w, null, 'PUT', `/api/practices/${id}`, practiceData())).statusCode).toBe(401);
  });

  it('lets no one but the secretariat review, and no one draft for another state', async () => {
    const id = await createAs(w, w.focalARG);
    await api(w, w.focalARG, 'POST', `/api/practices/${id}/submission`, {});
    const self = await api(w, w.focalARG, 'POST', `/api/practices/${id}/review`, { decision: 'publish' });
    expect(self.statusCode).toBe(403);
    const other = await api(w, w.focalBRA, 'POST', '/api/practices', { memberState: 'ARG', data: practiceData() });
    expect(other.statusCode).toBe(403);
    const published = await api(w, w.focalARG, 'PUT', `/api/practices/${id}`, practiceData());
    expect(published.statusCode).toBe(409); // submitted: not editable until returned
  });

  it('refuses bad content with field paths into the body it was sent in, writing nothing', async () => {
    const before = await api(w, w.focalARG, 'GET', '/api/practices/work');
    const res = await api(w, w.focalARG, 'POST', '/api/practices', {
      data: practiceData({
        countries: ['ARG', 'XYZ'],
        implementers: ['nope'],
        periodStart: '2005',
        periodEnd: '2004',
        presentedAt: [
          { meeting: 'oas-iom-tip-2005', agendaItem: 'd1-2' },
          { meeting: 'oas-iom-tip-2005', agendaItem: 'no-such-item' },
          { meeting: 'no-such-meeting' },
        ],
      }),
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: { path: string; reason?: string }[] }>().errors;
    expect(errors.map((e) => e.path).sort()).toEqual([
      'body/data/countries/1',
      'body/data/implementers/0',
      'body/data/periodEnd',
      'body/data/presentedAt/1/agendaItem',
      'body/data/presentedAt/2/meeting',
    ]);
    expect(errors.find((e) => e.path.endsWith('/agendaItem'))?.reason).toBe('unknown_agenda_item');
    const after = await api(w, w.focalARG, 'GET', '/api/practices/work');
    expect(after.json<{ items: unknown[] }>().items).toHaveLength(before.json<{ items: unknown[] }>().items.length);
  });

  it('keeps the places and presentations it is given, an agenda item of the published agenda included', async () => {
    const otherPlaces = [{ en: 'Netherlands Antilles', fr: 'Antilles néerlandaises' }];
    const presentedAt = [{ meeting: 'oas-iom-tip-2005', agendaItem: 'd1-2' }, { meeting: 'oas-iom-tip-2005' }];
    const id = await createAs(w, w.focalARG, practiceData({ otherPlaces, presentedAt }));
    const own = await api(w, w.focalARG, 'GET', `/api/practices/${id}?lang=en`);
    expect(own.json<{ data: unknown }>().data).toMatchObject({ otherPlaces, presentedAt });
    const wrong = await api(w, w.focalARG, 'PUT', `/api/practices/${id}`, {
      ...practiceData({ presentedAt: [{ meeting: 'oas-iom-tip-2005', agendaItem: 'd9-9' }] }),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      errors: [{ path: 'body/presentedAt/0/agendaItem', reason: 'unknown_agenda_item' }],
    });
  });

  it('keeps HTML in fields as text: nothing is interpreted, and the JSON carries it escaped only by JSON', async () => {
    const id = await published(w, w.focalARG, practiceData({}, { title: { es: '<img src=x onerror=alert(1)> Red' } }));
    const res = await api(w, null, 'GET', `/api/practices/${id}?lang=es`);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json<View>().read.title?.text).toBe('<img src=x onerror=alert(1)> Red');
  });
});
