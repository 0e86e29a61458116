import type { Config } from '../config.js';
import type { RenderedMail } from '../mail/reminders.mail.js';
import type { OutboxMessage } from './enqueue.js';

/** An e-mail's outbox channel: one address, whatever its case, is one recipient (the reminder log's too). */
export const mailRecipient = (email: string): string => `mail:${email.toLowerCase()}`;

/** Whether e-mail can go out at all: without SMTP_URL and MAIL_FROM, no e-mail is queued. */
export function mailConfigured(config: Partial<Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>>): boolean {
  return !!config.SMTP_URL && !!config.MAIL_FROM;
}

/** A rendered e-mail to one address, as an outbox message. */
export function emailMessage(input: {
  dedupeKey: string;
  kind: string;
  to: string;
  mail: RenderedMail;
  hold?: string | undefined;
}): OutboxMessage {
  const { mail, to } = input;
  return {
    dedupeKey: input.dedupeKey,
    kind: input.kind,
    channel: mailRecipient(to),
    text: mail.text,
    transport: 'email',
    mail: { to, subject: mail.subject, html: mail.html },
    ...(input.hold ? { hold: input.hold } : {}),
  };
}
