import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/dataset.js';
import { createPartnersRepository } from '../../src/db/repositories/partners.repository.js';
import {
  checklistItems,
  contacts,
  partnerStatuses,
  partners,
  revenueLines,
  trainingCompletions,
} from '../../src/db/schema.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { addDays, monthOf } from '../../src/program/dates.js';
import { hasLeft } from '../../src/program/membership.js';
import { loadPartnerStatus } from '../../src/services/partner-status.service.js';
import { refreshPartnerStatuses, statusFigures } from '../../src/services/partner-status-snapshot.service.js';
import { portfolioPage } from '../../src/services/portfolio.service.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';

const catalog = loadCatalog();
const TODAY = '2026-04-20';
const ADMIN = { kind: 'staff', slackUserId: 'UMGR1', role: 'admin', name: 'Admin' } as const;
const PARTNERS = 240;

/**
 * The snapshot is only a cache of the rules: over many generated partners (every type, tier, revenue band,
 * contacts with and without trainings and documents, leavers), and after writes of every kind, what it holds
 * equals what the rules (partnerStatus) say of each partner, and the portfolio lists equal the rules' lists.
 */
describe.each(BACKENDS)('status snapshot against the rules on %s', (backend) => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await generateDataset(t.db, {
      partners: PARTNERS,
      contactsPerPartner: 3,
      months: 14,
      lastMonth: monthOf(TODAY),
    });
    // Premium partners selling little (at risk).
    await t.db
      .update(revenueLines)
      .set({ amountCents: 100 })
      .where(inArray(revenueLines.partnerId, ['p7', 'p15', 'p23']));
    // Some leavers, one in the future (still in the program today), and partners without a manager.
    await t.db
      .update(partners)
      .set({ leftOn: '2026-02-01', leftReason: 'gone' })
      .where(sql`${partners.id} in ('p3', 'p17', 'p101')`);
    await t.db.update(partners).set({ leftOn: '2026-09-01' }).where(eq(partners.id, 'p40'));
    await t.db.update(partners).set({ managerSlackUserId: null }).where(sql`${partners.id} in ('p5', 'p6')`);
  }, 120_000);
  afterAll(() => t?.drop());

  const expectSnapshotEqualsRules = async (today: string) => {
    await refreshPartnerStatuses(t.db, catalog, today);
    const ids = (await t.db.select({ id: partners.id }).from(partners)).map((p) => p.id);
    // Each as the status card reads it, with its program depth (the digest's depth lines are kept too):
    // one statement a partner, apart from the refresh's batched reads.
    const repo = createPartnersRepository(t.db);
    const statuses = (await Promise.all(ids.map((id) => loadPartnerStatus(repo, catalog, id, today)))).filter(
      (s) => s !== undefined,
    );
    const expected = new Map(statuses.map((s) => [s.record.partner.id, statusFigures(catalog, s)]));
    const rows = await t.db.select().from(partnerStatuses).orderBy(asc(partnerStatuses.partnerId));
    expect(rows).toHaveLength(ids.length);
    for (const { partnerId, generation, computedGeneration, computedFor, computedWith, ...held } of rows) {
      expect({ partnerId, ...held }).toEqual({ partnerId, ...expected.get(partnerId) });
      expect([computedFor, computedGeneration]).toEqual([today, generation]);
      expect(computedWith).toBeTruthy();
    }
    // The lists, in full, equal the rules' own filtering (by name, leavers apart).
    const list = async (filter: Parameters<typeof portfolioPage>[4]) =>
      (await portfolioPage(t.db, catalog, ADMIN, today, filter, { page: 1, pageSize: 10_000 })).rows.map(
        (r) => r.partner.id,
      );
    const byName = [...statuses].sort((a, b) =>
      a.record.partner.name < b.record.partner.name
        ? -1
        : a.record.partner.name > b.record.partner.name
          ? 1
          : 0,
    );
    const inProgram = byName.filter((s) => !hasLeft(s.record.partner, today));
    expect(await list({ kind: 'overdue' })).toEqual(
      inProgram
        .filter((s) => s.obligations.some((o) => o.status === 'overdue'))
        .map((s) => s.record.partner.id),
    );
    expect(await list({ kind: 'at-risk' })).toEqual(
      inProgram.filter((s) => s.progress.demotion).map((s) => s.record.partner.id),
    );
    expect(await list({ kind: 'left' })).toEqual(
      byName.filter((s) => hasLeft(s.record.partner, today)).map((s) => s.record.partner.id),
    );
    return statuses;
  };

  it('holds what the rules say of every partner, and lists what the rules list', async () => {
    const statuses = await expectSnapshotEqualsRules(TODAY);
    // The dataset exercises every figure.
    expect(statuses.some((s) => s.progress.demotion)).toBe(true);
    expect(statuses.some((s) => s.obligations.some((o) => o.status === 'overdue'))).toBe(true);
    expect(statuses.some((s) => !s.progress.demotion)).toBe(true);
    expect(statuses.some((s) => s.depth?.benefitUses.techReviews?.some((r) => r.state === 'missed'))).toBe(
      true,
    );
  });

  it('still does after writes of every kind, and on later days', async () => {
    await expectSnapshotEqualsRules(TODAY);
    await t.db
      .delete(revenueLines)
      .where(
        sql`${revenueLines.partnerId} in ('p10', 'p11', 'p12') and ${revenueLines.month} >= '2026-01-01'`,
      );
    await t.db
      .update(revenueLines)
      .set({ amountCents: 9_000_000 })
      .where(inArray(revenueLines.partnerId, ['p20', 'p21']));
    await t.db
      .insert(checklistItems)
      .values(
        ['p30', 'p31', 'p32'].flatMap((partnerId) =>
          catalog.obligations
            .filter((o) => o.kind !== 'training')
            .map((o) => ({ partnerId, item: o.code, completedOn: '2026-04-01' })),
        ),
      );
    const someContacts = await t.db
      .select()
      .from(contacts)
      .where(inArray(contacts.partnerId, ['p33', 'p34']));
    await t.db.insert(trainingCompletions).values(
      someContacts.flatMap((c) =>
        catalog.obligations
          .filter((o) => o.kind === 'training')
          .map((o) => ({
            partnerId: c.partnerId,
            contactId: c.id,
            training: o.code,
            completedOn: '2026-03-01',
            status: 'confirmed' as const,
          })),
      ),
    );
    await t.db.delete(contacts).where(eq(contacts.partnerId, 'p36'));
    await t.db.update(partners).set({ tier: 'premium' }).where(eq(partners.id, 'p38'));
    await t.db
      .update(partners)
      .set({ leftOn: '2026-04-01', leftReason: 'left' })
      .where(eq(partners.id, 'p39'));
    await expectSnapshotEqualsRules(TODAY);
    // A later day: obligations fall due, a departure takes effect, a new month counts.
    await expectSnapshotEqualsRules(addDays(TODAY, 135));
  });
});
