import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxCommand } from '../../src/cli/outbox.command.js';
import { loadConfig } from '../../src/config.js';
import { outbox } from '../../src/db/schema.js';
import { startDispatcher } from '../../src/outbox/dispatcher.js';
import { cliContext } from '../jobs/support.js';
import { BACKENDS } from '../support/databases.js';
import type { FakeSlackDelivery } from '../support/fake-slack-delivery.js';
import {
  type DeliveryEnv,
  message,
  queue,
  rowOf,
  SHORT_REQUEST_TIMEOUT_MS,
  TEST_LIMITS,
  testDispatcher,
  useDeliveryEnv,
  waitUntil,
} from './support.js';

describe.each(BACKENDS)('outbox delivery on %s', (backend) => {
  let t: DeliveryEnv['t'];
  let fake: FakeSlackDelivery;
  useDeliveryEnv(backend, (env) => ({ t, fake } = env));

  it('posts each message once with its id in the metadata, records the ts, and opens DMs for user ids', async () => {
    await queue(t.db, [message('a', 'C1'), message('b', 'U42')]);
    await queue(t.db, [message('a', 'C1'), message('b', 'U42')]); // a rerun queues nothing

    const counts = await testDispatcher(t.db, fake).drain();

    expect(counts.sent).toBe(2);
    expect(fake.postsOf('a')).toHaveLength(1);
    expect(fake.postsOf('b')).toEqual([expect.objectContaining({ channel: 'D42' })]);
    expect(fake.callsTo('conversations.open')[0]!.body.users).toBe('U42');
    const a = await rowOf(t.db, 'a');
    expect(a).toMatchObject({
      status: 'sent',
      slackTs: fake.postsOf('a')[0]!.ts,
      slackChannel: 'C1',
      attempts: 1,
    });
    expect(fake.postsOf('a')[0]!.metadata).toEqual({
      event_type: 'partner_bot_outbox',
      event_payload: { outbox_id: String(a.id), dedupe_key: 'a' },
    });
  });

  it('keeps to one message per second in a channel, while other channels go on', async () => {
    await queue(t.db, [
      message('c1-1', 'C1'),
      message('c1-2', 'C1'),
      message('c1-3', 'C1'),
      message('c2-1', 'C2'),
    ]);
    const dispatcher = testDispatcher(t.db, fake);
    dispatcher.start();
    await fake.waitFor(() => fake.posted.length === 4, 10_000, '4 posts');
    await dispatcher.stop();

    const inC1 = fake.posted.filter((m) => m.channel === 'C1').map((m) => m.at);
    expect(inC1).toHaveLength(3);
    for (let i = 1; i < inC1.length; i++) expect(inC1[i]! - inC1[i - 1]!).toBeGreaterThanOrEqual(950);
    const c2 = fake.posted.find((m) => m.channel === 'C2')!;
    // C2 is not paced behind C1: it goes out before C1's second message, which waits a second.
    expect(c2.at).toBeLessThan(inC1[1]!);
  });

  it('honours a 429 Retry-After for that channel without counting an attempt, and loses nothing', async () => {
    fake.fault('chat.postMessage', { kind: 'rate-limit', retryAfterSeconds: 1 });
    await queue(t.db, [message('r1', 'C1'), message('r2', 'C1')]);
    const dispatcher = testDispatcher(t.db, fake);
    dispatcher.start();
    await waitUntil(async () => (await rowOf(t.db, 'r2')).status === 'sent', 10_000, 'r2 sent');
    await dispatcher.stop();

    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((c) => c.answer)).toEqual(['http:429', 'ok', 'ok']);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(990);
    expect(fake.postsOf('r1')).toHaveLength(1);
    expect(fake.postsOf('r2')).toHaveLength(1);
    expect((await rowOf(t.db, 'r1')).attempts).toBe(1);
  });

  it('times out a hanging Slack and retries after looking for the first attempt: posted once', async () => {
    fake.fault('chat.postMessage', { kind: 'hang' });
    await queue(t.db, [message('h', 'C1')]);
    const dispatcher = testDispatcher(t.db, fake, { requestTimeoutMs: SHORT_REQUEST_TIMEOUT_MS });

    const first = await dispatcher.drain();
    expect(first.retry).toBe(1);
    const afterTimeout = await rowOf(t.db, 'h');
    expect(afterTimeout).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterTimeout.lastError).toMatch(/delivery uncertain: chat\.postMessage: .*(timeout|answer)/i);
    expect(afterTimeout.postingSince).not.toBeNull();

    await waitUntil(async () => (await dispatcher.drain()).sent === 1, 15_000, 'the retry');
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
    expect(fake.postsOf('h')).toHaveLength(1);
    expect(await rowOf(t.db, 'h')).toMatchObject({
      status: 'sent',
      attempts: 2,
      postingSince: null,
      lastError: null,
    });
  });

  it('finds a post Slack accepted but answered too late, instead of posting it again', async () => {
    fake.setPostDelay(1_000); // longer than the short timeout: the post lands, the answer is lost
    await queue(t.db, [message('late', 'C1')]);
    const dispatcher = testDispatcher(t.db, fake, { requestTimeoutMs: SHORT_REQUEST_TIMEOUT_MS });

    expect((await dispatcher.drain()).retry).toBe(1);
    fake.setPostDelay(0);
    await waitUntil(async () => (await dispatcher.drain()).recovered === 1, 15_000, 'the recovery');

    expect(fake.postsOf('late')).toHaveLength(1);
    expect(await rowOf(t.db, 'late')).toMatchObject({ status: 'sent', slackTs: fake.postsOf('late')[0]!.ts });
  });

  it('posts a reply in its thread, and finds a late one among the thread’s replies, not in the history', async () => {
    fake.setPostDelay(1_000);
    await queue(t.db, [message('reply', 'C1', { threadTs: '1774000000.000100' })]);
    const dispatcher = testDispatcher(t.db, fake, { requestTimeoutMs: SHORT_REQUEST_TIMEOUT_MS });
    expect((await dispatcher.drain()).retry).toBe(1);
    fake.setPostDelay(0);
    await waitUntil(async () => (await dispatcher.drain()).recovered === 1, 15_000, 'the recovery');

    const [post] = fake.postsOf('reply');
    expect(fake.postsOf('reply')).toHaveLength(1);
    expect(post!.threadTs).toBe('1774000000.000100');
    expect(fake.callsTo('conversations.replies')[0]?.body.ts).toBe('1774000000.000100');
    expect(fake.callsTo('conversations.history')).toEqual([]);
  });

  it('marks a message failed at once on a permanent error and after maxAttempts otherwise; both show in `partner-bot outbox` and can be retried', async () => {
    fake.setMissingChannels(['CGONE']);
    await queue(t.db, [message('gone', 'CGONE')]);
    const dispatcher = testDispatcher(t.db, fake, { maxAttempts: 3, backoffBaseMs: 10, backoffMaxMs: 20 });
    expect((await dispatcher.drain()).failed).toBe(1);
    fake.fault('chat.postMessage', { kind: 'error', error: 'internal_error' }, 3);
    await queue(t.db, [message('flaky', 'C1')]);
    await waitUntil(
      async () => {
        await dispatcher.drain();
        return (await rowOf(t.db, 'flaky')).status === 'failed';
      },
      10_000,
      'flaky failed',
    );

    expect(await rowOf(t.db, 'gone')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'chat.postMessage: channel_not_found',
    });
    expect(await rowOf(t.db, 'flaky')).toMatchObject({ status: 'failed', attempts: 3 });

    const { ctx, lines } = cliContext(t, '2026-03-02', { config: loadConfig({}), actor: 'test' });
    expect(await outboxCommand([], ctx)).toBe(0);
    expect(lines[0]).toBe('Outbox: 0 pending, 0 held, 0 sending, 2 failed, 0 sent, 0 cancelled');
    expect(lines.join('\n')).toContain('last error: chat.postMessage: channel_not_found');
    expect(lines.join('\n')).toContain('last error: chat.postMessage: internal_error');
    expect(lines.join('\n')).not.toContain('xoxb-');

    fake.setMissingChannels([]);
    const gone = await rowOf(t.db, 'gone');
    lines.length = 0;
    expect(await outboxCommand(['--retry', String(gone.id)], ctx)).toBe(0);
    expect(lines).toEqual([`Queued again: #${gone.id} (the running app delivers them).`]);
    expect((await dispatcher.drain()).sent).toBe(1);
    expect(await rowOf(t.db, 'gone')).toMatchObject({ status: 'sent', attempts: 1 });

    expect(await outboxCommand(['--retry-failed'], ctx)).toBe(0);
    expect((await dispatcher.drain()).sent).toBe(1);
    expect(fake.postsOf('flaky')).toHaveLength(1);
  });

  it('startDispatcher (as main.ts runs it) delivers in the background until stopped', async () => {
    const running = startDispatcher({
      database: t,
      config: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: fake.apiUrl },
      limits: TEST_LIMITS,
    });
    await queue(t.db, [message('bg-1', 'C1'), message('bg-2', 'U9')]);
    await fake.waitFor(() => fake.posted.length === 2, 10_000, 'two posts');
    await running.stop();
    await queue(t.db, [message('after-stop', 'C3')]);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.postsOf('after-stop')).toHaveLength(0);
  });

  it('without im:write (conversations.open refused), posts DMs to the user id and records the DM channel', async () => {
    fake.fault('conversations.open', { kind: 'error', error: 'missing_scope' });
    await queue(t.db, [message('dm-1', 'U77'), message('dm-2', 'U78')]);
    expect((await testDispatcher(t.db, fake).drain()).sent).toBe(2);
    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage').map((c) => c.body.channel)).toEqual(['U77', 'U78']);
    expect(await rowOf(t.db, 'dm-1')).toMatchObject({ status: 'sent', slackChannel: 'D77' });
  });

  it('leaves a held message alone until its hold is released', async () => {
    await queue(t.db, [message('held', 'C1', { hold: 'approval:x' }), message('free', 'C2')]);
    const dispatcher = testDispatcher(t.db, fake);
    expect((await dispatcher.drain()).sent).toBe(1);
    expect(fake.postsOf('held')).toHaveLength(0);

    await t.db.update(outbox).set({ hold: null }).where(eq(outbox.hold, 'approval:x'));
    expect((await dispatcher.drain()).sent).toBe(1);
    expect(fake.postsOf('held')).toHaveLength(1);
  });

  it('fails a message whose earlier attempt cannot be checked, rather than risk posting it twice', async () => {
    fake.fault('chat.postMessage', { kind: 'hang' });
    fake.fault('conversations.history', { kind: 'error', error: 'missing_scope' });
    await queue(t.db, [message('unsure', 'C1')]);
    const dispatcher = testDispatcher(t.db, fake, { requestTimeoutMs: SHORT_REQUEST_TIMEOUT_MS });
    await dispatcher.drain();
    await waitUntil(async () => {
      await dispatcher.drain();
      return (await rowOf(t.db, 'unsure')).status === 'failed';
    });
    expect((await rowOf(t.db, 'unsure')).lastError).toMatch(
      /^delivery uncertain: conversations.history: missing_scope \(check the channel, then partner-bot outbox --retry \d+\)$/,
    );
    expect(fake.postsOf('unsure')).toHaveLength(0);
  });
});
