import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';

/** Errors as the drivers raise them when the database gives up waiting for a lock. */
const FAILURES: Record<string, { code: string; message: string }> = {
  sqliteBusy: { code: 'SQLITE_BUSY', message: 'database is locked' },
  postgresDeadlock: { code: '40P01', message: 'deadlock detected' },
  postgresSerialization: { code: '40001', message: 'could not serialize access' },
};

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    beforeRoutes: (app) => {
      app.get('/test/contention/:kind', async (request) => {
        const failure = FAILURES[(request.params as { kind: string }).kind];
        throw Object.assign(new Error(failure?.message ?? 'boom'), { code: failure?.code ?? 'EOTHER' });
      });
    },
  });
});
afterAll(() => t.close());

describe('database contention', () => {
  for (const kind of Object.keys(FAILURES)) {
    it(`answers 503 with Retry-After, not 500, for ${kind}`, async () => {
      const res = await t.app.inject({ url: `/test/contention/${kind}` });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json()).toMatchObject({ code: 'unavailable', retryAfter: 1 });
      expect(res.body).not.toContain(FAILURES[kind]?.message);
    });
  }

  it('still answers 500 for a failure that is not contention', async () => {
    const res = await t.app.inject({ url: '/test/contention/other' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('internal');
  });
});
