import { asc, desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories/index.js';
import { createPartnersRepository } from '../../src/db/repositories/partners.repository.js';
import { rowsOfPartners } from '../../src/db/repositories/rows-of-partners.js';
import {
  benefitUses,
  checklistItems,
  operatorFees,
  planReviews,
  salesObjectives,
  tierHistory,
  trainingCompletions,
} from '../../src/db/schema.js';
import { transaction } from '../../src/db/transaction.js';
import { BACKENDS } from '../support/databases.js';
import {
  givenContact,
  givenMonthlyRevenue,
  givenPartner,
  partnerRow,
  tierHistoryRow,
} from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('partners repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createPartnersRepository(db());

  it('inserts partners and counts them; no rows inserts nothing', async () => {
    expect(await repo().count()).toBe(0);
    await repo().insertMany([]);
    await repo().insertMany([partnerRow({ id: 'zed', name: 'Zed' }), partnerRow({ id: 'abc', name: 'Abc' })]);
    expect(await repo().count()).toBe(2);
    expect((await repo().byIds(['zed', 'abc', 'nobody'])).map((p) => p.id)).toEqual(['abc', 'zed']);
  });

  it('refuses a partner id twice', async () => {
    await repo().insertMany([partnerRow({ id: 'acme', name: 'Acme' })]);
    await expect(repo().insertMany([partnerRow({ id: 'acme', name: 'Acme again' })])).rejects.toThrow();
    expect(await repo().count()).toBe(1);
  });

  it('reads a partner for update inside a transaction; undefined for an unknown id', async () => {
    await givenPartner(db(), { id: 'acme', name: 'Acme' });
    const found = await transaction(db(), async (tx) => {
      const r = createPartnersRepository(tx);
      return [await r.byIdForUpdate('acme'), await r.byIdForUpdate('nobody')] as const;
    });
    expect(found[0]).toMatchObject({ id: 'acme', name: 'Acme' });
    expect(found[1]).toBeUndefined();
  });

  it('moves a partner to a tier from a day on, stamping updated_at with the time given', async () => {
    await givenPartner(db(), { id: 'acme', tier: 'starter' });
    await givenPartner(db(), { id: 'other', tier: 'starter' });
    const now = new Date('2026-03-15T10:00:00Z');
    await repo().setTier('acme', 'business', '2026-03-15', now);
    expect(await repo().byId('acme')).toMatchObject({
      tier: 'business',
      tierSince: '2026-03-15',
      updatedAt: now,
    });
    expect(await repo().byId('other')).toMatchObject({ tier: 'starter' });
    await repo().setTier('nobody', 'business', '2026-03-15', now);
    expect(await repo().count()).toBe(2);
  });

  it('finds partners by id, channel, name prefix and manager', async () => {
    await givenPartner(db(), {
      id: 'acme',
      name: 'Acme Telecom',
      slackChannelId: 'C1',
      managerSlackUserId: 'U1',
    });
    await givenPartner(db(), { id: 'acorn', name: 'Acorn', managerSlackUserId: 'U2' });
    await givenPartner(db(), { id: 'beta', name: 'Beta 100%' });
    expect((await repo().byChannel('C1'))?.id).toBe('acme');
    expect(await repo().byChannel('C9')).toBeUndefined();
    expect((await repo().matching('ac')).map((p) => p.id)).toEqual(['acme', 'acorn']);
    expect((await repo().matching('beta 100%')).map((p) => p.id)).toEqual(['beta']);
    expect(await repo().matching('beta 1000')).toEqual([]);
    expect((await repo().byManager('U2')).map((p) => p.id)).toEqual(['acorn']);
    expect((await repo().byManager(undefined)).map((p) => p.id)).toEqual(['acme', 'acorn', 'beta']);
  });

  it('loads records (contacts by name, revenue from a month) in the order asked, leaving unknown ids out', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    await givenContact(db(), { partnerId: 'acme', slackUserId: 'U2', name: 'Zoé' });
    await givenContact(db(), { partnerId: 'acme', slackUserId: 'U1', name: 'Anne' });
    await givenMonthlyRevenue(db(), 'acme', '2025-12', '2026-02', 10);
    const record = await repo().record('acme', '2026-01-01');
    expect(record?.contacts.map((c) => c.name)).toEqual(['Anne', 'Zoé']);
    expect(record?.revenue.map((r) => r.month).sort()).toEqual(['2026-01-01', '2026-02-01']);
    expect(await repo().record('nobody', '2026-01-01')).toBeUndefined();
    const records = await repo().records(['beta', 'nobody', 'acme'], '2026-01-01');
    expect(records.map((r) => r.partner.id)).toEqual(['beta', 'acme']);
    expect(records[0]!.contacts).toEqual([]);
  });

  it('reads one record with its program depth in one statement, as the portfolio queries read them', async () => {
    await givenPartner(db(), { id: 'acme', name: 'Acme', tier: 'premium', leftReason: 'O\'Neil "&" co' });
    await givenPartner(db(), { id: 'beta' });
    const anne = await givenContact(db(), { partnerId: 'acme', slackUserId: 'U1', name: 'Anne' });
    await givenContact(db(), { partnerId: 'acme', slackUserId: 'U2', name: 'Zoé' });
    await givenContact(db(), { partnerId: 'beta', slackUserId: 'U3', name: 'Bea' });
    await givenMonthlyRevenue(db(), 'acme', '2025-06', '2026-02', 1_234_567);
    await givenMonthlyRevenue(db(), 'beta', '2025-06', '2026-02', 5);
    await db()
      .insert(trainingCompletions)
      .values([
        {
          partnerId: 'acme',
          contactId: anne.id,
          training: 'trn-a',
          completedOn: '2026-01-05',
          status: 'pending',
        },
      ]);
    await db()
      .insert(checklistItems)
      .values([{ partnerId: 'acme', item: 'doc-a', completedOn: '2026-01-02' }]);
    await db()
      .insert(tierHistory)
      .values([
        tierHistoryRow({ partnerId: 'acme', effectiveOn: '2025-07-01', tier: 'business' }),
        tierHistoryRow({ partnerId: 'acme', effectiveOn: '2026-01-01', tier: 'premium' }),
      ]);
    await db()
      .insert(salesObjectives)
      .values([
        { partnerId: 'acme', quarter: '2026-Q1', objectiveCents: 9_000_000_000, objectiveBy: 'UM' },
        { partnerId: 'acme', quarter: '2025-Q4', forecastCents: 10, forecastOn: '2025-10-03' },
      ]);
    await db()
      .insert(planReviews)
      .values([
        { partnerId: 'acme', reviewedOn: '2025-11-02', note: 'ok', reviewedBy: 'UM' },
        { partnerId: 'acme', reviewedOn: '2026-02-02', note: 'better', reviewedBy: 'UM' },
      ]);
    await db()
      .insert(benefitUses)
      .values([
        {
          partnerId: 'acme',
          benefit: 'tech-review',
          period: '2026-01',
          usedOn: '2026-01-20',
          reference: 'R1',
          contactId: anne.id,
          recordedBy: 'UM',
        },
      ]);
    await db().insert(operatorFees).values({
      partnerId: 'acme',
      openingFeePaidOn: '2025-09-01',
      retrocessionBasisPoints: 250,
      updatedBy: 'UM',
    });

    const read = await repo().recordWithDepth('acme', '2026-01-01', '2025-07-01');
    const [record] = await repo().records(['acme'], '2026-01-01');
    const byMonth = <T extends { month: string; category: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.month + a.category < b.month + b.category ? -1 : 1));
    expect({ ...read!.record, revenue: byMonth(read!.record.revenue) }).toEqual({
      ...record!,
      revenue: byMonth(record!.revenue),
    });
    expect(await repo().record('acme', '2026-01-01')).toEqual(read!.record);
    const repos = createRepositories(db());
    // Against plain selects of each table, in the orders the depth promises.
    expect(read!.depth).toEqual({
      plans: await rowsOfPartners(db(), salesObjectives, ['acme'], asc(salesObjectives.quarter)),
      reviews: await rowsOfPartners(
        db(),
        planReviews,
        ['acme'],
        desc(planReviews.reviewedOn),
        desc(planReviews.id),
      ),
      uses: await rowsOfPartners(db(), benefitUses, ['acme'], desc(benefitUses.usedOn), desc(benefitUses.id)),
      fees: (await repos.operatorFees.forPartners(['acme']))[0],
      lines: expect.any(Array),
    });
    expect(byMonth(read!.depth!.lines)).toEqual(
      byMonth(
        (await repos.revenue.forPartnersSince(['acme'], '2025-07-01')).map(
          ({ partnerId: _, ...line }) => line,
        ),
      ),
    );
    expect(read!.record.partner.updatedAt).toBeInstanceOf(Date);
    expect(await repo().recordWithDepth('nobody', '2026-01-01', '2025-07-01')).toBeUndefined();
    const beta = await repo().recordWithDepth('beta', '2026-01-01', '2025-07-01');
    expect(beta?.depth).toMatchObject({ plans: [], reviews: [], uses: [], fees: undefined });
  });
});
