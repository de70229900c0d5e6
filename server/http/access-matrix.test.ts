import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../auth/sessions.js';
import { sessionCookieName } from '../auth/plugin.js';
import { seedAll } from '../db/seed/seed.js';
import { buildTestApp, type TestApp } from '../test/app.js';
import { createUser } from '../test/users.js';

/*
 * Every API route × every kind of caller → allowed or refused. A route missing from the table
 * fails the test, so a new route cannot ship without someone deciding who may call it.
 * "Refused" means 401/403 with code unauthorized/forbidden; "allowed" means anything else
 * (a 400 for a bad token or a 409 for a conflict is the route working, not refusing).
 */
type Caller = 'anonymous' | 'participant' | 'focalARG' | 'focalBRA' | 'repCIM' | 'repIOM' | 'secretariat';
const CALLERS: Caller[] = ['anonymous', 'participant', 'focalARG', 'focalBRA', 'repCIM', 'repIOM', 'secretariat'];
type Rule =
  | 'public'
  | 'signedIn'
  | 'secretariat'
  | 'stateARG'
  | 'orgCIM'
  | 'actsForSomeone'
  | 'pendingSecondFactor'
  | 'notSecretariat';

const allows: Record<Rule, (c: Caller) => boolean> = {
  public: () => true,
  signedIn: (c) => c !== 'anonymous',
  secretariat: (c) => c === 'secretariat',
  stateARG: (c) => c === 'secretariat' || c === 'focalARG',
  orgCIM: (c) => c === 'secretariat' || c === 'repCIM',
  // Focal points and representatives (each narrowed to their own) and the secretariat.
  actsForSomeone: (c) => c !== 'anonymous' && c !== 'participant',
  // Only a session whose password was right and whose second factor is due; none of these callers.
  pendingSecondFactor: () => false,
  // Secretariat accounts may not turn their second factor off.
  notSecretariat: (c) => c !== 'anonymous' && c !== 'secretariat',
};

const SLUG = 'oas-iom-tip-2005';
const text = (t: string) => ({ original: 'en', values: { en: { text: t, official: true } } });

/** Route → who may call it, and a valid request (so a refusal is about rights, not about input). */
const TABLE: Record<string, { rule: Rule; url?: string; body?: (ctx: Ctx) => unknown }> = {
  'GET /api/docs': { rule: 'public' },
  'GET /api/docs/static/index.html': { rule: 'public' },
  'GET /api/docs/static/swagger-initializer.js': { rule: 'public' },
  'GET /api/docs/json': { rule: 'public' },
  'GET /api/docs/yaml': { rule: 'public' },
  'GET /api/docs/static/*': { rule: 'public', url: '/api/docs/static/swagger-ui.css' },
  'GET /api/openapi.json': { rule: 'public' },
  'GET /api/health': { rule: 'public' },
  'GET /api/meetings': { rule: 'public' },
  'GET /api/meetings/:slug': { rule: 'public' },
  'GET /api/meetings/:slug/agenda': { rule: 'public' },
  'GET /api/meetings/:slug/agenda.ics': { rule: 'public' },
  'GET /api/meetings/:slug/agenda.pdf': { rule: 'public' },
  'GET /api/member-states': { rule: 'public' },
  'GET /api/organizations': { rule: 'public' },
  'GET /api/auth/session': { rule: 'public' },
  'POST /api/auth/sign-in': {
    rule: 'public',
    body: () => ({ email: 'nobody@example.org', password: 'wrong password' }),
  },
  'POST /api/auth/sign-in/totp': { rule: 'pendingSecondFactor', body: () => ({ code: '123456' }) },
  'POST /api/auth/sign-out': { rule: 'public' },
  'POST /api/auth/sign-out-everywhere': { rule: 'signedIn' },
  'PATCH /api/auth/profile': { rule: 'signedIn', body: () => ({ name: 'Renamed' }) },
  'POST /api/auth/password': {
    rule: 'signedIn',
    body: () => ({ currentPassword: 'not the password', newPassword: 'another long passphrase' }),
  },
  'POST /api/auth/totp/setup': { rule: 'signedIn' },
  'POST /api/auth/totp/enable': { rule: 'signedIn', body: () => ({ code: '123456' }) },
  'POST /api/auth/totp/disable': { rule: 'notSecretariat', body: () => ({ password: 'not the password' }) },
  'GET /api/users': { rule: 'secretariat' },
  'POST /api/users/invitations': {
    rule: 'secretariat',
    body: (ctx) => ({ email: `invitee-${ctx.n()}@example.org`, name: 'Invitee', lang: 'fr', role: 'participant' }),
  },
  'POST /api/users/:id/roles': {
    rule: 'secretariat',
    body: () => ({ role: 'focal_point', memberState: 'URY' }),
  },
  'DELETE /api/users/:id/roles/:assignmentId': { rule: 'secretariat' },
  'PATCH /api/users/:id': { rule: 'secretariat', body: () => ({ name: 'Target Renamed' }) },
  'GET /api/outbox': { rule: 'secretariat' },
  'GET /api/invitations/:token': { rule: 'public' },
  'POST /api/invitations/:token': { rule: 'public', body: () => ({ password: 'a long enough passphrase' }) },
  'POST /api/password-reset': { rule: 'public', body: () => ({ email: 'nobody@example.org' }) },
  'POST /api/password-reset/:token': { rule: 'public', body: () => ({ password: 'a long enough passphrase' }) },
  'GET /api/tokens': { rule: 'signedIn' },
  'POST /api/tokens': { rule: 'signedIn', body: () => ({ name: 'script' }) },
  'DELETE /api/tokens/:id': { rule: 'signedIn' },
  'GET /api/meetings/:slug/source': { rule: 'secretariat' },
  'PATCH /api/meetings/:slug': { rule: 'secretariat', body: () => ({ venue: text('Washington, D.C.') }) },
  'PUT /api/meetings/:slug/concept-note/:kind': {
    rule: 'secretariat',
    url: `/api/meetings/${SLUG}/concept-note/objectives`,
    body: () => ({ heading: text('Objectives'), body: text('- Exchange best practices'), notes: [] }),
  },
  'GET /api/meetings/:slug/agenda/draft': { rule: 'secretariat' },
  'PUT /api/meetings/:slug/agenda/draft': { rule: 'secretariat', body: (ctx) => ctx.draft },
  'POST /api/meetings/:slug/agenda/versions': { rule: 'secretariat' },
  'GET /api/member-states/:iso3/contact': { rule: 'signedIn' },
  'PUT /api/member-states/:iso3/contact': {
    rule: 'stateARG',
    body: () => ({ office: 'Ministerio', email: 'tip@example.org' }),
  },
  'GET /api/organizations/:id/contact': { rule: 'signedIn' },
  'PUT /api/organizations/:id/contact': { rule: 'orgCIM', body: () => ({ office: 'CIM', phone: '+1 202 458 6084' }) },
  'GET /api/audit': { rule: 'secretariat' },
  'GET /api/meetings/:slug/participation-rules': { rule: 'public' },
  'PUT /api/meetings/:slug/participation-rules': { rule: 'secretariat', body: (ctx) => ctx.rules },
  'POST /api/meetings/:slug/registrations': {
    rule: 'stateARG',
    body: (ctx) => ({
      category: 'permanent_mission',
      memberState: 'ARG',
      person: { givenName: 'Ana', familyName: 'Pérez', email: `ana-${ctx.n()}@example.org` },
    }),
  },
  'GET /api/meetings/:slug/registrations': { rule: 'actsForSomeone' },
  'GET /api/meetings/:slug/registrations/:id': { rule: 'stateARG' },
  'POST /api/meetings/:slug/registrations/:id/decision': {
    rule: 'secretariat',
    body: () => ({ decision: 'accredit' }),
  },
  'POST /api/meetings/:slug/registrations/:id/withdrawal': { rule: 'stateARG', body: () => ({}) },
  'POST /api/meetings/:slug/registrations/:id/substitution': {
    rule: 'stateARG',
    body: (ctx) => ({ person: { givenName: 'Rosa', familyName: 'Díaz', email: `rosa-${ctx.n()}@example.org` } }),
  },
  'GET /api/meetings/:slug/delegations': { rule: 'actsForSomeone' },
  'GET /api/meetings/:slug/delegations/:code': { rule: 'stateARG' },
  'PATCH /api/meetings/:slug/delegations/:code': { rule: 'stateARG', body: () => ({ headRegistrationId: null }) },
  'PUT /api/meetings/:slug/delegations/:code/credentials': { rule: 'stateARG', body: () => ({}) },
  'GET /api/meetings/:slug/delegations/:code/credentials': { rule: 'stateARG' },
  'GET /api/civil-society-organizations': { rule: 'public' },
  'POST /api/civil-society-organizations': {
    rule: 'secretariat',
    body: (ctx) => ({ name: `Fundación ${ctx.n()}`, country: 'ARG', status: 'accredited' }),
  },
  'PATCH /api/civil-society-organizations/:id': { rule: 'secretariat', body: () => ({ status: 'accredited' }) },
  'GET /api/meetings/:slug/participants.pdf': { rule: 'public' },
  'GET /api/meetings/:slug/participants.csv': { rule: 'public' },
  'GET /api/meetings/:slug/participants.xlsx': { rule: 'public' },
  'GET /api/meetings/:slug/badges.pdf': { rule: 'secretariat' },
  'POST /api/meetings/:slug/check-ins': { rule: 'secretariat', body: () => ({ code: 'no-such-code-0000' }) },
  'GET /api/meetings/:slug/check-in/roster': { rule: 'secretariat' },
  'GET /api/meetings/:slug/participation-statistics': { rule: 'secretariat' },
  'GET /api/treaties': { rule: 'public' },
  'POST /api/treaties': {
    rule: 'secretariat',
    body: (ctx) => {
      const names = { en: 'Treaty', es: 'Tratado', fr: 'Traité', pt: 'Tratado' };
      return { code: `matrix-treaty-${ctx.n()}`, name: names, shortName: names, adoptedOn: '2000-11-15' };
    },
  },
  'PATCH /api/treaties/:code': {
    rule: 'secretariat',
    url: '/api/treaties/tip-protocol',
    body: () => ({ inForceOn: '2003-12-25' }),
  },
  'GET /api/treaties/:code/status': { rule: 'public', url: '/api/treaties/tip-protocol/status?asOf=2005-04-06' },
  'GET /api/treaties/:code/timeline': { rule: 'public', url: '/api/treaties/tip-protocol/timeline' },
  'POST /api/treaties/:code/actions': {
    rule: 'secretariat',
    url: '/api/treaties/ilo-c29/actions',
    body: () => ({ state: 'ARG', action: 'signature', date: '1950', source: 'access matrix' }),
  },
  'PATCH /api/treaties/:code/actions/:id': {
    rule: 'secretariat',
    url: '/api/treaties/tip-protocol/actions/00000000-0000-4000-8000-000000000000',
    body: () => ({ source: 'access matrix' }),
  },
  'DELETE /api/treaties/:code/actions/:id': {
    rule: 'secretariat',
    url: '/api/treaties/tip-protocol/actions/00000000-0000-4000-8000-000000000000',
  },
  'GET /api/treaty-actions.csv': { rule: 'public' },
  'POST /api/treaty-actions/import': { rule: 'secretariat' },
  'GET /api/member-states/:iso3/profile': { rule: 'public' },
  'GET /api/member-states/:iso3/framework': { rule: 'public' },
  'GET /api/member-states/:iso3/framework/proposals': { rule: 'stateARG' },
  'POST /api/member-states/:iso3/framework/proposals': {
    rule: 'stateARG',
    body: () => ({
      kind: 'legislation',
      data: { title: 'Ley 26.364', criminalisesAllForms: null, date: '2008', source: 'Boletín Oficial' },
    }),
  },
  'POST /api/framework-proposals/:id/review': { rule: 'secretariat', body: () => ({ decision: 'reject' }) },
  'GET /api/meetings/:slug/documents': { rule: 'public' },
  'POST /api/meetings/:slug/documents': {
    rule: 'stateARG',
    body: () => ({ kind: 'country_report', memberState: 'ARG', title: text('Country report') }),
  },
  // A document id that does not exist: reads answer 404 to all; writes refuse before looking it up.
  'GET /api/documents/:id': { rule: 'public', url: '/api/documents/00000000-0000-4000-8000-000000000000' },
  'GET /api/documents/:id/files/:lang': {
    rule: 'public',
    url: '/api/documents/00000000-0000-4000-8000-000000000000/files/fr',
  },
  'PUT /api/documents/:id/files/:lang': {
    rule: 'actsForSomeone',
    url: '/api/documents/00000000-0000-4000-8000-000000000000/files/fr',
  },
  'POST /api/documents/:id/issue': {
    rule: 'secretariat',
    url: '/api/documents/00000000-0000-4000-8000-000000000000/issue',
    body: () => ({}),
  },
  'POST /api/documents/:id/revisions': {
    rule: 'secretariat',
    url: '/api/documents/00000000-0000-4000-8000-000000000000/revisions',
    body: () => ({ kind: 'rev', note: 'access matrix' }),
  },
  'GET /api/practices': { rule: 'public' },
  'GET /api/practices/work': { rule: 'actsForSomeone' },
  'POST /api/practices': {
    rule: 'actsForSomeone',
    body: () => ({
      data: {
        title: { original: 'es', values: { es: { text: 'Red de refugios', source: 'submitter' } } },
        summary: { original: 'es', values: { es: { text: 'Una red.', source: 'submitter' } } },
        description: { original: 'es', values: { es: { text: 'Una red de refugios.', source: 'submitter' } } },
        themes: ['protection'],
      },
    }),
  },
  // A practice id that does not exist: reads answer 404 to all; writes refuse before looking it up.
  'GET /api/practices/:id': { rule: 'public', url: '/api/practices/00000000-0000-4000-8000-000000000000' },
  'PUT /api/practices/:id': {
    rule: 'actsForSomeone',
    url: '/api/practices/00000000-0000-4000-8000-000000000000',
    body: () => ({
      title: { original: 'es', values: { es: { text: 'Red', source: 'submitter' } } },
      summary: { original: 'es', values: { es: { text: 'Una red.', source: 'submitter' } } },
      description: { original: 'es', values: { es: { text: 'Una red.', source: 'submitter' } } },
      themes: ['protection'],
    }),
  },
  'POST /api/practices/:id/submission': {
    rule: 'actsForSomeone',
    url: '/api/practices/00000000-0000-4000-8000-000000000000/submission',
    body: () => ({}),
  },
  'POST /api/practices/:id/review': {
    rule: 'actsForSomeone',
    url: '/api/practices/00000000-0000-4000-8000-000000000000/review',
    body: () => ({ decision: 'publish' }),
  },
  'POST /api/practices/:id/revisions': {
    rule: 'actsForSomeone',
    url: '/api/practices/00000000-0000-4000-8000-000000000000/revisions',
    body: () => ({}),
  },
  'POST /api/practices/:id/comments': {
    rule: 'actsForSomeone',
    url: '/api/practices/00000000-0000-4000-8000-000000000000/comments',
    body: () => ({ body: 'access matrix' }),
  },
  'POST /api/practices/:id/attachments': {
    rule: 'actsForSomeone',
    url: '/api/practices/00000000-0000-4000-8000-000000000000/attachments',
  },
  'GET /api/practices/:id/attachments/:attachment': {
    rule: 'public',
    url: '/api/practices/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000000',
  },
  'DELETE /api/practices/:id/attachments/:attachment': {
    rule: 'actsForSomeone',
    url: '/api/practices/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000000',
  },
  'POST /api/meetings/:slug/documents/generated': {
    rule: 'secretariat',
    body: () => ({ source: 'participant_list' }),
  },
  'POST /api/documents/:id/supersede': {
    rule: 'secretariat',
    url: '/api/documents/00000000-0000-4000-8000-000000000000/supersede',
    body: () => ({}),
  },
  'GET /api/statistics/indicators': { rule: 'public' },
  'POST /api/statistics/indicators': {
    rule: 'secretariat',
    body: (ctx) => {
      const t = { en: 'Test', es: 'Prueba', fr: 'Essai', pt: 'Teste' };
      return {
        code: `matrix_indicator_${ctx.n()}`,
        name: t,
        definition: t,
        methodology: t,
        unit: 'persons',
        breakdowns: { sex: ['female', 'male'] },
        additive: true,
      };
    },
  },
  'PATCH /api/statistics/indicators/:code': {
    rule: 'secretariat',
    url: '/api/statistics/indicators/victims_detected',
    body: () => ({ unit: 'persons' }),
  },
  'GET /api/statistics/data': { rule: 'public', url: '/api/statistics/data?indicator=persons_convicted&state=ARG' },
  'GET /api/statistics/data.csv': { rule: 'public', url: '/api/statistics/data.csv?state=ARG&year=2010' },
  'GET /api/statistics/data.json': { rule: 'public', url: '/api/statistics/data.json?state=ARG&year=2010' },
  'GET /api/statistics/aggregates': {
    rule: 'public',
    url: '/api/statistics/aggregates?indicator=victims_detected&year=2015',
  },
  'GET /api/statistics/scorecard/:iso3/:year': { rule: 'public', url: '/api/statistics/scorecard/ARG/2015' },
  'POST /api/statistics/glotip/import': { rule: 'secretariat' },
  'GET /api/statistics/report-template.csv': { rule: 'public' },
  'GET /api/statistics/report-template.xlsx': { rule: 'public' },
  // Argentina's reports listed: its focal point and the secretariat (without a state, any focal point sees their own).
  'GET /api/statistics/reports': { rule: 'stateARG', url: '/api/statistics/reports?state=ARG' },
  // Argentina's report: its focal point and the secretariat; a missing or empty report is a 404 or 422, not a refusal.
  'GET /api/statistics/reports/:iso3/:year': { rule: 'stateARG', url: '/api/statistics/reports/ARG/2015' },
  'PUT /api/statistics/reports/:iso3/:year': {
    rule: 'stateARG',
    url: '/api/statistics/reports/ARG/2015',
    body: () => ({ values: [] }),
  },
  'POST /api/statistics/reports/:iso3/:year/import': {
    rule: 'stateARG',
    url: '/api/statistics/reports/ARG/2015/import',
  },
  'POST /api/statistics/reports/:iso3/:year/submission': {
    rule: 'stateARG',
    url: '/api/statistics/reports/ARG/2015/submission',
  },
  'POST /api/statistics/reports/:iso3/:year/review': {
    rule: 'secretariat',
    url: '/api/statistics/reports/ARG/2015/review',
    body: () => ({ decision: 'validate' }),
  },
};

interface Ctx {
  n(): number;
  draft: unknown;
  rules: unknown;
}

let t: TestApp;
const routes: string[] = [];
const users = {} as Record<Exclude<Caller, 'anonymous'>, { id: string; roleIds: string[] }>;
let target: { id: string; roleIds: string[] };
/** An ARG registration, for the routes about one registration. */
let registrationId = '';
let csoId = '';
let counter = 0;

beforeAll(async () => {
  t = await buildTestApp({
    beforeRoutes: (app) =>
      app.addHook('onRoute', (r: RouteOptions) => {
        for (const m of [r.method].flat()) if (r.url.startsWith('/api/') && m !== 'HEAD') routes.push(`${m} ${r.url}`);
      }),
  });
  await seedAll(t.database.db, t.app.files);
  const db = t.database.db;
  users.participant = await createUser(db, { roles: [{ role: 'participant' }] });
  users.focalARG = await createUser(db, { roles: [{ role: 'focal_point', memberState: 'ARG' }] });
  users.focalBRA = await createUser(db, { roles: [{ role: 'focal_point', memberState: 'BRA' }] });
  users.repCIM = await createUser(db, { roles: [{ role: 'organization_rep', organizationId: 'cim' }] });
  users.repIOM = await createUser(db, { roles: [{ role: 'organization_rep', organizationId: 'iom' }] });
  users.secretariat = await createUser(db, { roles: [{ role: 'secretariat' }] });
  target = await createUser(db, { roles: [{ role: 'participant' }] });
  const admin = await credentials('secretariat');
  const reg = await t.app.inject({
    method: 'POST',
    url: `/api/meetings/${SLUG}/registrations`,
    headers: admin,
    payload: {
      category: 'permanent_mission',
      memberState: 'ARG',
      person: { givenName: 'Eva', familyName: 'Luna', email: 'eva@example.org' },
    },
  });
  registrationId = reg.json<{ id: string }>().id;
  const cso = await t.app.inject({
    method: 'POST',
    url: '/api/civil-society-organizations',
    headers: admin,
    payload: { name: 'Red Argentina contra la Trata', country: 'ARG', status: 'accredited' },
  });
  csoId = cso.json<{ id: string }>().id;
});
afterAll(async () => t.close());

async function credentials(caller: Caller): Promise<Record<string, string>> {
  if (caller === 'anonymous') return {};
  // A fresh session per call: routes such as sign-out end the session they are called with.
  const s = await createSession(
    t.database.db,
    users[caller].id,
    { idleMinutes: 60, maxHours: 1 },
    {
      ip: null,
      userAgent: null,
      mfaPending: false,
    },
  );
  return { cookie: `${sessionCookieName(t.app.config)}=${s.token}`, 'x-csrf-token': s.csrfToken };
}

async function urlFor(route: string, path: string): Promise<string> {
  const entry = TABLE[route];
  if (entry?.url) return entry.url;
  if (path.includes('/registrations/:id')) return path.replace(':slug', SLUG).replace(':id', registrationId);
  if (path.startsWith('/api/civil-society-organizations/:id')) return path.replace(':id', csoId);
  let url = path
    .replace(':slug', SLUG)
    .replace(':code', 'ARG')
    .replace(':iso3', 'ARG')
    .replace(':token', 'x'.repeat(43));
  if (route.startsWith('GET /api/organizations/:id') || route.startsWith('PUT /api/organizations/:id')) {
    url = url.replace(':id', 'cim');
  }
  if (url.includes(':assignmentId')) {
    const extra = await createUser(t.database.db, { roles: [{ role: 'participant' }] });
    url = url.replace(':id', extra.id).replace(':assignmentId', extra.roleIds[0] ?? 'none');
  }
  if (route.startsWith('DELETE /api/tokens/')) url = url.replace(':id', '00000000-0000-4000-8000-000000000000');
  return url.replace(':id', target.id);
}

describe('access matrix', () => {
  it('has an entry for every API route, and no entry for a route that does not exist', () => {
    const missing = routes.filter((r) => !(r in TABLE));
    const stale = Object.keys(TABLE).filter((r) => !routes.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('allows and refuses exactly as the table says, for every caller', async () => {
    const draftRes = await t.app.inject({
      url: `/api/meetings/${SLUG}/agenda/draft`,
      headers: await credentials('secretariat'),
    });
    const { meeting: _m, ...draft } = draftRes.json<Record<string, unknown>>();
    const rules = (await t.app.inject({ url: `/api/meetings/${SLUG}/participation-rules` })).json<unknown>();
    const ctx: Ctx = { n: () => counter++, draft, rules };
    const wrong: string[] = [];
    for (const route of routes) {
      const entry = TABLE[route];
      if (!entry) continue;
      const [method, path = ''] = route.split(' ');
      for (const caller of CALLERS) {
        const url = await urlFor(route, path);
        const headers = await credentials(caller);
        const body = entry.body?.(ctx);
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
        const code = res.statusCode === 401 || res.statusCode === 403 ? res.json<{ code: string }>().code : null;
        const refused = code === 'unauthorized' || code === 'forbidden';
        const expected = allows[entry.rule](caller);
        if (refused === expected || res.statusCode >= 500) {
          wrong.push(
            `${route} as ${caller}: ${res.statusCode} ${code ?? ''} (expected ${expected ? 'allowed' : 'refused'})`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every route as every caller, in one test so the table's writes stay in order: on PostgreSQL
    // on a busy two-core machine that is a minute of requests, beyond the suite's 30 s default.
  }, 240_000);
});
