import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOutboxRepository, type NewOutboxRow } from '../../src/db/repositories/outbox.repository.js';
import { outbox } from '../../src/db/schema.js';
import { transaction } from '../../src/db/transaction.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

function row(key: string, channel: string, extra: Partial<NewOutboxRow> = {}): NewOutboxRow {
  return {
    dedupeKey: key,
    kind: 'test',
    channel,
    text: `text of ${key}`,
    blocks: null,
    hold: null,
    ...extra,
  };
}

describe.each(BACKENDS)('outbox repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createOutboxRepository(db());

  const byKey = async (key: string) => (await db().select().from(outbox).where(eq(outbox.dedupeKey, key)))[0];
  /** Queues messages due at `due` (the claim tests run at fixed instants, not the database's now). */
  const queueDue = async (due: Date, rows: NewOutboxRow[]) => {
    await repo().insertNew(rows);
    await db()
      .update(outbox)
      .set({ nextAttemptAt: due })
      .where(
        inArray(
          outbox.dedupeKey,
          rows.map((r) => r.dedupeKey),
        ),
      );
  };
  const claim = (now: Date, instanceId = 'A', channelIntervalMs = 1_000) =>
    repo().claimNext({ now, leaseMs: 60_000, channelIntervalMs, instanceId });

  it('a message queued is due at once: claimed right after, by the clock of the app, within its millisecond', async () => {
    for (let i = 0; i < 100; i++) {
      await repo().insertNew([row(`now-${i}`, `CNOW${i}`)]);
      expect((await claim(new Date()))?.dedupeKey).toBe(`now-${i}`);
    }
  });

  it('inserts new messages and leaves one whose dedupe key is already queued as it was', async () => {
    expect(await repo().insertNew([row('ins-1', 'CINS'), row('ins-2', 'CINS', { hold: 'h-ins' })])).toEqual([
      'ins-1',
      'ins-2',
    ]);
    const first = await byKey('ins-1');
    expect(first).toMatchObject({ status: 'pending', attempts: 0, hold: null, blocks: null });

    const again = await repo().insertNew([row('ins-1', 'COTHER', { text: 'changed' }), row('ins-3', 'CINS')]);

    expect(again).toEqual(['ins-3']);
    expect(await byKey('ins-1')).toEqual(first);
    expect((await byKey('ins-2'))?.hold).toBe('h-ins');
    expect(await repo().insertNew([])).toEqual([]);
  });

  it('inserts more rows than one statement takes', async () => {
    const rows = Array.from({ length: 1_201 }, (_, i) => row(`bulk-${i}`, `CBULK${i % 7}`));
    const queued = await repo().insertNew(rows);
    expect(queued).toHaveLength(1_201);
    expect(new Set(queued)).toEqual(new Set(rows.map((r) => r.dedupeKey)));
    expect(await repo().insertNew(rows.slice(0, 600))).toEqual([]);
  });

  it('writes nothing when the transaction it was built on rolls back', async () => {
    await expect(
      transaction(db(), async (tx) => {
        await createOutboxRepository(tx).insertNew([row('tx-1', 'CTX')]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await byKey('tx-1')).toBeUndefined();
    await transaction(db(), (tx) => createOutboxRepository(tx).insertNew([row('tx-2', 'CTX')]));
    expect(await byKey('tx-2')).toBeDefined();
  });

  it('claims due messages oldest first under a lease, never a held one nor one not yet due', async () => {
    const now = at('1990-01-10T09:00:00Z');
    await queueDue(at('1990-01-10T08:00:00Z'), [row('order-2', 'CORD2', { blocks: [{ type: 'divider' }] })]);
    await queueDue(at('1990-01-10T07:00:00Z'), [row('order-1', 'CORD1')]);
    await queueDue(at('1990-01-10T08:30:00Z'), [row('order-held', 'CORD3', { hold: 'h-order' })]);
    await queueDue(at('1990-01-10T09:00:01Z'), [row('order-later', 'CORD4')]);

    const first = await claim(now);
    const second = await claim(now, 'B');
    const third = await claim(now);

    expect(first).toMatchObject({
      dedupeKey: 'order-1',
      kind: 'test',
      channel: 'CORD1',
      text: 'text of order-1',
      blocks: null,
      attempts: 1,
      slackChannel: null,
      postingSince: null,
    });
    expect(second).toMatchObject({ dedupeKey: 'order-2', blocks: [{ type: 'divider' }], attempts: 1 });
    expect(third).toBeUndefined();
    expect(await byKey('order-1')).toMatchObject({
      status: 'sending',
      claimedBy: 'A',
      leaseUntil: plus(now, 60_000),
    });
    expect((await byKey('order-2'))?.claimedBy).toBe('B');
    expect((await byKey('order-later'))?.status).toBe('pending');
    expect(await claim(at('1990-01-10T09:00:01Z'))).toMatchObject({ dedupeKey: 'order-later' });
  });

  it('claims nothing when nothing is due', async () => {
    await repo().insertNew([row('none-later', 'CNONE')]); // due at the database's now, long after
    await queueDue(at('1990-01-31T00:00:00Z'), [row('none-held', 'CNONE2', { hold: 'h-none' })]);
    expect(await claim(at('1990-02-01T00:00:00Z'))).toBeUndefined();
  });

  it('keeps a channel to one message at a time and one per interval', async () => {
    const now = at('1990-03-01T09:00:00Z');
    await queueDue(plus(now, -2_000), [row('pace-1', 'CPACE')]);
    await queueDue(plus(now, -1_000), [row('pace-2', 'CPACE')]);

    const first = await claim(now);
    expect(first?.dedupeKey).toBe('pace-1');
    expect(await claim(now)).toBeUndefined(); // pace-1 is in flight in the channel

    expect(await repo().markSent(first!.id, 'A', { ts: '1.0001', slackChannel: 'CPACE', now })).toBe(true);
    expect(await claim(plus(now, 500))).toBeUndefined(); // sent less than an interval ago
    expect(await claim(plus(now, 1_001))).toMatchObject({ dedupeKey: 'pace-2' });
    expect(await byKey('pace-1')).toMatchObject({
      status: 'sent',
      slackTs: '1.0001',
      slackChannel: 'CPACE',
      sentAt: now,
      leaseUntil: null,
      postingSince: null,
      lastError: null,
    });
  });

  it('takes over a message whose lease ran out; the first claimant can then no longer record it', async () => {
    const now = at('1990-04-01T09:00:00Z');
    await queueDue(now, [row('lease-1', 'CLEASE')]);
    const mine = await claim(now, 'A');
    await repo().setSlackChannel(mine!.id, 'DLEASE');
    const postingSince = await repo().markPosting(mine!.id, now);
    expect(postingSince).toEqual(now);
    expect(await claim(plus(now, 59_000), 'B')).toBeUndefined();

    const theirs = await claim(plus(now, 61_000), 'B');

    expect(theirs).toMatchObject({
      id: mine!.id,
      attempts: 2,
      slackChannel: 'DLEASE',
      postingSince: now,
    });
    expect(await repo().markSent(mine!.id, 'A', { ts: '1', slackChannel: 'DLEASE', now })).toBe(false);
    expect(await repo().markSent(mine!.id, 'B', { ts: '2', slackChannel: 'DLEASE', now })).toBe(true);
    expect(await byKey('lease-1')).toMatchObject({ status: 'sent', slackTs: '2' });
  });

  it('keeps the earliest time a post may have been on its way', async () => {
    const now = at('1990-05-01T09:00:00Z');
    await queueDue(now, [row('posting-1', 'CPOST')]);
    const claimed = await claim(now);
    expect(await repo().markPosting(claimed!.id, now)).toEqual(now);
    expect(await repo().markPosting(claimed!.id, plus(now, 5_000))).toEqual(now);
    expect((await byKey('posting-1'))?.postingSince).toEqual(now);
  });

  it('reschedules (an attempt counted or not) and marks failed, only the claimant', async () => {
    const now = at('1990-06-01T09:00:00Z');
    await queueDue(now, [row('resched-1', 'CRES1'), row('resched-2', 'CRES2')]);
    const one = await claim(now);
    const two = await claim(now);
    await repo().markPosting(one!.id, now);
    await repo().markPosting(two!.id, now);

    await repo().reschedule(one!.id, 'someone else', {
      at: plus(now, 1),
      error: 'x',
      countAttempt: true,
      clearPosting: true,
    });
    expect((await byKey(one!.dedupeKey))?.status).toBe('sending');

    const later = plus(now, 30_000);
    await repo().reschedule(one!.id, 'A', {
      at: later,
      error: 'rate limited',
      countAttempt: false,
      clearPosting: true,
    });
    await repo().reschedule(two!.id, 'A', {
      at: later,
      error: 'timeout',
      countAttempt: true,
      clearPosting: false,
    });

    expect(await byKey(one!.dedupeKey)).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: later,
      leaseUntil: null,
      lastError: 'rate limited',
      postingSince: null,
    });
    expect(await byKey(two!.dedupeKey)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'timeout',
      postingSince: now,
    });

    const again = await claim(later);
    await repo().markFailed(again!.id, 'A', { error: 'channel_not_found', clearPosting: true });
    expect(await byKey(again!.dedupeKey)).toMatchObject({
      status: 'failed',
      leaseUntil: null,
      lastError: 'channel_not_found',
      postingSince: null,
    });
  });

  it('defers what is pending in a rate-limited channel, never bringing a message forward', async () => {
    const now = at('1990-07-01T09:00:00Z');
    const until = plus(now, 10_000);
    await queueDue(now, [row('defer-1', 'CDEFER'), row('defer-other', 'CDEFER2')]);
    await queueDue(plus(now, 20_000), [row('defer-2', 'CDEFER')]);

    await repo().deferChannel('CDEFER', until);

    expect((await byKey('defer-1'))?.nextAttemptAt).toEqual(until);
    expect((await byKey('defer-2'))?.nextAttemptAt).toEqual(plus(now, 20_000));
    expect((await byKey('defer-other'))?.nextAttemptAt).toEqual(now);
  });

  it('lists what is unsent oldest first and counts by status, held apart', async () => {
    const before = await repo().counts();
    const now = at('1990-08-01T09:00:00Z');
    await queueDue(now, [row('list-failed', 'CLIST1')]);
    const failing = await claim(now);
    await repo().markFailed(failing!.id, 'A', { error: 'boom', clearPosting: false });
    await repo().insertNew([row('list-pending', 'CLIST2'), row('list-held', 'CLIST3', { hold: 'h-list' })]);
    await queueDue(now, [row('list-sent', 'CLIST4')]);
    const sending = await claim(now);
    await repo().markSent(sending!.id, 'A', { ts: '1', slackChannel: 'CLIST4', now });

    const after = await repo().counts();
    const delta = (status: string) => (after[status] ?? 0) - (before[status] ?? 0);
    expect([delta('failed'), delta('pending'), delta('held'), delta('sent')]).toEqual([1, 1, 1, 1]);

    const listed = (await repo().unsent(10_000)).filter((r) => r.dedupeKey.startsWith('list-'));
    expect(listed.map((r) => r.dedupeKey)).toEqual(['list-failed', 'list-pending', 'list-held']);
    const ids = (await repo().unsent(10_000)).map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await repo().unsent(2)).toHaveLength(2);
    expect(await repo().byId(failing!.id)).toMatchObject({ dedupeKey: 'list-failed', lastError: 'boom' });
    expect(await repo().byId(-1)).toBeUndefined();
  });

  it('puts failed messages back in line: the ones named, or all', async () => {
    const now = at('1990-09-01T09:00:00Z');
    await queueDue(now, [row('retry-1', 'CRETRY1'), row('retry-2', 'CRETRY2'), row('retry-3', 'CRETRY3')]);
    const claimed = [await claim(now), await claim(now), await claim(now)];
    for (const c of claimed) {
      await repo().markPosting(c!.id, now);
      await repo().markFailed(c!.id, 'A', { error: 'delivery uncertain', clearPosting: false });
    }
    const [one, two, three] = claimed.map((c) => c!.id) as [number, number, number];
    const retryAt = at('1990-09-02T09:00:00Z');

    expect(await repo().retryFailed({ ids: [one, -1], now: retryAt })).toEqual([one]);
    expect(await byKey('retry-1')).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: retryAt,
      postingSince: null,
      leaseUntil: null,
    });
    expect((await byKey('retry-2'))?.status).toBe('failed');
    expect(await repo().retryFailed({ ids: [one], now: retryAt })).toEqual([]); // no longer failed

    const all = await repo().retryFailed({ now: retryAt });
    expect(all).toEqual(expect.arrayContaining([two, three]));
    expect(all).not.toContain(one);
    expect((await byKey('retry-3'))?.status).toBe('pending');
  });

  it('releases the messages held for an approval, only the pending ones on that hold', async () => {
    await repo().insertNew([
      row('release-1', 'CREL1', { hold: 'h-release' }),
      row('release-2', 'CREL2', { hold: 'h-release' }),
      row('release-cancelled', 'CREL3', { hold: 'h-release' }),
      row('release-other', 'CREL4', { hold: 'h-other' }),
    ]);
    await db().update(outbox).set({ status: 'cancelled' }).where(eq(outbox.dedupeKey, 'release-cancelled'));
    const now = at('2031-01-01T00:00:00Z');

    const released = await repo().releaseHold('h-release', now);

    const rows = await Promise.all(['release-1', 'release-2'].map(byKey));
    expect(released.sort()).toEqual(rows.map((r) => r!.id).sort());
    for (const r of rows) expect(r).toMatchObject({ hold: null, nextAttemptAt: now, status: 'pending' });
    expect((await byKey('release-cancelled'))?.hold).toBe('h-release');
    expect((await byKey('release-other'))?.hold).toBe('h-other');
    expect(await repo().releaseHold('h-release', now)).toEqual([]);
  });

  it('cancels the held messages whose key starts with a prefix, saying why', async () => {
    await repo().insertNew([
      row('cancel:p:acme', 'CC1', { hold: 'h-cancel' }),
      row('cancel:m:acme', 'UC1', { hold: 'h-cancel' }),
      row('cancel:p:acme2', 'CC2', { hold: 'h-cancel-elsewhere' }),
      row('cancel:p:bolt', 'CC3', { hold: 'h-cancel' }),
      row('cancel:p:acme-free', 'CC4'),
    ]);

    const cancelled = await repo().cancelHeld('h-cancel', ['cancel:p:acme', 'cancel:m:acme'], 'replaced');

    expect(cancelled).toHaveLength(2);
    for (const key of ['cancel:p:acme', 'cancel:m:acme'])
      expect(await byKey(key)).toMatchObject({ status: 'cancelled', lastError: 'replaced' });
    for (const key of ['cancel:p:acme2', 'cancel:p:bolt', 'cancel:p:acme-free'])
      expect((await byKey(key))?.status).toBe('pending');
    expect(await repo().cancelHeld('h-cancel', ['cancel:p:acme'], 'again')).toEqual([]);
    expect(await repo().cancelHeld('h-cancel', [], 'nothing')).toEqual([]);
  });
});
