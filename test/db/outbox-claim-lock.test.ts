import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { CLAIM_LOCK, createOutboxRepository } from '../../src/db/repositories/outbox.repository.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';

const claim = (db: TestDatabase['db']) =>
  createOutboxRepository(db).claimNext({
    now: new Date(),
    leaseMs: 60_000,
    channelIntervalMs: 0,
    instanceId: 'me',
  });

describe.runIf(BACKENDS.includes('postgres'))(
  'the claims’ lock held by a session whose client went quiet',
  () => {
    let target: TestDatabase & { drop(): Promise<void> };
    beforeAll(async () => {
      target = await createTestDatabase('postgres');
    });
    afterAll(() => target?.drop());

    it('is taken back from it once it has waited on its client long enough, and only then', async () => {
      await createOutboxRepository(target.db).insertNew([
        { dedupeKey: 'k', kind: 'test', channel: 'C1', text: 'k', blocks: null },
      ]);
      // A session that took the lock and then heard nothing more from its client (no timeout of its own).
      const holder = postgres(target.url!, { max: 1, onnotice: () => {} });
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const transaction = holder
        .begin(async (tx) => {
          await tx`select pg_advisory_xact_lock(${CLAIM_LOCK[0]}, ${CLAIM_LOCK[1]})`;
          await held;
        })
        .then(
          () => 'committed',
          () => 'ended',
        );
      const repo = createOutboxRepository(target.db);
      try {
        await expect
          .poll(
            async () =>
              rowsOf(
                await target.db.execute(sql`select 1 from pg_locks where locktype = 'advisory' and granted`),
              ).length,
            { timeout: 5_000 },
          )
          .toBe(1);
        // Not yet: a holder only just quiet is left alone.
        expect(await repo.endAbandonedClaimLock(60_000)).toBe(0);
        // Meanwhile a claim waits for the lock, and the server's statement_timeout gives it up.
        await expect(claim(target.db)).rejects.toThrow();
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(await repo.endAbandonedClaimLock(300)).toBe(1);
        expect(await transaction).toBe('ended');
        expect((await claim(target.db))?.dedupeKey).toBe('k');
      } finally {
        release();
        await holder.end({ timeout: 1 });
      }
    }, 20_000);
  },
);

describe.each(BACKENDS)('ending abandoned claim-lock holders on %s', (backend) => {
  let target: TestDatabase & { drop(): Promise<void> };
  beforeAll(async () => {
    target = await createTestDatabase(backend);
  });
  afterAll(() => target?.drop());

  it('ends nobody when nobody holds the lock (PGlite has one session only)', async () => {
    expect(await createOutboxRepository(target.db).endAbandonedClaimLock(0)).toBe(0);
  });
});
