import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, partners, revenueLines, tierHistory } from '../../src/db/schema.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { evaluateSemester as evaluatePure } from '../../src/program/evaluation.js';
import { lastEvaluation } from '../../src/program/semesters.js';
import { evaluateSemester } from '../../src/services/evaluation.service.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';
import { givenMonthlyRevenue, givenPartner } from '../support/rows.js';

const catalog = loadCatalog();

describe.each(BACKENDS)('semester evaluation on %s', (backend) => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeEach(async () => {
    t = await createTestDatabase(backend);
  });
  afterEach(() => t?.drop());

  const evaluate = (asOf: string, dryRun = false) =>
    evaluateSemester(t.db, catalog, { asOf, dryRun, actor: 'test' });
  const tierOf = async (id: string) =>
    (await t.db.select().from(partners).where(eq(partners.id, id)))[0]!.tier;

  it('on 1 July promotes an operator billing 2 000 € a month from January to June to Business', async () => {
    await givenPartner(t.db, { id: 'acme', name: 'Acme Telecom', type: 'operator' });
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-06', 1500, 'recurring');
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-06', 500, 'one_off');
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-06', 9000, 'minutes');

    const result = await evaluate('2026-07-01');

    expect(result.semester.code).toBe('2026-H1');
    expect(result.changes).toEqual([
      expect.objectContaining({
        partnerId: 'acme',
        previousTier: 'starter',
        tier: 'business',
        averageCents: 200_000,
      }),
    ]);
    expect(result.promotions).toBe(1);
    expect(await tierOf('acme')).toBe('business');
    const [row] = await t.db.select().from(partners).where(eq(partners.id, 'acme'));
    expect(row!.tierSince).toBe('2026-07-01');
  });

  it('counts only recurring revenue for an ambassador, and demotes one whose average fell', async () => {
    await givenPartner(t.db, { id: 'amb', type: 'ambassador', tier: 'business' });
    await givenMonthlyRevenue(t.db, 'amb', '2026-01', '2026-06', 999.99, 'recurring');
    await givenMonthlyRevenue(t.db, 'amb', '2026-01', '2026-06', 5000, 'one_off');

    const result = await evaluate('2026-07-15');

    expect(result.changes).toEqual([
      expect.objectContaining({ partnerId: 'amb', previousTier: 'business', tier: 'access' }),
    ]);
    expect(result.demotions).toBe(1);
  });

  it('averages over the months a partner was active, counting a silent month as 0', async () => {
    await givenPartner(t.db, { id: 'new', type: 'ambassador', joinedOn: '2026-04-20' });
    await givenMonthlyRevenue(t.db, 'new', '2026-04', '2026-04', 1500);
    await givenMonthlyRevenue(t.db, 'new', '2026-06', '2026-06', 1500);

    const [p] = (await evaluate('2026-07-01')).partners;

    expect(p).toMatchObject({ activeMonths: 3, averageCents: 100_000, tier: 'business' });
  });

  it('leaves out partners that joined on or after the evaluation date', async () => {
    await givenPartner(t.db, { id: 'late', joinedOn: '2026-07-01' });
    expect((await evaluate('2026-07-01')).partners).toEqual([]);
  });

  it('records the semester once: a second run changes and announces nothing', async () => {
    await givenPartner(t.db, { id: 'acme', type: 'ambassador' });
    await givenMonthlyRevenue(t.db, 'acme', '2025-07', '2025-12', 600);

    const first = await evaluate('2026-01-01');
    await t.db.update(revenueLines).set({ amountCents: 5_000_000 }).where(eq(revenueLines.partnerId, 'acme'));
    const second = await evaluate('2026-03-01');

    expect(first.changes).toHaveLength(1);
    expect(second.changes).toEqual([]);
    expect(second.partners).toEqual([expect.objectContaining({ tier: 'access', recordedNow: false })]);
    expect(await tierOf('acme')).toBe('access');
    const history = await t.db.select().from(tierHistory);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      semester: '2025-H2',
      catalogVersion: catalog.version,
      computedTier: 'access',
    });
    expect(await t.db.select().from(auditLog)).toHaveLength(1);
  });

  it('a dry run reports the changes and writes nothing', async () => {
    await givenPartner(t.db, { id: 'acme', type: 'ambassador' });
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-06', 10_000);

    const result = await evaluate('2026-07-01', true);

    expect(result.changes).toEqual([expect.objectContaining({ tier: 'premium' })]);
    expect(await tierOf('acme')).toBe('starter');
    expect(await t.db.select().from(tierHistory)).toEqual([]);
    expect(await t.db.select().from(auditLog)).toEqual([]);
  });

  it('agrees with the pure rules on random partners and revenue', async () => {
    const semester = lastEvaluation(catalog, '2026-07-01');
    const partnerArb = fc.record({
      type: fc.constantFrom('ambassador' as const, 'operator' as const),
      joinedMonth: fc.integer({ min: 1, max: 18 }),
      lines: fc.array(
        fc.record({
          month: fc.integer({ min: 1, max: 6 }),
          category: fc.constantFrom(
            'recurring' as const,
            'one_off' as const,
            'access_fees' as const,
            'minutes' as const,
          ),
          amountCents: fc.integer({ min: 0, max: 3_000_000 }),
        }),
        { maxLength: 12 },
      ),
    });
    const sample = fc.sample(fc.array(partnerArb, { minLength: 20, maxLength: 20 }), {
      numRuns: 1,
      seed: 42,
    })[0]!;
    const expected = new Map<string, string>();
    for (const [i, p] of sample.entries()) {
      const id = `p${i}`;
      const joinedOn = `${p.joinedMonth <= 12 ? 2025 : 2026}-${String(((p.joinedMonth - 1) % 12) + 1).padStart(2, '0')}-10`;
      await givenPartner(t.db, { id, type: p.type, joinedOn });
      const lines = new Map<
        string,
        { month: string; category: (typeof p.lines)[number]['category']; amountCents: number }
      >();
      for (const l of p.lines) lines.set(`${l.month}/${l.category}`, { ...l, month: `2026-0${l.month}-01` });
      if (lines.size)
        await t.db.insert(revenueLines).values([...lines.values()].map((l) => ({ ...l, partnerId: id })));
      expected.set(
        id,
        evaluatePure(catalog, { type: p.type, joinedOn, lines: [...lines.values()] }, semester).tier.code,
      );
    }

    const result = await evaluate('2026-07-01');

    expect(new Map(result.partners.map((p) => [p.partnerId, p.tier]))).toEqual(expected);
  });
});
