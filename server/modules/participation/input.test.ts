import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, person, register, world, type World } from './participation.test-helper.js';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(() => w.t.close());

const count = async () => (await w.t.database.db.selectFrom('registration').select('id').execute()).length;

describe('bad input to registration gets a clear problem and writes nothing', () => {
  const bodies: [string, unknown][] = [
    ['unknown field', { category: 'government', memberState: 'ARG', person: person(), extra: 1 }],
    ['unknown category', { category: 'minister', memberState: 'ARG', person: person() }],
    ['lower-case state', { category: 'government', memberState: 'arg', person: person() }],
    ['unknown state', { category: 'government', memberState: 'XYZ', person: person() }],
    ['no person', { category: 'government', memberState: 'ARG' }],
    ['bad email', { category: 'government', memberState: 'ARG', person: person({ email: 'not-an-email' }) }],
    ['blank name', { category: 'government', memberState: 'ARG', person: person({ givenName: '   ' }) }],
    ['huge name', { category: 'government', memberState: 'ARG', person: person({ familyName: 'x'.repeat(5000) }) }],
    ['phone with letters', { category: 'government', memberState: 'ARG', person: person({ phone: 'call me maybe' }) }],
    ['array body', [1, 2, 3]],
    ['organisation of the wrong kind', { category: 'iom', organizationId: 'cim', person: person() }],
    ['unknown organisation', { category: 'oas_organ', organizationId: 'nope', person: person() }],
    [
      'state on an organisation category',
      { category: 'iom', memberState: 'ARG', organizationId: 'iom', person: person() },
    ],
    [
      'empty override reason',
      { category: 'government', memberState: 'ARG', person: person(), override: { reason: '' } },
    ],
  ];
  for (const [name, body] of bodies) {
    it(`refuses ${name}`, async () => {
      const before = await count();
      const res = await register(w.t, w.secretariat, body);
      expect([400, 422]).toContain(res.statusCode);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toMatch(/validation_failed|unprocessable|bad_request/);
      expect(await count()).toBe(before);
    });
  }

  it('refuses a credentials letter that is not a PDF, or is cut short', async () => {
    const put = (payload: Buffer, type = 'application/pdf') =>
      w.t.app.inject({
        method: 'PUT',
        url: '/api/meetings/oas-iom-tip-2005/delegations/ARG/credentials',
        headers: { ...w.focalARG.headers, 'content-type': type },
        payload,
      });
    const exe = await put(Buffer.from('MZ\x90\x00 this is a program'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().detail).toContain('not a PDF');
    const cut = await put(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'));
    expect(cut.json().detail).toContain('incomplete');
    const huge = await put(
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024), Buffer.from('%%EOF')]),
    );
    expect(huge.statusCode).toBe(413);
    const delegation = (await call(w.t, w.focalARG, 'GET', '/delegations/ARG')).json();
    expect(delegation.credentials).toMatchObject({ status: 'missing', fileName: null });
    // Real PDFs carry binary streams, NUL bytes included.
    const binary = Buffer.from([0x00, 0x01, 0xff, 0x00, 0x9c, 0x78]);
    const ok = await put(
      Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\n'), binary, Buffer.from('\ntrailer<<>>\n%%EOF\n')]),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().credentials).toMatchObject({ status: 'received', fileName: 'credentials.pdf' });
    const back = await call(w.t, w.focalARG, 'GET', '/delegations/ARG/credentials');
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.headers['content-disposition']).toContain('attachment');
    expect(back.body.startsWith('%PDF-1.4')).toBe(true);
    expect(back.rawPayload.includes(binary)).toBe(true);
    // Only the secretariat verifies.
    expect(
      (await call(w.t, w.focalARG, 'PATCH', '/delegations/ARG', { credentialsStatus: 'verified' })).statusCode,
    ).toBe(403);
    expect(
      (await call(w.t, w.secretariat, 'PATCH', '/delegations/ARG', { credentialsStatus: 'verified' })).json()
        .credentials.status,
    ).toBe('verified');
  });

  it('refuses a head of delegation who is not a current member', async () => {
    const bra = (
      await register(w.t, w.focalBRA, { category: 'government', memberState: 'BRA', person: person() })
    ).json();
    const res = await call(w.t, w.focalARG, 'PATCH', '/delegations/ARG', { headRegistrationId: bra.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('body/headRegistrationId');
  });
});

describe('field problems carry a stable reason the UI translates', () => {
  it('names why an organisation cannot take a civil-society place', async () => {
    const res = await register(w.t, w.secretariat, { category: 'civil_society', memberState: 'ARG', person: person() });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'body/organizationId', reason: 'organization_required' }),
    ]);
    const blank = await register(w.t, w.secretariat, {
      category: 'government',
      memberState: 'ARG',
      person: person({ familyName: ' ' }),
    });
    expect(blank.json().errors).toEqual([expect.objectContaining({ path: 'body/person/familyName', reason: 'blank' })]);
  });
});
