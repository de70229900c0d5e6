import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Lang } from '../../shared/lang.js';
import type { Config } from '../config.js';
import { newId, nowIso } from '../db/ids.js';
import type { DB } from '../db/schema.js';

export interface MailMessage {
  to: string;
  lang: Lang;
  subject: string;
  body: string;
  /**
   * Parts of the body that grant access (links carrying a token). When the mail really leaves by
   * SMTP, the recorded copy hides them, so reading the outbox never lets anyone take over an account.
   */
  secrets?: string[];
}

/** A message recorded in the outbox, waiting for `deliverMail` once its transaction commits. */
export interface QueuedMail {
  id: string;
  message: MailMessage;
}

export const HIDDEN = '[link hidden: sent by email only]';

type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom'>;

/**
 * Records a message in `outbox_message`. Call it with the transaction that makes the change the
 * mail announces: a rolled-back invitation then leaves no mail behind. Without SMTP the outbox
 * is the delivery (development), so the body is kept whole for the secretariat to pass on.
 */
export async function recordMail(db: Kysely<DB>, config: MailConfig, message: MailMessage): Promise<QueuedMail> {
  const id = newId();
  const body = config.smtpUrl ? hideSecrets(message.body, message.secrets ?? []) : message.body;
  await db
    .insertInto('outbox_message')
    .values({
      id,
      to_address: message.to,
      lang: message.lang,
      subject: message.subject,
      body,
      created_at: nowIso(),
      sent_at: null,
      error: null,
    })
    .execute();
  return { id, message };
}

function hideSecrets(body: string, secrets: string[]): string {
  return secrets.reduce((text, secret) => (secret ? text.split(secret).join(HIDDEN) : text), body);
}

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // Bounded waits: a dead mail server must not pile up pending requests.
    transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
    });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/**
 * Sends a recorded message over SMTP when one is configured and notes the outcome on its outbox
 * row (`sent_at`, or `error`). Never throws: a mail failure is the secretariat's to see in the
 * outbox, not the caller's to handle. Without SMTP there is nothing to do.
 */
export async function deliverMail(
  db: Kysely<DB>,
  config: MailConfig,
  queued: QueuedMail,
  log?: FastifyBaseLogger,
): Promise<boolean> {
  if (!config.smtpUrl) return false;
  const { message } = queued;
  try {
    await transportFor(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.body,
      headers: { 'Content-Language': message.lang, 'Auto-Submitted': 'auto-generated' },
    });
    await db
      .updateTable('outbox_message')
      .set({ sent_at: nowIso(), error: null })
      .where('id', '=', queued.id)
      .execute();
    return true;
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    // The server's reply may quote the address; the log gets the row id and code, the outbox the text.
    const code = err instanceof Error && 'code' in err ? String(err.code) : 'unknown';
    log?.warn({ outboxId: queued.id, code }, 'mail delivery failed');
    await db
      .updateTable('outbox_message')
      .set({ error })
      .where('id', '=', queued.id)
      .execute()
      .catch(() => undefined);
    return false;
  }
}

/** Closes pooled SMTP connections (tests and the command line exit cleanly). */
export function closeTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

/** Sends after the response: a slow mail server delays no one, and the outbox row shows the outcome. */
export function deliverLater(db: Kysely<DB>, config: MailConfig, queued: QueuedMail | null, log?: FastifyBaseLogger) {
  if (queued && config.smtpUrl) void deliverMail(db, config, queued, log);
}
