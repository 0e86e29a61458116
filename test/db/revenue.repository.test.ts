import { describe, expect, it } from 'vitest';
import { createRevenueRepository } from '../../src/db/repositories/revenue.repository.js';
import { revenueLines } from '../../src/db/schema.js';
import { transaction } from '../../src/db/transaction.js';
import { BACKENDS } from '../support/databases.js';
import { givenMonthlyRevenue, givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('revenue repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createRevenueRepository(db());
  const byMonth = (a: { month: string; category: string }, b: { month: string; category: string }) =>
    a.month.localeCompare(b.month) || a.category.localeCompare(b.category);

  it("gives a partner's lines from a month on, and no other partner's", async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    await givenMonthlyRevenue(db(), 'acme', '2025-11', '2026-02', 100);
    await givenMonthlyRevenue(db(), 'acme', '2026-01', '2026-01', 7, 'minutes');
    await givenMonthlyRevenue(db(), 'beta', '2026-01', '2026-03', 50);
    expect((await repo().since('acme', '2026-01-01')).sort(byMonth)).toEqual([
      { month: '2026-01-01', category: 'minutes', amountCents: 700 },
      { month: '2026-01-01', category: 'recurring', amountCents: 10_000 },
      { month: '2026-02-01', category: 'recurring', amountCents: 10_000 },
    ]);
    expect(await repo().since('acme', '2026-03-01')).toEqual([]);
    expect(await repo().since('nobody', '2020-01-01')).toEqual([]);
  });

  it('reads one amount for update; undefined when none was recorded', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenMonthlyRevenue(db(), 'acme', '2026-01', '2026-01', 12.34);
    const [found, missing] = await transaction(db(), async (tx) => {
      const r = createRevenueRepository(tx);
      return [
        await r.amountForUpdate('acme', '2026-01-01', 'recurring'),
        await r.amountForUpdate('acme', '2026-01-01', 'one_off'),
      ];
    });
    expect(found).toBe(1234);
    expect(missing).toBeUndefined();
  });

  it('upserts a line: inserted, then replaced with the time given, other categories untouched', async () => {
    await givenPartner(db(), { id: 'acme' });
    const first = new Date('2026-03-01T09:00:00Z');
    const second = new Date('2026-03-02T09:00:00Z');
    await repo().upsert(
      { partnerId: 'acme', month: '2026-02-01', category: 'recurring', amountCents: 100 },
      first,
    );
    await repo().upsert(
      { partnerId: 'acme', month: '2026-02-01', category: 'one_off', amountCents: 5 },
      first,
    );
    await repo().upsert(
      { partnerId: 'acme', month: '2026-02-01', category: 'recurring', amountCents: 250 },
      second,
    );
    const rows = (await db().select().from(revenueLines)).sort(byMonth);
    expect(rows.map((r) => [r.category, r.amountCents])).toEqual([
      ['one_off', 5],
      ['recurring', 250],
    ]);
    expect(rows[1]!.updatedAt).toEqual(second);
  });

  it('inserts many lines; the same key twice is refused', async () => {
    await givenPartner(db(), { id: 'acme' });
    await repo().insertMany([]);
    const line = { partnerId: 'acme', month: '2026-01-01', category: 'recurring' as const, amountCents: 1 };
    await repo().insertMany([line, { ...line, month: '2026-02-01' }]);
    expect(await repo().since('acme', '2026-01-01')).toHaveLength(2);
    await expect(repo().insertMany([line])).rejects.toThrow();
  });
});
