import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { outbox } from '../../src/db/schema.js';
import { type DroppableTestDatabase, useSharedPostgres } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { type FakeSlackDelivery, startFakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { deliverAll, queueMany, testDispatcher } from './support.js';

describe.runIf(BACKENDS.includes('postgres'))('two dispatchers on one PostgreSQL', () => {
  let t: DroppableTestDatabase;
  let second: Database;
  let fake: FakeSlackDelivery;
  useSharedPostgres((pg) => ({ database: t, second } = pg));
  beforeEach(async () => {
    fake = await startFakeSlackDelivery();
  });
  afterEach(async () => {
    await fake?.close();
  });

  it('deliver each message once, sharing the work and the one-per-second pace of each channel', async () => {
    const channels = ['C1', 'C2', 'C3', 'C4', 'U5'];
    const keys = await queueMany(t.db, 'multi', 15, channels);
    const a = testDispatcher(t.db, fake);
    const b = testDispatcher(second.db, fake);
    await deliverAll(t.db, [a, b]);

    for (const key of keys) expect(fake.postsOf(key), key).toHaveLength(1);
    const rows = await t.db.select().from(outbox);
    expect(new Set(rows.map((r) => r.claimedBy))).toEqual(new Set([a.instanceId, b.instanceId]));
    for (const channel of ['C1', 'C2', 'C3', 'C4', 'D5']) {
      const times = fake.posted.filter((m) => m.channel === channel).map((m) => m.at);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950);
    }
  });
});
