import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Failure } from './failures.js';
import { errorText } from './failures.js';

/** One e-mail as the dispatcher hands it over: plain text and HTML, a Message-ID of our own. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** The part of an SMTP client the dispatcher uses: a nodemailer transport fits. */
export interface MailTransport {
  send(message: MailMessage): Promise<{ response?: string }>;
  close(): void;
}

/**
 * An SMTP client from SMTP_URL (nodemailer): one connection at a time, a timeout per step, no retry of
 * its own (the dispatcher retries with backoff and records every attempt).
 */
export function createSmtpTransport(config: Pick<Config, 'SMTP_URL'>, timeoutMs: number): MailTransport {
  if (!config.SMTP_URL) throw new Error('SMTP_URL is required to send e-mail');
  const transport = nodemailer.createTransport({
    url: config.SMTP_URL,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(m) {
      const info = await transport.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
      });
      return { response: info.response };
    },
    close: () => transport.close(),
  };
}

/**
 * The Message-ID of an outbox row's e-mail: the same on every attempt, so that a copy sent again after a
 * crash mid-send (SMTP cannot say whether the first one landed) is recognisable as the same message,
 * and mail clients show it once.
 */
export function messageIdOf(row: { id: number; dedupeKey: string }, mailFrom: string): string {
  const domain = /@([^\s@>]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'partner-bot.invalid';
  const key = createHash('sha256').update(row.dedupeKey).digest('hex').slice(0, 16);
  return `<outbox-${row.id}.${key}@${domain}>`;
}

/**
 * What a failed SMTP send means: a 5xx reply is a refusal no retry will fix; a 4xx a refusal for now
 * (nothing was accepted); anything else (connection lost, timeout) leaves the message in doubt.
 */
export function classifyMailError(err: unknown): Failure {
  const e = err as { responseCode?: number; code?: string };
  const message = errorText(err);
  const status = e?.responseCode;
  if (typeof status === 'number' && status >= 500) return { kind: 'rejected', permanent: true, message };
  if (typeof status === 'number' && status >= 400) return { kind: 'rejected', permanent: false, message };
  if (e?.code === 'EENVELOPE') return { kind: 'rejected', permanent: true, message };
  return { kind: 'in-doubt', message };
}
