import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../shared/schemas/users.js';
import { newId } from '../../db/ids.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { request, signedIn } from './users.test-helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('GET /api/outbox', () => {
  it('pages the mail newest first, for the secretariat only', async () => {
    const base = Date.parse('2030-01-01T00:00:00Z');
    for (let i = 0; i < 5; i++) {
      await t.database.db
        .insertInto('outbox_message')
        .values({
          id: newId(),
          to_address: `r${i}@example.org`,
          lang: 'fr',
          subject: `Sujet ${i}`,
          body: `Corps ${i}`,
          created_at: new Date(base + i * 1000).toISOString(),
          sent_at: i === 4 ? new Date(base + 5000).toISOString() : null,
          error: i === 3 ? 'connection refused' : null,
        })
        .execute();
    }
    const admin = await signedIn(t.app, t.database.db, 'secretariat');
    const first = await request(t.app, 'GET', '/api/outbox?pageSize=2', { session: admin.session });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json<{ items: OutboxMessage[]; total: number; page: number; pageSize: number }>();
    expect(body).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(body.items).toEqual([
      {
        id: expect.any(String),
        to: 'r4@example.org',
        lang: 'fr',
        subject: 'Sujet 4',
        body: 'Corps 4',
        createdAt: '2030-01-01T00:00:04.000Z',
        sentAt: '2030-01-01T00:00:05.000Z',
        error: null,
      },
      expect.objectContaining({ to: 'r3@example.org', error: 'connection refused', sentAt: null }),
    ]);
    const last = await request(t.app, 'GET', '/api/outbox?pageSize=2&page=3', { session: admin.session });
    expect(last.json<{ items: OutboxMessage[] }>().items.map((m) => m.to)).toEqual(['r0@example.org']);
    expect((await request(t.app, 'GET', '/api/outbox?pageSize=500', { session: admin.session })).statusCode).toBe(400);

    const participant = await signedIn(t.app, t.database.db, 'participant');
    expect((await request(t.app, 'GET', '/api/outbox', { session: participant.session })).statusCode).toBe(403);
  });
});
