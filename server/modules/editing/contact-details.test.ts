import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDetails } from '../../../shared/schemas/editing.js';
import { seedReference } from '../../db/seed/seed.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { callerWith, secretariat, type Caller } from './actors.test-helper.js';

let t: TestApp;
let argFocalPoint: Caller;
beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.database.db);
  argFocalPoint = await callerWith(t, [{ role: 'focal_point', memberState: 'ARG' }]);
});
afterAll(async () => t.close());

const details: ContactDetails = {
  office: 'Ministerio de Justicia – Oficina de Rescate',
  email: 'rescate@jus.example.ar',
  phone: '+54 11 5300-4000 int. 12',
  address: 'Sarmiento 329, Buenos Aires',
  website: 'https://www.jus.example.ar/rescate',
};

const put = (url: string, caller: Caller | null, payload: unknown = details) =>
  t.app.inject({ method: 'PUT', url, headers: caller?.headers ?? {}, payload: payload as object });

describe('contact details', () => {
  it('lets the focal point of Argentina edit Argentina’s details but not Brazil’s', async () => {
    const own = await put('/api/member-states/ARG/contact', argFocalPoint);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual(details);
    const read = await t.app.inject({ url: '/api/member-states/ARG/contact', headers: argFocalPoint.headers });
    expect(read.json()).toEqual(details);

    const other = await put('/api/member-states/BRA/contact', argFocalPoint);
    expect(other.statusCode).toBe(403);
    const bra = await t.app.inject({ url: '/api/member-states/BRA/contact', headers: argFocalPoint.headers });
    expect(bra.json()).toEqual({ office: null, email: null, phone: null, address: null, website: null });

    const trail = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'contact.update')
      .where('actor_label', '=', argFocalPoint.email)
      .orderBy('at')
      .execute();
    expect(trail.map((r) => [r.object_type, r.object_id, r.outcome, r.role])).toEqual([
      ['member_state', 'ARG', 'success', 'focal_point'],
      ['member_state', 'BRA', 'denied', null],
    ]);
    // Personal data is recognisable in the trail, not readable.
    const changes = JSON.parse(trail[0]!.changes) as Record<string, { after: unknown }>;
    expect(changes.email?.after).toBe('r***@jus.example.ar');
    expect(changes.office?.after).toBe(details.office);
  });

  it('lets an organisation’s representative and the secretariat edit, and others only read', async () => {
    const rep = await callerWith(t, [{ role: 'organization_rep', organizationId: 'iom' }]);
    const participant = await callerWith(t, [{ role: 'participant' }]);
    const staff = await secretariat(t);
    expect((await put('/api/organizations/iom/contact', rep)).statusCode).toBe(200);
    expect((await put('/api/organizations/cim/contact', rep)).statusCode).toBe(403);
    expect((await put('/api/organizations/iom/contact', participant)).statusCode).toBe(403);
    expect((await put('/api/organizations/cim/contact', staff)).statusCode).toBe(200);
    expect((await put('/api/member-states/BRA/contact', staff, { ...details, email: null })).statusCode).toBe(200);
    const read = await t.app.inject({ url: '/api/organizations/iom/contact', headers: participant.headers });
    expect(read.json<ContactDetails>().office).toBe(details.office);
    const anonymous = await t.app.inject({ url: '/api/organizations/iom/contact' });
    expect(anonymous.statusCode).toBe(401);
    expect((await put('/api/organizations/iom/contact', null)).statusCode).toBe(401);
    expect((await put('/api/organizations/unknown-org/contact', staff)).statusCode).toBe(404);
    expect((await put('/api/member-states/XYZ/contact', staff)).statusCode).toBe(404);
  });

  it('validates email, website and lengths, and treats blank fields as not given', async () => {
    const url = '/api/member-states/ARG/contact';
    const bad: [Partial<ContactDetails> & Record<string, unknown>, string][] = [
      [{ email: 'not-an-email' }, 'body/email'],
      [{ website: 'javascript:alert(1)' }, 'body/website'],
      [{ website: 'ftp://files.example.org' }, 'body/website'],
      [{ website: 'https://localhost' }, 'body/website'],
      [{ phone: '1'.repeat(51) }, 'body/phone'],
      [{ fax: '123' }, 'body/fax'],
    ];
    for (const [change, path] of bad) {
      const res = await put(url, argFocalPoint, { ...details, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      const errors = res.json<{ errors: { path: string }[] }>().errors;
      expect(
        errors.some((e) => e.path.startsWith(path)),
        JSON.stringify(errors),
      ).toBe(true);
    }
    const blank = await put(url, argFocalPoint, { ...details, office: '   ', address: null });
    expect(blank.json<ContactDetails>()).toMatchObject({ office: null, address: null, phone: details.phone });
  });
});
