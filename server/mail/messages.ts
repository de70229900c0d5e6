import type { Lang } from '../../shared/lang.js';
import type { Role } from '../../shared/roles.js';
import { intlFor } from '../i18n.js';
import type { MailMessage } from './mailer.js';

/*
 * The mails the accounts feature sends, each written in the recipient's language from the ICU
 * catalogues (`mail.*`). Links are built by the caller from PUBLIC_URL, never from a request.
 */

function withSignature(lang: Lang, body: string): string {
  return `${body}\n\n${intlFor(lang).formatMessage({ id: 'mail.signature' })}\n`;
}

export function invitationMail(input: {
  to: string;
  name: string;
  lang: Lang;
  role: Role;
  link: string;
  days: number;
}): MailMessage {
  const intl = intlFor(input.lang);
  return {
    to: input.to,
    lang: input.lang,
    subject: intl.formatMessage({ id: 'mail.invitation.subject' }),
    body: withSignature(
      input.lang,
      intl.formatMessage(
        { id: 'mail.invitation.body' },
        { name: input.name, role: input.role, link: input.link, days: input.days },
      ),
    ),
    secrets: [input.link],
  };
}

export function passwordResetMail(input: {
  to: string;
  name: string;
  lang: Lang;
  link: string;
  minutes: number;
}): MailMessage {
  const intl = intlFor(input.lang);
  return {
    to: input.to,
    lang: input.lang,
    subject: intl.formatMessage({ id: 'mail.reset.subject' }),
    body: withSignature(
      input.lang,
      intl.formatMessage({ id: 'mail.reset.body' }, { name: input.name, link: input.link, minutes: input.minutes }),
    ),
    secrets: [input.link],
  };
}
