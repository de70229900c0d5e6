import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../../shared/schemas/meeting.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createMeeting } from '../../test/factories.js';
import { secretariat, type Caller } from './actors.test-helper.js';

/*
 * An edit whose audit entry cannot be written must not happen. The audit table of this test
 * file's own throwaway database is renamed away for the duration of each edit, so writeAudit's
 * insert really fails (on either engine) after the change itself has been made in the transaction.
 */
let t: TestApp;
let staff: Caller;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await secretariat(t);
});
afterAll(async () => t.close());

async function withoutAuditTable<T>(run: () => Promise<T>): Promise<T> {
  await sql`alter table audit_log rename to audit_log_away`.execute(t.database.db);
  try {
    return await run();
  } finally {
    await sql`alter table audit_log_away rename to audit_log`.execute(t.database.db);
  }
}

describe('an edit whose audit write fails', () => {
  it('is rolled back entirely: meeting, updated_at and the public (cached) agenda stay as they were', async () => {
    const m = await createMeeting(t.database.db);
    const meetingRow = () =>
      t.database.db.selectFrom('meeting').selectAll().where('slug', '=', m.slug).executeTakeFirstOrThrow();
    const before = await meetingRow();
    const agendaBefore = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda?lang=fr` });

    const res = await withoutAuditTable(() =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/meetings/${m.slug}`,
        headers: staff.headers,
        payload: { title: { original: 'fr', values: { fr: { text: 'Jamais écrit', official: true } } } },
      }),
    );
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal' });
    expect(res.body).not.toMatch(/audit_log/);

    expect(await meetingRow()).toEqual(before);
    const detail = await t.app.inject({ url: `/api/meetings/${m.slug}?lang=fr` });
    expect(detail.json<MeetingDetail>().title.text).toBe('Réunion d’essai');
    const agendaAfter = await t.app.inject({ url: `/api/meetings/${m.slug}/agenda?lang=fr` });
    expect(agendaAfter.headers.etag).toBe(agendaBefore.headers.etag);
  });

  it('leaves the draft and the published versions untouched when publishing', async () => {
    const m = await createMeeting(t.database.db);
    const versions = () =>
      t.database.db
        .selectFrom('agenda_version')
        .innerJoin('meeting', 'meeting.id', 'agenda_version.meeting_id')
        .select(['agenda_version.number', 'agenda_version.updated_at'])
        .where('meeting.slug', '=', m.slug)
        .orderBy('agenda_version.number')
        .execute();
    const before = await versions();
    const res = await withoutAuditTable(() =>
      t.app.inject({ method: 'POST', url: `/api/meetings/${m.slug}/agenda/versions`, headers: staff.headers }),
    );
    expect(res.statusCode).toBe(500);
    expect(await versions()).toEqual(before);
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/meetings/${m.slug}/agenda/versions`,
      headers: staff.headers,
    });
    expect(published.json()).toEqual({ number: 2 });
  });
});
