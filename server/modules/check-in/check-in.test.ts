import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, person, register, world, type World } from '../participation/participation.test-helper.js';

let w: World;
let accredited: { id: string };
let pending: { id: string };

beforeAll(async () => {
  w = await world();
  accredited = (
    await register(w.t, w.secretariat, {
      category: 'government',
      memberState: 'URY',
      person: person({ gender: 'female' }),
    })
  ).json();
  await call(w.t, w.secretariat, 'POST', `/registrations/${accredited.id}/decision`, { decision: 'accredit' });
  pending = (
    await register(w.t, w.secretariat, {
      category: 'government',
      memberState: 'URY',
      person: person({ gender: 'male' }),
    })
  ).json();
});
afterAll(() => w.t.close());

const codeOf = async (id: string) => {
  const roster = (await call(w.t, w.secretariat, 'GET', '/check-in/roster')).json<{
    items: { registrationId: string; code: string }[];
  }>();
  return roster.items.find((r) => r.registrationId === id)?.code;
};

describe('registration desk', () => {
  it('lists only accredited people in the roster, with their badge codes', async () => {
    const roster = (await call(w.t, w.secretariat, 'GET', '/check-in/roster')).json<{
      items: { registrationId: string }[];
    }>();
    expect(roster.items.map((r) => r.registrationId)).toEqual([accredited.id]);
    expect((await call(w.t, w.focalARG, 'GET', '/check-in/roster')).statusCode).toBe(403);
  });

  it('checks a person in once; a second scan says when they first came', async () => {
    const code = await codeOf(accredited.id);
    const first = await call(w.t, w.secretariat, 'POST', '/check-ins?lang=es', { code });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      registrationId: accredited.id,
      alreadyCheckedIn: false,
      delegationName: 'Uruguay',
    });
    const second = await call(w.t, w.secretariat, 'POST', '/check-ins', { code });
    expect(second.json()).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.json().checkedInAt });
    const audit = await w.t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'registration.check_in')
      .where('object_id', '=', accredited.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses unknown codes, people not accredited and offline scans older than a day', async () => {
    expect((await call(w.t, w.secretariat, 'POST', '/check-ins', { code: 'AAAAAAAAAAAAAAAAAAAAAA' })).json().code).toBe(
      'not_found',
    );
    const notYet = await call(w.t, w.secretariat, 'POST', '/check-ins', { registrationId: pending.id });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().detail).toContain('not accredited');
    const stale = await call(w.t, w.secretariat, 'POST', '/check-ins', {
      registrationId: accredited.id,
      scannedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    expect(stale.statusCode).toBe(400);
  });

  it('keeps the time of a scan made offline', async () => {
    const other = (
      await register(w.t, w.secretariat, { category: 'permanent_mission', memberState: 'URY', person: person() })
    ).json();
    await call(w.t, w.secretariat, 'POST', `/registrations/${other.id}/decision`, { decision: 'accredit' });
    const scannedAt = new Date(Date.now() - 3_600_000).toISOString();
    const res = await call(w.t, w.secretariat, 'POST', '/check-ins', { code: await codeOf(other.id), scannedAt });
    expect(res.json().checkedInAt).toBe(scannedAt);
  });

  it('counts registered, accredited and present people by state, category and gender', async () => {
    const stats = (await call(w.t, w.secretariat, 'GET', '/participation-statistics?lang=en')).json();
    expect(stats.total).toEqual({ registered: 3, accredited: 2, present: 2 });
    expect(stats.byState).toEqual([{ memberState: 'URY', name: 'Uruguay', registered: 3, accredited: 2, present: 2 }]);
    expect(stats.byCategory.find((c: { category: string }) => c.category === 'government')).toMatchObject({
      registered: 2,
      accredited: 1,
      present: 1,
    });
    expect(stats.byGender.find((g: { gender: string }) => g.gender === 'female')).toMatchObject({
      registered: 1,
      present: 1,
    });
    expect((await call(w.t, w.focalARG, 'GET', '/participation-statistics')).statusCode).toBe(403);
  });
});
