import { describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.js';
import { deliverAll, queueMany, testDispatcher, useDeliveryEnv } from '../outbox/support.js';
import type { DroppableTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import type { FakeSlackDelivery } from '../support/fake-slack-delivery.js';

describe.each(BACKENDS)('a storm of 429s, on %s', (backend) => {
  let t: DroppableTestDatabase;
  let fake: FakeSlackDelivery;
  useDeliveryEnv(backend, (env) => ({ t, fake } = env));

  it('every post and DM open refused with Retry-After for a while: each message delivered once, no attempt spent', async () => {
    const keys = await queueMany(t.db, 'storm', 12, ['C1', 'C2', 'C3', 'U4']);
    // More 429s than messages: every channel is refused several times, and the DM's opening too.
    fake.fault('chat.postMessage', { kind: 'rate-limit', retryAfterSeconds: 1 }, 20);
    fake.fault('conversations.open', { kind: 'rate-limit', retryAfterSeconds: 1 }, 2);
    const dispatcher = testDispatcher(t.db, fake, {
      perChannelIntervalMs: 0,
      concurrency: 3,
      requestTimeoutMs: 2_000,
    });
    await deliverAll(t.db, [dispatcher], 30_000);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.answer === 'http:429')).toHaveLength(20);
    for (const key of keys) expect(fake.postsOf(key), key).toHaveLength(1);
    expect(fake.posted).toHaveLength(keys.length);
    const rows = await t.db.select().from(outbox);
    // None failed on the way (a 429 is not counted as an attempt).
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
  });
});
