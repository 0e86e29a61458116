import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.js';
import { createSmtpTransport, type MailTransport, messageIdOf } from '../../src/outbox/mail.js';
import type { DroppableTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import type { FakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { deliverAll, MAIL_FROM, mailDispatcher, queue, useDeliveryEnv } from './support.js';

const CHILD = fileURLToPath(new URL('./fixtures/dispatcher-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe.runIf(BACKENDS.includes('postgres'))(
  'e-mail across a kill -9 of the dispatcher, on postgres',
  () => {
    let t: DroppableTestDatabase;
    let fake: FakeSlackDelivery;
    let smtp: TestSmtpServer;
    let mailer: MailTransport | undefined;
    let child: ChildProcess | undefined;
    useDeliveryEnv('postgres', (env) => ({ t, fake } = env));
    beforeEach(async () => {
      smtp = await startTestSmtpServer();
    });
    afterEach(async () => {
      // Before the fake Slack and the database go (after hooks run last registered first).
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      mailer?.close();
      await smtp?.close();
    });

    it('every reminder e-mail is delivered, each under one Message-ID, and only one the kill left in doubt is sent again', async () => {
      const keys = Array.from({ length: 10 }, (_, i) => `reminders:2026-02-16:mail:c${i}@partner.example`);
      await queue(
        t.db,
        keys.map((key, i) => ({
          dedupeKey: key,
          kind: 'reminder.email',
          channel: `mail:c${i}@partner.example`,
          text: `plain ${i}`,
          transport: 'email' as const,
          mail: { to: `c${i}@partner.example`, subject: `Subject ${i}`, html: `<p>${i}</p>` },
        })),
      );
      // The server keeps each message at once but answers 300 ms later: a kill in between loses the outcome only.
      smtp.setAcceptDelay(300);
      child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          SLACK_API_URL: fake.apiUrl,
          SMTP_URL: smtp.url,
          MAIL_FROM,
          LEASE_MS: '2000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (d) => {
        stderr += String(d);
      });
      await smtp.waitFor(
        () => smtp.received.length >= 4,
        30_000,
        `4 e-mails from the child (stderr: ${stderr})`,
      );
      child.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));

      const rows = await t.db.select().from(outbox);
      const inDoubt = rows.filter((r) => r.status === 'sending' && r.postingSince !== null);
      expect(inDoubt.length).toBeGreaterThanOrEqual(1);
      const receivedBeforeKill = smtp.received.length;
      expect(receivedBeforeKill).toBeLessThan(keys.length);

      smtp.setAcceptDelay(0);
      mailer = createSmtpTransport({ SMTP_URL: smtp.url }, 5_000);
      const fresh = mailDispatcher(t.db, fake, mailer);
      await deliverAll(t.db, [fresh], 30_000, 'every e-mail sent');

      const doubtful = new Set(inDoubt.map((r) => r.id));
      for (const key of keys) {
        const [row] = await t.db.select().from(outbox).where(eq(outbox.dedupeKey, key));
        const id = messageIdOf({ id: row!.id, dedupeKey: key }, MAIL_FROM);
        expect(row!.slackTs).toBe(id);
        const copies = smtp.withMessageId(id);
        // Once; twice only for a message the kill left in doubt, and then under the same Message-ID.
        expect(copies.length, key).toBeGreaterThanOrEqual(1);
        expect(copies.length, key).toBeLessThanOrEqual(doubtful.has(row!.id) ? 2 : 1);
      }
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(keys.length);
    });
  },
);
