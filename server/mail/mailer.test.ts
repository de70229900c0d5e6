import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../shared/lang.js';
import { ROLES } from '../../shared/roles.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { closeTransports, deliverMail, HIDDEN, recordMail } from './mailer.js';
import { invitationMail, passwordResetMail } from './messages.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  closeTransports();
  await database.drop();
});

const LINK = 'https://continental.example.org/pt/invitation/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const message = () =>
  invitationMail({ to: 'rosa@example.org', name: 'Rosa', lang: 'pt', role: 'participant', link: LINK, days: 7 });
const row = (id: string) =>
  database.db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Just enough SMTP to accept one message at a time; what it received is kept for the test to read. */
function fakeSmtp(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let data: string | null = null;
    let buffer = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            received.push(data);
            data = null;
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250-fake\r\n250 8BITMIME\r\n');
        else if (/^DATA/i.test(line)) {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0, received });
    }),
  );
}

/** Undoes quoted-printable soft breaks and escapes, so a long link can be found whole. */
const unQuote = (text: string) =>
  text.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('mail', () => {
  it('without SMTP, keeps the whole message in the outbox for the secretariat to pass on', async () => {
    const queued = await recordMail(database.db, { smtpUrl: null, mailFrom: 'x@example.org' }, message());
    expect(await deliverMail(database.db, { smtpUrl: null, mailFrom: 'x@example.org' }, queued)).toBe(false);
    expect(await row(queued.id)).toMatchObject({
      to_address: 'rosa@example.org',
      lang: 'pt',
      subject: 'Seu convite para o Continental',
      sent_at: null,
      error: null,
    });
    expect((await row(queued.id)).body).toContain(LINK);
  });

  it('with SMTP, sends the whole message and records it as sent, with the link hidden', async () => {
    const smtp = await fakeSmtp();
    const config = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Continental <no-reply@example.org>' };
    try {
      const queued = await recordMail(database.db, config, message());
      expect(await deliverMail(database.db, config, queued)).toBe(true);
      const stored = await row(queued.id);
      expect(stored.sent_at).not.toBeNull();
      expect(stored.error).toBeNull();
      expect(stored.body).not.toContain(LINK);
      expect(stored.body).toContain(HIDDEN);
      expect(smtp.received).toHaveLength(1);
      const sent = unQuote(smtp.received[0]!);
      expect(sent).toContain(LINK);
      expect(sent).toMatch(/^Content-Language: pt$/m);
      expect(sent).toMatch(/^To: rosa@example.org$/m);
    } finally {
      closeTransports();
      smtp.server.close();
    }
  });

  it('records the error when the mail server cannot be reached, and does not throw', async () => {
    const probe = await fakeSmtp();
    probe.server.close();
    const config = { smtpUrl: `smtp://127.0.0.1:${probe.port}`, mailFrom: 'x@example.org' };
    const queued = await recordMail(database.db, config, message());
    expect(await deliverMail(database.db, config, queued)).toBe(false);
    const stored = await row(queued.id);
    expect(stored.sent_at).toBeNull();
    expect(stored.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('has every mail in all four languages, for every role', () => {
    for (const lang of LANGS) {
      for (const role of ROLES) {
        const mail = invitationMail({ to: 'a@b.org', name: 'N', lang, role, link: LINK, days: 7 });
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.body).toContain(LINK);
        expect(mail.body).toContain('7');
      }
      const reset = passwordResetMail({ to: 'a@b.org', name: 'N', lang, link: LINK, minutes: 60 });
      expect(reset.body).toContain('60');
      expect(reset.body.trimEnd().split('\n').at(-1)).toMatch(/^— Continental, /);
    }
  });
});
