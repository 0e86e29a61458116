import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitUntil } from './wait.js';

/** One e-mail as the loopback SMTP server received it. */
export interface ReceivedMail {
  from: string | undefined;
  to: string[];
  /** The raw message (headers and MIME body). */
  raw: string;
  messageId: string | undefined;
  subject: string | undefined;
  at: number;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** The mails carrying this Message-ID. */
  withMessageId(messageId: string): ReceivedMail[];
  /** Keeps each message but answers the end of DATA after `ms` (a sender killed meanwhile lost the outcome only). */
  setAcceptDelay(ms: number): void;
  /** The next `times` messages are refused with this SMTP code (e.g. 450, 550) and not kept. */
  refuse(code: number, times?: number): void;
  waitFor(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim();
}

/** A real SMTP server (the smtp-server package) on 127.0.0.1, no TLS, no authentication. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let acceptDelayMs = 0;
  const refusals: number[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const code = refusals.shift();
        if (code !== undefined) {
          const err = Object.assign(new Error(`refused by the test server (${code})`), {
            responseCode: code,
          });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: header(raw, 'Message-ID'),
          subject: header(raw, 'Subject'),
          at: Date.now(),
        });
        if (acceptDelayMs > 0) setTimeout(() => callback(), acceptDelayMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    withMessageId: (id) => received.filter((m) => m.messageId === id),
    setAcceptDelay: (ms) => {
      acceptDelayMs = ms;
    },
    refuse: (code, times = 1) => {
      for (let i = 0; i < times; i++) refusals.push(code);
    },
    waitFor: (check, timeoutMs = 10_000, what = 'a condition') => waitUntil(check, timeoutMs, what),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
