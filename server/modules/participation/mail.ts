import type { Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { DB } from '../../db/schema.js';
import { intlFor } from '../../i18n.js';
import { recordMail, type QueuedMail } from '../../mail/mailer.js';
import type { ParticipationDeps } from './register.js';
import type { RegistrationRow } from './presenter.js';

export type RegistrationEvent = 'received' | 'accredited' | 'rejected' | 'withdrawn' | 'substituted';

/**
 * Tells the person, and the focal point or representative who nominated them, what happened to a
 * registration, each in their own language. Recorded in the transaction that makes the change.
 */
export async function registrationMail(
  trx: Transaction<DB>,
  deps: ParticipationDeps,
  row: RegistrationRow,
  event: RegistrationEvent,
  known?: { title: string; slug: string },
): Promise<QueuedMail[]> {
  const meeting =
    known ??
    (await trx.selectFrom('meeting').select(['title', 'slug']).where('id', '=', row.meeting_id).executeTakeFirst());
  const recipients: { to: string; lang: Lang; nominator: boolean }[] = [
    { to: row.email, lang: row.preferred_lang as Lang, nominator: false },
  ];
  if (row.nominator_email && row.nominator_email !== row.email) {
    recipients.push({ to: row.nominator_email, lang: (row.nominator_lang ?? 'en') as Lang, nominator: true });
  }
  const out: QueuedMail[] = [];
  for (const r of recipients) {
    const intl = intlFor(r.lang);
    const title = meetingTitle(meeting?.title, r.lang);
    const values = {
      event,
      name: `${row.given_name} ${row.family_name}`,
      meeting: title,
      reason: row.decision_reason ?? '',
      hasReason: row.decision_reason ? 'yes' : 'no',
      link: `${deps.config.publicUrl}/${r.lang}/meetings/${meeting?.slug ?? ''}`,
    };
    const body = intl.formatMessage(
      { id: r.nominator ? 'mail.registration.nominatorBody' : 'mail.registration.body' },
      values,
    );
    out.push(
      await recordMail(trx, deps.config, {
        to: r.to,
        lang: r.lang,
        subject: intl.formatMessage({ id: 'mail.registration.subject' }, values),
        body: `${body}\n\n${intl.formatMessage({ id: 'mail.signature' })}\n`,
      }),
    );
  }
  return out;
}

function meetingTitle(raw: string | undefined, lang: Lang): string {
  if (!raw) return '';
  const text = JSON.parse(raw) as { original: Lang; values: Partial<Record<Lang, { text: string }>> };
  return text.values[lang]?.text ?? text.values[text.original]?.text ?? '';
}
