import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTierHistoryRepository } from '../../src/db/repositories/tier-history.repository.js';
import { tierHistory } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { givenPartner, tierHistoryRow } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('tier history repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createTierHistoryRepository(db());
  const entry = (over: Partial<typeof tierHistory.$inferInsert>) =>
    tierHistoryRow({ partnerId: 'acme', ...over });

  it('adds entries and inserts many; no rows inserts nothing', async () => {
    await givenPartner(db(), { id: 'acme' });
    await repo().insertMany([]);
    await repo().add(entry({ kind: 'import', tier: 'business' }));
    await repo().insertMany([entry({ kind: 'override', tier: 'premium', reason: 'deal' })]);
    const rows = await db().select().from(tierHistory).orderBy(asc(tierHistory.id));
    expect(rows.map((r) => [r.kind, r.tier, r.reason])).toEqual([
      ['import', 'business', null],
      ['override', 'premium', 'deal'],
    ]);
  });

  it('gives the tier the latest evaluation computed, overrides aside; undefined when never evaluated', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    expect(await repo().lastComputedTier('acme')).toBeUndefined();
    await repo().add(entry({ semester: '2025-H1', effectiveOn: '2025-07-01', computedTier: 'business' }));
    await repo().add(entry({ semester: '2025-H2', effectiveOn: '2026-01-01', computedTier: 'access' }));
    await repo().add(entry({ kind: 'override', effectiveOn: '2026-02-01', computedTier: 'premium' }));
    await repo().add(entry({ partnerId: 'beta', semester: '2025-H2', computedTier: null }));
    expect(await repo().lastComputedTier('acme')).toBe('access');
    // Evaluated, but nothing computed: null, not undefined.
    expect(await repo().lastComputedTier('beta')).toBeNull();
  });

  it('gives a partner’s tier changes, its own only, latest first (the same day: the later row first)', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    await repo().add(entry({ kind: 'import', effectiveOn: '2025-01-01', tier: 'access' }));
    await repo().add(
      entry({ kind: 'override', effectiveOn: '2026-02-01', previousTier: 'access', tier: 'premium' }),
    );
    await repo().add(
      entry({ semester: '2025-H2', effectiveOn: '2026-01-01', tier: 'business', outcome: 'pending' }),
    );
    await repo().add(
      entry({ kind: 'override', effectiveOn: '2026-02-01', previousTier: 'premium', tier: 'business' }),
    );
    await repo().add(entry({ partnerId: 'beta', effectiveOn: '2026-03-01', tier: 'premium' }));
    expect(await repo().changesOf('acme')).toEqual([
      { effectiveOn: '2026-02-01', tier: 'business', previousTier: 'premium', outcome: 'applied' },
      { effectiveOn: '2026-02-01', tier: 'premium', previousTier: 'access', outcome: 'applied' },
      { effectiveOn: '2026-01-01', tier: 'business', previousTier: null, outcome: 'pending' },
      { effectiveOn: '2025-01-01', tier: 'access', previousTier: null, outcome: 'applied' },
    ]);
    expect(await repo().changesOf('nobody')).toEqual([]);
  });

  it('refuses a second evaluation of a semester for a partner', async () => {
    await givenPartner(db(), { id: 'acme' });
    await repo().add(entry({ semester: '2025-H2' }));
    await expect(repo().add(entry({ semester: '2025-H2', tier: 'business' }))).rejects.toThrow();
  });
});
