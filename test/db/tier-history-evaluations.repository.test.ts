import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAuditRepository } from '../../src/db/repositories/audit.repository.js';
import { createTierHistoryRepository } from '../../src/db/repositories/tier-history.repository.js';
import { auditLog, tierHistory } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { givenPartner, tierHistoryRow } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

type HistoryInsert = typeof tierHistory.$inferInsert;

describe.each(BACKENDS)('tier history of evaluations and overrides, audit, on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createTierHistoryRepository(db());
  const audit = () => createAuditRepository(db());

  const history = (row: Partial<HistoryInsert> & Pick<HistoryInsert, 'partnerId' | 'tier'>) =>
    db().insert(tierHistory).values(tierHistoryRow(row));

  it('lists the partners a semester’s evaluation moved, by name, leaving out the unchanged and the overrides', async () => {
    const semester = '2030-H1';
    for (const [id, name] of [
      ['ov-zed', 'Zed'],
      ['ov-abe', 'Abe'],
      ['ov-new', 'Newcomer'],
      ['ov-same', 'Same'],
      ['ov-other', 'Other semester'],
    ] as const)
      await givenPartner(db(), { id, name });
    await history({ partnerId: 'ov-zed', semester, previousTier: 'business', tier: 'access' });
    await history({ partnerId: 'ov-abe', semester, previousTier: 'starter', tier: 'business' });
    await history({ partnerId: 'ov-new', semester, previousTier: null, tier: 'starter' });
    await history({ partnerId: 'ov-same', semester, previousTier: 'access', tier: 'access' });
    await history({ partnerId: 'ov-other', semester: '2029-H2', previousTier: 'starter', tier: 'access' });
    await history({
      partnerId: 'ov-abe',
      kind: 'override',
      semester,
      previousTier: 'business',
      tier: 'starter',
    });

    expect(await repo().evaluationChanges(semester)).toEqual([
      { partnerId: 'ov-abe', name: 'Abe', previousTier: 'starter', tier: 'business' },
      { partnerId: 'ov-new', name: 'Newcomer', previousTier: null, tier: 'starter' },
      { partnerId: 'ov-zed', name: 'Zed', previousTier: 'business', tier: 'access' },
    ]);
    expect(await repo().evaluationChanges('1999-H1')).toEqual([]);
  });

  it('finds a partner’s evaluation of a semester, and none for another semester or partner', async () => {
    await givenPartner(db(), { id: 'ov-eval' });
    await history({
      partnerId: 'ov-eval',
      semester: '2031-H1',
      previousTier: 'starter',
      tier: 'access',
      averageCents: 123_400,
    });
    await history({ partnerId: 'ov-eval', kind: 'override', semester: '2031-H1', tier: 'business' });

    expect(await repo().evaluationOf('ov-eval', '2031-H1')).toMatchObject({
      kind: 'evaluation',
      tier: 'access',
      previousTier: 'starter',
      averageCents: 123_400,
    });
    expect(await repo().evaluationOf('ov-eval', '2031-H2')).toBeUndefined();
    expect(await repo().evaluationOf('ov-nobody', '2031-H1')).toBeUndefined();
  });

  it('records overrides beside the evaluation and counts them per partner and semester', async () => {
    await givenPartner(db(), { id: 'ov-count' });
    await givenPartner(db(), { id: 'ov-count-2' });
    expect(await repo().overrideCount('ov-count', '2032-H1')).toBe(0);
    const override = {
      partnerId: 'ov-count',
      semester: '2032-H1',
      effectiveOn: '2032-07-01',
      averageCents: 90_000,
      activeMonths: 6,
      computedTier: 'access',
      previousTier: 'access',
      tier: 'business',
      reason: 'Signed a big contract',
      actor: 'UADMIN',
      catalogVersion: 'v2',
    };
    await repo().add({ ...override, kind: 'override' });
    await repo().add({ ...override, kind: 'override', previousTier: 'business', tier: 'starter' });
    await repo().add({ ...override, kind: 'override', partnerId: 'ov-count-2' });
    await repo().add({ ...override, kind: 'override', semester: '2032-H2' });

    expect(await repo().overrideCount('ov-count', '2032-H1')).toBe(2);
    expect(await repo().overrideCount('ov-count-2', '2032-H1')).toBe(1);
    const rows = await db().select().from(tierHistory).where(eq(tierHistory.partnerId, 'ov-count'));
    expect(rows).toHaveLength(3);
    expect(rows).toContainEqual(expect.objectContaining({ ...override, kind: 'override' }));
  });

  it('writes the audit log, with or without a partner', async () => {
    await givenPartner(db(), { id: 'ov-audit' });
    await audit().record({
      actor: 'UAUDIT',
      action: 'evaluation.approve',
      details: { semester: '2033-H1', released: 2 },
    });
    await audit().record({
      actor: 'UAUDIT',
      action: 'evaluation.override',
      partnerId: 'ov-audit',
      details: { tier: 'business' },
    });

    const rows = await db().select().from(auditLog).where(eq(auditLog.actor, 'UAUDIT'));
    expect(rows.map((r) => [r.action, r.partnerId, r.details]).sort()).toEqual([
      ['evaluation.approve', null, { semester: '2033-H1', released: 2 }],
      ['evaluation.override', 'ov-audit', { tier: 'business' }],
    ]);
    for (const r of rows) expect(r.at).toBeInstanceOf(Date);
  });
});
