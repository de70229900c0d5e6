import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';
import { negotiateLang } from './lang.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('HTTP basics', () => {
  it('reports health with the database reachable', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('publishes an OpenAPI 3.1 document listing every public route, and the docs page', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/meetings',
        '/api/meetings/{slug}',
        '/api/meetings/{slug}/agenda',
        '/api/meetings/{slug}/agenda.ics',
        '/api/meetings/{slug}/agenda.pdf',
        '/api/member-states',
        '/api/organizations',
      ]),
    );
    const docs = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
    const page = await t.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown API routes and methods with problem+json, never HTML', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing-here'],
      ['DELETE', '/api/meetings'],
      ['POST', '/api/health'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'not_found', status: 404 });
    }
  });

  it('refuses NUL characters at the edge, the same on both engines', async () => {
    for (const url of ['/api/meetings/abc%00def', '/api/meetings?lang=fr%00', '/api/member-states?x%00=1']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('keeps a client-chosen request id only when it is well formed', async () => {
    const ok = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'abc12345-trace' } });
    expect(ok.headers['x-request-id']).toBe('abc12345-trace');
    const bad = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': '<script>' } });
    expect(bad.headers['x-request-id']).not.toBe('<script>');
  });

  it('sends the first visit to the browser’s language', async () => {
    const cases: [string | undefined, string][] = [
      ['pt-BR,pt;q=0.9', '/pt'],
      ['de-DE,fr;q=0.7,en;q=0.5', '/fr'],
      ['zh-CN', '/en'],
      [undefined, '/en'],
    ];
    for (const [header, location] of cases) {
      const res = await t.app.inject({ url: '/', headers: header ? { 'accept-language': header } : {} });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(location);
      expect(res.headers.vary).toMatch(/Accept-Language/i);
    }
  });
});

describe('Accept-Language negotiation', () => {
  it('honours q-values and order, ignores q=0 and malformed parts', () => {
    expect(negotiateLang('en;q=0.2, es;q=0.8')).toBe('es');
    expect(negotiateLang('fr-CA, pt')).toBe('fr');
    expect(negotiateLang('es;q=0, pt;q=0.1')).toBe('pt');
    expect(negotiateLang(';;;,  ,q=abc')).toBe('en');
    expect(negotiateLang('', 'fr')).toBe('fr');
  });
});
