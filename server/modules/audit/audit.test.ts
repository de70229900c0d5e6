import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../../shared/schemas/audit.js';
import { newId } from '../../db/ids.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { callerWith, secretariat, type Caller } from '../editing/actors.test-helper.js';
import { encodeCursor } from './list-audit.js';

let t: TestApp;
let staff: Caller;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await secretariat(t);
});
afterAll(async () => t.close());

let seq = 0;
/** Entries written straight into the table, with chosen instants, under one object id per test. */
async function entries(
  objectId: string,
  rows: { at: string; action?: string; label?: string | null; outcome?: string; objectType?: string }[],
) {
  for (const r of rows) {
    await t.database.db
      .insertInto('audit_log')
      .values({
        id: `${String(++seq).padStart(4, '0')}-${newId()}`,
        at: r.at,
        actor_type: r.label === null ? 'anonymous' : 'user',
        actor_id: null,
        actor_label: r.label === undefined ? 'ana@oas.example.org' : r.label,
        role: 'secretariat',
        action: r.action ?? 'meeting.update',
        outcome: r.outcome ?? 'success',
        object_type: r.objectType ?? 'meeting',
        object_id: objectId,
        changes: JSON.stringify({ 'title.values.fr.text': { before: 'a', after: 'b' } }),
        request_id: 'req-1',
        ip: '203.0.113.9',
      })
      .execute();
  }
}

async function list(query: string, caller: Caller = staff): Promise<AuditPage> {
  const res = await t.app.inject({ url: `/api/audit?${query}`, headers: caller.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditPage>();
}

describe('GET /api/audit', () => {
  it('is for the secretariat only, and a refused look is itself in the trail', async () => {
    const fp = await callerWith(t, [{ role: 'focal_point', memberState: 'ARG' }]);
    expect((await t.app.inject({ url: '/api/audit', headers: fp.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit?limit=-5' })).statusCode).toBe(401);
    const page = await list(`action=audit.read&outcome=denied&actor=${encodeURIComponent(fp.email)}`);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      actorType: 'user',
      actorLabel: fp.email,
      role: null,
      objectType: 'audit_log',
    });
  });

  it('filters by action prefix, actor, object, outcome and time, newest first', async () => {
    const id = `m-${newId()}`;
    await entries(id, [
      { at: '2026-01-01T10:00:00.000Z', action: 'meeting.update' },
      { at: '2026-01-02T10:00:00.000Z', action: 'meeting.concept_section.update', label: 'Bruno@IOM.example.org' },
      { at: '2026-01-03T10:00:00.000Z', action: 'agenda.publish' },
      { at: '2026-01-04T10:00:00.000Z', action: 'meeting.update', outcome: 'denied', label: null },
      { at: '2026-01-05T10:00:00.000Z', action: 'meetingX', objectType: 'other' },
    ]);
    const actions = async (q: string) =>
      (await list(`objectId=${id}&${q}`)).items.map((e) => `${e.at.slice(8, 10)} ${e.action}`);
    expect(await actions('')).toEqual([
      '05 meetingX',
      '04 meeting.update',
      '03 agenda.publish',
      '02 meeting.concept_section.update',
      '01 meeting.update',
    ]);
    expect(await actions('action=meeting.')).toEqual([
      '04 meeting.update',
      '02 meeting.concept_section.update',
      '01 meeting.update',
    ]);
    expect(await actions('action=meeting.concept_')).toEqual(['02 meeting.concept_section.update']);
    expect(await actions('action=MEETING.')).toEqual([]);
    expect(await actions('actor=bruno%40iom')).toEqual(['02 meeting.concept_section.update']);
    expect(await actions('actor=%25')).toEqual([]);
    expect(await actions('outcome=denied')).toEqual(['04 meeting.update']);
    expect(await actions('objectType=other')).toEqual(['05 meetingX']);
    expect(await actions('from=2026-01-02T10:00:00Z&to=2026-01-04T10:00:00.000Z')).toEqual([
      '03 agenda.publish',
      '02 meeting.concept_section.update',
    ]);
    // An offset is an instant like any other.
    expect(await actions('from=2026-01-04T07:00:00-03:00')).toEqual(['05 meetingX', '04 meeting.update']);

    const [entry] = (await list(`objectId=${id}&limit=1`)).items;
    expect(entry).toEqual<AuditEntry>({
      id: expect.any(String) as string,
      at: '2026-01-05T10:00:00.000Z',
      actorType: 'user',
      actorLabel: 'ana@oas.example.org',
      role: 'secretariat',
      action: 'meetingX',
      outcome: 'success',
      objectType: 'other',
      objectId: id,
      changes: { 'title.values.fr.text': { before: 'a', after: 'b' } },
      requestId: 'req-1',
      ip: '203.0.113.9',
    });
  });

  it('pages by cursor without skipping or repeating entries that share an instant', async () => {
    const id = `m-${newId()}`;
    const at = ['2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z', '2026-02-02T00:00:00.000Z'];
    await entries(
      id,
      [...at, ...at, at[1]!].map((a) => ({ at: a })),
    );
    const all = (await list(`objectId=${id}&limit=200`)).items;
    expect(all).toHaveLength(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: AuditPage = await list(`objectId=${id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
  });

  it('refuses a forged cursor, a limit over 200 and a malformed instant', async () => {
    for (const q of [
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('yesterday|x').toString('base64url')}`,
      'limit=201',
      'limit=0',
      'from=yesterday',
      'outcome=maybe',
    ]) {
      const res = await t.app.inject({ url: `/api/audit?${q}`, headers: staff.headers });
      expect(res.statusCode, q).toBe(400);
      expect(res.json(), q).toMatchObject({ code: 'validation_failed' });
    }
    expect(encodeCursor('2026-01-01T00:00:00.000Z', 'x')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('the audit_log table', () => {
  it('refuses UPDATE and DELETE on this engine', async () => {
    const id = `m-${newId()}`;
    await entries(id, [{ at: '2026-03-01T00:00:00.000Z' }]);
    const db = t.database.db;
    await expect(
      db.updateTable('audit_log').set({ action: 'forged' }).where('object_id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('object_id', '=', id).execute()).rejects.toThrow(/append-only/);
    const row = await db.selectFrom('audit_log').select('action').where('object_id', '=', id).executeTakeFirstOrThrow();
    expect(row.action).toBe('meeting.update');
  });
});
