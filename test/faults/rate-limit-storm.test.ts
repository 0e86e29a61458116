import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.js';
import { allSent, message, queue, testDispatcher, waitUntil } from '../outbox/support.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';
import { type FakeSlackDelivery, startFakeSlackDelivery } from '../support/fake-slack-delivery.js';

describe.each(BACKENDS)('a storm of 429s, on %s', (backend) => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeSlackDelivery;
  beforeEach(async () => {
    t = await createTestDatabase(backend);
    fake = await startFakeSlackDelivery();
  });
  afterEach(async () => {
    await fake?.close();
    await t?.drop();
  });

  it('every post and DM open refused with Retry-After for a while: each message delivered once, no attempt spent', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `storm-${i}`);
    await queue(
      t.db,
      keys.map((key, i) => message(key, ['C1', 'C2', 'C3', 'U4'][i % 4]!)),
    );
    // More 429s than messages: every channel is refused several times, and the DM's opening too.
    fake.fault('chat.postMessage', { kind: 'rate-limit', retryAfterSeconds: 1 }, 20);
    fake.fault('conversations.open', { kind: 'rate-limit', retryAfterSeconds: 1 }, 2);
    const dispatcher = testDispatcher(t.db, fake, {
      perChannelIntervalMs: 0,
      concurrency: 3,
      requestTimeoutMs: 2_000,
    });
    dispatcher.start();
    try {
      await waitUntil(() => allSent(t.db), 30_000, 'every message sent');
    } finally {
      await dispatcher.stop();
    }
    expect(fake.callsTo('chat.postMessage').filter((c) => c.answer === 'http:429')).toHaveLength(20);
    for (const key of keys) expect(fake.postsOf(key), key).toHaveLength(1);
    expect(fake.posted).toHaveLength(keys.length);
    const rows = await t.db.select().from(outbox);
    // None failed on the way (a 429 is not counted as an attempt).
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
  });
});
