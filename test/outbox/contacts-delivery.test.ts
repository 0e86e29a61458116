import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dmChannels } from '../../src/db/schema.js';
import type { DispatcherLimits } from '../../src/outbox/dispatcher.js';
import { createSmtpTransport, type MailTransport, messageIdOf } from '../../src/outbox/mail.js';
import type { DroppableTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import type { FakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { MAIL_FROM, mailDispatcher, message, queue, rowOf, useDeliveryEnv, waitUntil } from './support.js';

function mailMessage(key: string, to: string) {
  return {
    dedupeKey: key,
    kind: 'reminder.email',
    channel: `mail:${to}`,
    text: `plain ${key}`,
    transport: 'email' as const,
    mail: { to, subject: `Subject ${key}`, html: `<p>html ${key}</p>` },
  };
}

describe.each(BACKENDS)('delivery to contacts where they are, on %s', (backend) => {
  let t: DroppableTestDatabase;
  let fake: FakeSlackDelivery;
  let smtp: TestSmtpServer;
  let mailer: MailTransport;
  useDeliveryEnv(backend, (env) => ({ t, fake } = env));
  beforeEach(async () => {
    smtp = await startTestSmtpServer();
    mailer = createSmtpTransport({ SMTP_URL: smtp.url }, 2_000);
  });
  afterEach(async () => {
    mailer?.close();
    await smtp?.close();
  });

  const dispatcher = (limits: Partial<DispatcherLimits> = {}, withMail = true) =>
    mailDispatcher(t.db, fake, withMail ? mailer : undefined, limits);

  it('a DM whose post got no answer is found in the DM history, not marked uncertain; its DM id is kept', async () => {
    await queue(t.db, [message('dm-1', 'U0MEMBER')]);
    // Slack keeps the post but answers after the client gave up: the outcome is lost, not the post.
    fake.setPostDelay(60_000);
    const first = dispatcher({ requestTimeoutMs: 1_500 });
    expect((await first.drain()).retry).toBe(1);
    fake.setPostDelay(0);
    const row = await rowOf(t.db, 'dm-1');
    expect(row.slackChannel).toBe('D0MEMBER');
    expect(row.postingSince).not.toBeNull();
    expect(fake.postsOf('dm-1')).toHaveLength(1);
    await waitUntil(async () => (await first.drain()).recovered === 1, 15_000, 'the recovery');
    const after = await rowOf(t.db, 'dm-1');
    expect(after.status).toBe('sent');
    expect(after.lastError).toBeNull();
    expect(fake.postsOf('dm-1')).toHaveLength(1);

    // Another process later: the DM id comes from the database, not from conversations.open.
    expect(await t.db.select().from(dmChannels)).toEqual([
      expect.objectContaining({ slackUserId: 'U0MEMBER', channelId: 'D0MEMBER' }),
    ]);
    const opens = fake.callsTo('conversations.open').length;
    await queue(t.db, [message('dm-2', 'U0MEMBER')]);
    expect((await dispatcher().drain()).sent).toBe(1);
    expect(fake.callsTo('conversations.open')).toHaveLength(opens);
    expect(fake.postsOf('dm-2')).toEqual([expect.objectContaining({ channel: 'D0MEMBER' })]);
  });

  it.each(['cannot_dm_bot', 'user_not_found', 'invalid_user_combination'])(
    'a DM refused with %s falls back to its e-mail, sent once with a Message-ID of the row',
    async (error) => {
      fake.refuseDms({ U0GONE: error });
      await queue(t.db, [
        { ...message('rem-1', 'U0GONE'), fallback: mailMessage('rem-1:email', 'gone@partner.example') },
      ]);
      const d = dispatcher();
      const counts = await d.drain();
      expect(counts).toMatchObject({ failed: 1, sent: 1 });
      expect(fake.postsOf('rem-1')).toHaveLength(0);
      const refused = await rowOf(t.db, 'rem-1');
      expect(refused.status).toBe('failed');
      expect(refused.lastError).toContain(error);
      expect(refused.lastError).toContain('rem-1:email');
      const mail = await rowOf(t.db, 'rem-1:email');
      expect(mail.status).toBe('sent');
      const id = messageIdOf({ id: mail.id, dedupeKey: mail.dedupeKey }, MAIL_FROM);
      expect(mail.slackTs).toBe(id);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toMatchObject({ to: ['gone@partner.example'], messageId: id });
      expect(smtp.received[0]!.raw).toContain('plain rem-1');
      expect(smtp.received[0]!.raw).toContain('<p>html rem-1:email</p>');
      // Drained again: nothing more.
      expect((await d.drain()).sent).toBe(0);
      expect(smtp.received).toHaveLength(1);
    },
  );

  it('an e-mail refused for now (450) is retried with backoff, each attempt recorded; 550 fails for good', async () => {
    await queue(t.db, [mailMessage('m-1', 'a@partner.example')]);
    smtp.refuse(450);
    const d = dispatcher({ backoffBaseMs: 50, backoffMaxMs: 50 });
    expect((await d.drain()).retry).toBe(1);
    const waiting = await rowOf(t.db, 'm-1');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.lastError).toContain('450');
    await waitUntil(async () => (await d.drain()).sent === 1, 15_000, 'the retry sent');
    expect(await rowOf(t.db, 'm-1')).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    await queue(t.db, [mailMessage('m-2', 'b@partner.example')]);
    smtp.refuse(550);
    expect((await d.drain()).failed).toBe(1);
    expect((await rowOf(t.db, 'm-2')).lastError).toContain('550');
    expect(smtp.received.map((m) => m.to[0])).toEqual(['a@partner.example']);
  });

  it('without SMTP an e-mail fails at once, saying so', async () => {
    await queue(t.db, [mailMessage('m-3', 'c@partner.example')]);
    expect((await dispatcher({}, false).drain()).failed).toBe(1);
    expect((await rowOf(t.db, 'm-3')).lastError).toContain('SMTP_URL');
  });
});
