import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOutboxRepository, type NewOutboxRow } from '../../src/db/repositories/outbox.repository.js';
import { outbox } from '../../src/db/schema.js';
import { createReadinessCheck } from '../../src/readiness.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

const NOW = new Date('2026-03-16T09:30:00Z');
const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);

function row(key: string, channel: string, hold: string | null = null): NewOutboxRow {
  return { dedupeKey: key, kind: 'test', channel, text: key, blocks: null, hold };
}

describe.each(BACKENDS)('outbox after the database came back, on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createOutboxRepository(db());
  const claim = (instanceId: string) =>
    repo().claimNext({ now: NOW, leaseMs: 120_000, channelIntervalMs: 0, instanceId });
  const byKey = async (key: string) =>
    (await db().select().from(outbox).where(eq(outbox.dedupeKey, key)))[0]!;

  it('releaseClaims hands back what this instance claimed and is not delivering, keeping an earlier post known', async () => {
    await repo().insertNew([row('a', 'C1'), row('b', 'C2'), row('c', 'C3'), row('d', 'C4')]);
    await db()
      .update(outbox)
      .set({ nextAttemptAt: minutesAgo(1) });
    const a = await claim('me');
    const b = await claim('me');
    const c = await claim('me');
    const other = await claim('someone-else');
    await repo().markPosting(b!.id, NOW);

    // a is being delivered by one of our workers; b and c were claimed by calls whose replies were lost.
    const released = await repo().releaseClaims({ instanceId: 'me', keep: [a!.id], now: NOW });
    expect(released.sort()).toEqual([b!.id, c!.id].sort());
    expect(await byKey(a!.dedupeKey)).toMatchObject({ status: 'sending', claimedBy: 'me' });
    // b may have been posted: its attempt counts and posting_since stays, so the next one looks first.
    expect(await byKey(b!.dedupeKey)).toMatchObject({ status: 'pending', attempts: 1, leaseUntil: null });
    expect((await byKey(b!.dedupeKey)).postingSince).not.toBeNull();
    expect(await byKey(c!.dedupeKey)).toMatchObject({ status: 'pending', attempts: 0, postingSince: null });
    expect(await byKey(other!.dedupeKey)).toMatchObject({ status: 'sending', claimedBy: 'someone-else' });
    // Due at once: the next claim takes them without waiting for a lease.
    expect((await claim('me'))?.id).toBeDefined();
  });

  it('oldestDue is the longest-waiting pending message, not held, not yet due ones nor sent ones', async () => {
    expect(await repo().oldestDue(NOW)).toBeUndefined();
    await repo().insertNew([row('held', 'C1', 'approval:1'), row('late', 'C2'), row('future', 'C3')]);
    await db()
      .update(outbox)
      .set({ nextAttemptAt: minutesAgo(30) })
      .where(eq(outbox.dedupeKey, 'held'));
    await db()
      .update(outbox)
      .set({ nextAttemptAt: minutesAgo(10) })
      .where(eq(outbox.dedupeKey, 'late'));
    await db()
      .update(outbox)
      .set({ nextAttemptAt: new Date(NOW.getTime() + 60_000) })
      .where(eq(outbox.dedupeKey, 'future'));
    expect((await repo().oldestDue(NOW))?.toISOString()).toBe(minutesAgo(10).toISOString());
  });

  it('readiness: not ready when a message waits past the stall limit and nothing was delivered meanwhile', async () => {
    const database = { db: db(), ping: async () => {} };
    let lastDeliveryAt: number | undefined;
    const ready = createReadinessCheck({
      database,
      lastDeliveryAt: () => lastDeliveryAt,
      stallMs: 5 * 60_000,
      now: () => NOW,
    });
    expect(await ready()).toEqual({ ready: true, database: 'ok', outbox: 'ok' });
    await repo().insertNew([row('waiting', 'C1')]);
    await db()
      .update(outbox)
      .set({ nextAttemptAt: minutesAgo(2) });
    expect((await ready()).ready).toBe(true);
    await db()
      .update(outbox)
      .set({ nextAttemptAt: minutesAgo(6) });
    expect(await ready()).toEqual({ ready: false, database: 'ok', outbox: 'stalled' });
    // A backlog being worked through is not a stall.
    lastDeliveryAt = minutesAgo(1).getTime();
    expect((await ready()).ready).toBe(true);
    lastDeliveryAt = minutesAgo(7).getTime();
    expect((await ready()).ready).toBe(false);
    const down = createReadinessCheck({
      database: { db: db(), ping: () => Promise.reject(new Error('down')) },
      stallMs: 60_000,
    });
    expect(await down()).toEqual({ ready: false, database: 'down', outbox: 'unknown' });
  });
});
