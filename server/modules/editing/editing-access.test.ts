import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../../shared/schemas/meeting.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createMeeting } from '../../test/factories.js';
import { callerWith, secretariat, type Caller, auditRowsFor, frenchTitle, patchMeeting } from './actors.test-helper.js';

let t: TestApp;
let staff: Caller;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await secretariat(t);
});
afterAll(async () => t.close());

const title = frenchTitle;
const patch = (slug: string, payload: unknown, caller: Caller | null = staff) => patchMeeting(t, slug, payload, caller);
const auditRows = (action: string, objectId: string) => auditRowsFor(t, action, objectId);

describe('who may edit', () => {
  it('refuses focal points, organisation representatives, participants (403) and the public (401), and audits each refusal', async () => {
    const m = await createMeeting(t.database.db);
    const callers = [
      await callerWith(t, [{ role: 'focal_point', memberState: 'ARG' }]),
      await callerWith(t, [{ role: 'organization_rep', organizationId: 'iom' }]),
      await callerWith(t, [{ role: 'participant' }]),
    ];
    const edit = { title: title('Piratée') };
    for (const caller of callers) expect((await patch(m.slug, edit, caller)).statusCode).toBe(403);
    const anonymous = await patch(m.slug, edit, null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
    // Refused before the body is looked at: an invalid body from a stranger is still a 403.
    expect((await patch(m.slug, { nonsense: true }, callers[0]!)).statusCode).toBe(403);

    const routes = [
      ['PUT', `/api/meetings/${m.slug}/concept-note/objectives`],
      ['GET', `/api/meetings/${m.slug}/agenda/draft`],
      ['PUT', `/api/meetings/${m.slug}/agenda/draft`],
      ['POST', `/api/meetings/${m.slug}/agenda/versions`],
      ['GET', `/api/meetings/${m.slug}/source`],
    ] as const;
    for (const [method, url] of routes) {
      const res = await t.app.inject({
        method,
        url,
        headers: callers[2]!.headers,
        payload: method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }

    const refused = await auditRows('meeting.update', m.slug);
    expect(refused.map((r) => [r.outcome, r.actor_label, r.role])).toEqual([
      ...callers.map((c) => ['denied', c.email, null]),
      ['denied', null, null],
      ['denied', callers[0]!.email, null],
    ]);
    const detail = await t.app.inject({ url: `/api/meetings/${m.slug}?lang=fr` });
    expect(detail.json<MeetingDetail>().title.text).toBe('Réunion d’essai');
  });

  it('refuses a cookie-authenticated edit without the CSRF token', async () => {
    const m = await createMeeting(t.database.db);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/meetings/${m.slug}`,
      headers: { cookie: staff.headers.cookie! },
      payload: { status: 'registration_open' },
    });
    expect(res.statusCode).toBe(403);
  });
});
