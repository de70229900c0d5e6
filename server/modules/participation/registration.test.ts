import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accreditedCso, call, person, register, setRules, world, type World } from './participation.test-helper.js';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(() => w.t.close());

const government = (memberState: string, more: Record<string, unknown> = {}) => ({
  category: 'government',
  memberState,
  person: person(),
  ...more,
});

describe('the concept note rules: two government places, one civil society, three in all', () => {
  it('lets a focal point nominate two government delegates and refuses the third, naming the category', async () => {
    const first = await register(w.t, w.focalARG, government('ARG'));
    const second = await register(w.t, w.focalARG, government('ARG'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'nominated',
      category: 'government',
      memberState: 'ARG',
      delegationName: 'Argentina',
    });
    expect(second.statusCode).toBe(201);
    const third = await register(w.t, w.focalARG, government('ARG'));
    expect(third.statusCode).toBe(409);
    expect(third.headers['content-type']).toContain('application/problem+json');
    expect(third.json()).toMatchObject({
      code: 'quota_exceeded',
      category: 'government',
      scope: 'state:ARG',
      limit: 2,
    });

    const delegation = (await call(w.t, w.focalARG, 'GET', '/delegations/ARG?lang=es')).json();
    expect(delegation.name).toBe('Argentina');
    expect(delegation.members).toHaveLength(2);
    expect(delegation.places).toEqual(
      expect.arrayContaining([
        { category: 'government', limit: 2, used: 2, remaining: 0 },
        { category: 'civil_society', limit: 1, used: 0, remaining: 1 },
        { category: 'total', limit: 3, used: 2, remaining: 1 },
      ]),
    );
  });

  it('fills the civil-society place only with a person from an accredited organisation of that state', async () => {
    const accredited = await accreditedCso(w, 'ARG');
    const foreign = await accreditedCso(w, 'CHL');
    const lapsed = await accreditedCso(w, 'ARG', { validUntil: '2020-12-31' });
    const cs = (organizationId?: string) => ({
      category: 'civil_society',
      memberState: 'ARG',
      organizationId,
      person: person(),
    });

    const none = await register(w.t, w.focalARG, cs());
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].path).toBe('body/organizationId');
    expect((await register(w.t, w.focalARG, cs(lapsed))).json().detail).toContain('current accreditation');
    expect((await register(w.t, w.focalARG, cs(foreign))).json().detail).toContain('not from ARG');

    const ok = await register(w.t, w.focalARG, cs(accredited));
    expect(ok.statusCode).toBe(201);
    // Two government + one civil society: the state's three are taken, whatever the category.
    const more = await register(w.t, w.secretariat, {
      category: 'civil_society',
      memberState: 'ARG',
      organizationId: accredited,
      person: person(),
    });
    expect(more.json()).toMatchObject({ code: 'quota_exceeded', category: 'civil_society' });
  });

  it('lets an accredited organisation fill its own civil-society place, never a government one', async () => {
    const cso = await accreditedCso(w, 'PER');
    const { callerWith } = await import('../editing/actors.test-helper.js');
    const rep = await callerWith(w.t, [{ role: 'organization_rep', organizationId: cso }]);
    const own = await register(w.t, rep, {
      category: 'civil_society',
      memberState: 'PER',
      organizationId: cso,
      person: person(),
    });
    expect(own.statusCode).toBe(201);
    const gov = await register(w.t, rep, government('PER', { organizationId: cso }));
    expect(gov.statusCode).toBe(403);
    expect(gov.json().code).toBe('forbidden');
  });

  it('does not let a focal point register, see or withdraw for another state', async () => {
    const res = await register(w.t, w.focalBRA, government('ARG'));
    expect(res.statusCode).toBe(403);
    expect((await call(w.t, w.focalBRA, 'GET', '/delegations/ARG')).statusCode).toBe(403);
    const arg = (await call(w.t, w.focalARG, 'GET', '/delegations/ARG')).json();
    const someone = arg.members[0].id as string;
    expect((await call(w.t, w.focalBRA, 'POST', `/registrations/${someone}/withdrawal`, {})).statusCode).toBe(403);
    expect((await call(w.t, w.focalBRA, 'GET', `/registrations/${someone}`)).statusCode).toBe(403);
    const list = (await call(w.t, w.focalBRA, 'GET', '/registrations')).json();
    expect(list.items.every((r: { memberState: string }) => r.memberState === 'BRA')).toBe(true);
    const delegations = (await call(w.t, w.focalBRA, 'GET', '/delegations')).json();
    expect(delegations.items.map((d: { code: string }) => d.code)).toEqual(['BRA']);
  });

  it('refuses states the meeting did not invite (Cuba in 2005)', async () => {
    const res = await register(w.t, w.secretariat, government('CUB'));
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('not invited');
  });
});

describe('the secretariat', () => {
  it('is bound by quotas too, and may exceed one only with a reason that the audit trail keeps', async () => {
    await register(w.t, w.secretariat, government('MEX'));
    await register(w.t, w.secretariat, government('MEX'));
    const refused = await register(w.t, w.secretariat, government('MEX'));
    expect(refused.json().code).toBe('quota_exceeded');
    const over = await register(
      w.t,
      w.secretariat,
      government('MEX', { override: { reason: 'Minister attending in person' } }),
    );
    expect(over.statusCode).toBe(201);
    expect(over.json().overQuota).toBe(true);
    const audit = await w.t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'registration.override')
      .where('object_id', '=', over.json().id)
      .executeTakeFirstOrThrow();
    expect(audit.changes).toContain('Minister attending in person');
    // A focal point cannot override.
    const focalMEX = await (
      await import('../editing/actors.test-helper.js')
    ).callerWith(w.t, [{ role: 'focal_point', memberState: 'MEX' }]);
    const denied = await register(w.t, focalMEX, government('MEX', { override: { reason: 'please' } }));
    expect(denied.statusCode).toBe(403);
  });

  it('accredits and rejects pending registrations; a rejection needs a reason and frees the place', async () => {
    const a = (await register(w.t, w.focalBRA, government('BRA'))).json();
    const b = (await register(w.t, w.focalBRA, government('BRA'))).json();
    const accredited = await call(w.t, w.secretariat, 'POST', `/registrations/${a.id}/decision`, {
      decision: 'accredit',
    });
    expect(accredited.json()).toMatchObject({ status: 'accredited', decisionReason: null });
    expect(
      (await call(w.t, w.secretariat, 'POST', `/registrations/${a.id}/decision`, { decision: 'accredit' })).json().code,
    ).toBe('conflict');
    expect(
      (await call(w.t, w.focalBRA, 'POST', `/registrations/${b.id}/decision`, { decision: 'accredit' })).statusCode,
    ).toBe(403);
    const noReason = await call(w.t, w.secretariat, 'POST', `/registrations/${b.id}/decision`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await call(w.t, w.secretariat, 'POST', `/registrations/${b.id}/decision`, {
      decision: 'reject',
      reason: 'Not a government official',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: 'Not a government official' });
    expect((await register(w.t, w.focalBRA, government('BRA'))).statusCode).toBe(201);
    const mails = await w.t.database.db
      .selectFrom('outbox_message')
      .select(['to_address', 'subject', 'body'])
      .where('to_address', '=', b.person.email)
      .execute();
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('registration not accepted')]),
    );
    expect(mails.some((m) => m.body.includes('Not a government official'))).toBe(true);
  });
});

describe('withdrawal and substitution', () => {
  it('frees a withdrawn place for someone else', async () => {
    const one = (await register(w.t, w.focalBRA, government('BRA'))).json();
    void one;
    const state = (await call(w.t, w.focalBRA, 'GET', '/delegations/BRA')).json();
    const gov = state.members.filter(
      (m: { status: string; category: string }) =>
        m.category === 'government' && ['nominated', 'accredited'].includes(m.status),
    );
    expect(gov).toHaveLength(2);
    expect((await register(w.t, w.focalBRA, government('BRA'))).json().code).toBe('quota_exceeded');
    const out = await call(w.t, w.focalBRA, 'POST', `/registrations/${gov[1].id}/withdrawal`, {
      reason: 'Cannot travel',
    });
    expect(out.json().status).toBe('withdrawn');
    expect((await call(w.t, w.focalBRA, 'POST', `/registrations/${gov[1].id}/withdrawal`, {})).json().code).toBe(
      'conflict',
    );
    expect((await register(w.t, w.focalBRA, government('BRA'))).statusCode).toBe(201);
  });

  it('puts a replacement in the same place, keeping the first registration as history', async () => {
    const a = (await register(w.t, w.secretariat, government('COL'))).json();
    await register(w.t, w.secretariat, government('COL'));
    const focalCOL = await (
      await import('../editing/actors.test-helper.js')
    ).callerWith(w.t, [{ role: 'focal_point', memberState: 'COL' }]);
    await call(w.t, focalCOL, 'PATCH', '/delegations/COL', { headRegistrationId: a.id });
    const sub = await call(w.t, focalCOL, 'POST', `/registrations/${a.id}/substitution?lang=en`, {
      person: person({ givenName: 'Lucía' }),
      reason: 'Change of minister',
    });
    expect(sub.statusCode).toBe(201);
    expect(sub.json()).toMatchObject({ status: 'nominated', substitutesId: a.id, isHead: true });
    const old = (await call(w.t, w.secretariat, 'GET', `/registrations/${a.id}`)).json();
    expect(old).toMatchObject({ status: 'substituted', substitutedById: sub.json().id });
    const delegation = (await call(w.t, focalCOL, 'GET', '/delegations/COL')).json();
    expect(delegation.places).toContainEqual({ category: 'government', limit: 2, used: 2, remaining: 0 });
    expect(delegation.headRegistrationId).toBe(sub.json().id);
  });
});

describe('registration window', () => {
  it('refuses focal points before opening and from the closing instant, but not the secretariat', async () => {
    const now = Date.now();
    await setRules(w, { registrationOpensAt: new Date(now + 60_000).toISOString(), registrationClosesAt: null });
    const early = await register(w.t, w.focalARG, government('ARG'));
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('registration_not_open');
    await setRules(w, { registrationOpensAt: null, registrationClosesAt: new Date(now - 1).toISOString() });
    const late = await register(w.t, w.focalBRA, government('BRA'));
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'deadline_passed' });
    const admin = await register(w.t, w.secretariat, government('URY'));
    expect(admin.statusCode).toBe(201);
    await setRules(w, { registrationOpensAt: null, registrationClosesAt: null });
  });
});

describe('personal data', () => {
  it('normalises names to NFC, keeps any script and refuses bidirectional controls', async () => {
    const decomposed = 'Jose\u0301';
    const ok = await register(
      w.t,
      w.secretariat,
      government('URY', { person: person({ givenName: decomposed, familyName: 'Дмитриев' }) }),
    );
    expect(ok.json().person).toMatchObject({ givenName: 'José', familyName: 'Дмитриев' });
    const bidi = await register(
      w.t,
      w.secretariat,
      government('URY', { person: person({ familyName: 'Smith\u202Egnp.exe' }) }),
    );
    expect(bidi.statusCode).toBe(400);
    expect(bidi.json().errors[0].path).toBe('body/person/familyName');
  });

  it('encrypts identity-document numbers and shows them to the secretariat only', async () => {
    await setRules(w, { requiresIdDocument: true });
    const missing = await register(w.t, w.focalARG, {
      category: 'permanent_mission',
      memberState: 'ARG',
      person: person(),
    });
    expect(missing.statusCode).toBe(400);
    const res = await register(w.t, w.focalARG, {
      category: 'permanent_mission',
      memberState: 'ARG',
      person: person({ idDocumentNumber: 'AB1234567' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().person.idDocumentNumber).toBeUndefined();
    const row = await w.t.database.db
      .selectFrom('registration')
      .select('id_document')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.id_document).not.toContain('AB1234567');
    expect(
      (await call(w.t, w.secretariat, 'GET', `/registrations/${res.json().id}`)).json().person.idDocumentNumber,
    ).toBe('AB1234567');
    expect(
      (await call(w.t, w.focalARG, 'GET', `/registrations/${res.json().id}`)).json().person.idDocumentNumber,
    ).toBeUndefined();
    const audit = await w.t.database.db
      .selectFrom('audit_log')
      .select('changes')
      .where('object_id', '=', res.json().id)
      .execute();
    expect(JSON.stringify(audit)).not.toContain('AB1234567');
    await setRules(w, { requiresIdDocument: false });
  });
});

describe('Idempotency-Key', () => {
  it('makes a retried registration one registration, and refuses the key for another body', async () => {
    const body = { category: 'permanent_mission', memberState: 'BRA', person: person() };
    const key = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await register(w.t, w.focalBRA, body, key);
    const again = await register(w.t, w.focalBRA, body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const count = await w.t.database.db
      .selectFrom('registration')
      .select('id')
      .where('email', '=', body.person.email as string)
      .execute();
    expect(count).toHaveLength(1);
    const other = await register(w.t, w.focalBRA, { ...body, person: person() }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_mismatch');
  });
});

describe('rules', () => {
  it('refuses rules that leave a delegation over a new limit, naming it', async () => {
    const current = (await call(w.t, null, 'GET', '/participation-rules')).json();
    const tighter = {
      ...current,
      categories: current.categories.map((c: { code: string }) => (c.code === 'government' ? { ...c, limit: 1 } : c)),
    };
    const res = await call(w.t, w.secretariat, 'PUT', '/participation-rules', tighter);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('BRA has 2 people as "government"; the new limit is 1')]),
    );
    expect((await call(w.t, w.focalARG, 'PUT', '/participation-rules', current)).statusCode).toBe(403);
  });
});

describe('applications', () => {
  it('lets anyone apply as an expert, pending the secretariat, but not take a government place', async () => {
    const applied = await register(w.t, null, {
      category: 'expert',
      person: person({ institution: 'Universidad de Chile' }),
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'applied', category: 'expert', delegationName: null });
    const gov = await register(w.t, null, government('ARG'));
    expect(gov.statusCode).toBe(401);
    const list = (await call(w.t, w.secretariat, 'GET', '/registrations?status=applied')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(applied.json().id);
  });
});
