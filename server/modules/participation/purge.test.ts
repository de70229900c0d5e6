import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { call, person, register, setRules, world, type World } from './participation.test-helper.js';

const SLOW = { timeout: 180_000 };

let w: World;
let id = '';
beforeAll(async () => {
  w = await world();
  await setRules(w, { requiresIdDocument: true });
  const res = await register(w.t, w.secretariat, {
    category: 'government',
    memberState: 'PAN',
    person: person({
      givenName: 'Zoila',
      familyName: 'Quintero',
      phone: '+507 6000 0000',
      idDocumentNumber: 'PA998877',
      gender: 'female',
    }),
  });
  id = res.json<{ id: string }>().id;
  await call(w.t, w.secretariat, 'POST', `/registrations/${id}/decision`, { decision: 'accredit' });
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  await w.t.app.inject({
    method: 'PUT',
    url: '/api/meetings/oas-iom-tip-2005/delegations/PAN/credentials?fileName=nota-verbal.pdf',
    headers: { ...w.secretariat.headers, 'content-type': 'application/pdf' },
    payload: pdf,
  });
});
afterAll(() => w.t.close());

const cli = (args: string[]) => runCli(w.t.database, args);

describe('npx continental purge-personal-data', () => {
  it(
    'refuses during the retention period, then erases names, contacts, documents and letters but keeps the counts',
    SLOW,
    async () => {
      // The demo meeting ended in 2005: move its end into the future to be inside the period.
      const meetings = w.t.database.db.updateTable('meeting').where('slug', '=', 'oas-iom-tip-2005');
      const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await meetings.set({ end_date: soon }).execute();
      const refused = await cli(['purge-personal-data', '--meeting', 'oas-iom-tip-2005']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('retention period');
      expect(refused.stderr).toContain('365 days after the meeting');
      expect(
        await w.t.database.db.selectFrom('registration').select('id').where('given_name', '=', 'Zoila').execute(),
      ).toHaveLength(1);

      await meetings.set({ end_date: '2005-04-08' }).execute();
      const done = await cli(['purge-personal-data', '--meeting', 'oas-iom-tip-2005']);
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      expect(done.stdout).toContain('1 registration(s) and 1 credentials letter(s)');

      const row = await w.t.database.db
        .selectFrom('registration')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const kept = JSON.stringify(row);
      for (const gone of ['Zoila', 'Quintero', '+507', 'example.org']) expect(kept).not.toContain(gone);
      expect(row.id_document).toBeNull();
      const csv = (await call(w.t, w.secretariat, 'GET', '/participants.csv')).body;
      expect(csv).not.toContain('Quintero');
      const letter = await call(w.t, w.secretariat, 'GET', '/delegations/PAN/credentials');
      expect(letter.statusCode).toBe(404);
      const stats = (await call(w.t, w.secretariat, 'GET', '/participation-statistics')).json();
      expect(stats.byGender.find((g: { gender: string }) => g.gender === 'female').accredited).toBe(1);
      const outbox = await w.t.database.db.selectFrom('outbox_message').select('body').execute();
      expect(outbox.some((m) => m.body.includes('Quintero'))).toBe(false);

      expect((await cli(['purge-personal-data'])).code).toBe(2);
    },
  );
});
