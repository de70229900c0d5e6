import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';
import { createMeeting } from '../test/factories.js';

/*
 * Every API route, called with hostile or malformed input, answers a 4xx problem+json (or a
 * success), never a 500. Routes are collected as they register, so a new route is covered
 * without touching this file.
 */
let t: TestApp;
const routes: { method: string; url: string }[] = [];
let slug = '';

beforeAll(async () => {
  t = await buildTestApp({
    beforeRoutes: (app) =>
      app.addHook('onRoute', (r: RouteOptions) => {
        for (const m of [r.method].flat())
          if (r.url.startsWith('/api/') && m !== 'HEAD') routes.push({ method: m, url: r.url });
      }),
  });
  slug = (await createMeeting(t.database.db)).slug;
});
afterAll(async () => t.close());

const HOSTILE_VALUES = [
  '',
  '%00',
  '%C0%AE%C0%AE',
  '..%2F..%2Fetc%2Fpasswd',
  "'%20OR%201=1--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%F0%9F%92%A9',
  'a'.repeat(3000),
  '__proto__',
  '-1',
  '1e309',
  '%E2%80%AE',
];

function fill(url: string, value: string): string {
  return url.replace(/:slug/g, slug).replace(/:(\w+)/g, value || 'x');
}

describe('no route answers 500 to a bad request', () => {
  it('collected the API routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(8);
  });

  it('survives hostile path parameters and query strings', async () => {
    for (const route of routes) {
      for (const v of HOSTILE_VALUES) {
        const urls = [
          route.url.replace(/:(\w+)/g, v || 'x'),
          `${fill(route.url, v)}?lang=${v}&version=${v}&${v}=${v}`,
          `${fill(route.url, v)}?lang=fr&lang=es&version=1&version=2`,
        ];
        for (const url of urls) {
          const res = await t.app.inject({ method: route.method as 'GET', url });
          expect(res.statusCode, `${route.method} ${url}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type'], `${route.method} ${url}`).toMatch(/^application\/problem\+json/);
          }
        }
      }
    }
  });

  it('survives odd headers and bodies', async () => {
    for (const route of routes) {
      const url = fill(route.url, 'x');
      for (const headers of [
        { 'accept-language': '*;q=abc,,,;;;' },
        { 'accept-language': 'x'.repeat(5000) },
        { 'content-type': 'application/json' },
        { 'if-none-match': '"' },
      ]) {
        const res = await t.app.inject({ method: route.method as 'GET', url, headers });
        expect(res.statusCode, `${route.method} ${url} ${JSON.stringify(headers).slice(0, 60)}`).toBeLessThan(500);
      }
      for (const [type, payload] of [
        ['application/json', '{"a":'],
        ['application/json', '{"__proto__":{"polluted":true}}'],
        ['text/plain', 'hello'],
        ['application/xml', '<a/>'],
      ] as const) {
        const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
        expect(res.statusCode, `POST ${url} ${type}`).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
