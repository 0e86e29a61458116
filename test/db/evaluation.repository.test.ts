import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, rowsOf } from '../../src/db/client.js';
import { createEvaluationRepository } from '../../src/db/repositories/evaluation.repository.js';
import { partners, tierHistory } from '../../src/db/schema.js';
import { transaction } from '../../src/db/transaction.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { lastEvaluation } from '../../src/program/semesters.js';
import { BACKENDS } from '../support/databases.js';
import { givenMonthlyRevenue, givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

const catalog = loadCatalog();
const semester = lastEvaluation(catalog, '2026-07-01');

describe.each(BACKENDS)('evaluation repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createEvaluationRepository(db());
  const byId = (a: { partnerId: string }, b: { partnerId: string }) => a.partnerId.localeCompare(b.partnerId);

  /** acme earns Business in 2026-H1; idle stays where it is; late joined after the evaluation. */
  const given = async () => {
    await givenPartner(db(), { id: 'acme', type: 'operator' });
    await givenMonthlyRevenue(db(), 'acme', '2026-01', '2026-06', 2000, 'recurring');
    await givenPartner(db(), { id: 'idle' });
    await givenPartner(db(), { id: 'late', joinedOn: '2026-07-02' });
  };

  it('sets work_mem and jit for its transaction only', async () => {
    const setting = async (tx: Db, name: string) =>
      rowsOf<Record<string, string>>(await tx.execute(sql.raw(`show ${name}`)))[0]![name];
    const inside = await transaction(db(), async (tx) => {
      await createEvaluationRepository(tx).tuneTransaction();
      return [await setting(tx, 'work_mem'), await setting(tx, 'jit')];
    });
    expect(inside).toEqual(['64MB', 'off']);
    expect(await setting(db(), 'work_mem')).not.toBe('64MB');
  });

  it('computes every partner that joined before the evaluation on a dry run, writing nothing', async () => {
    await given();
    const rows = (await repo().evaluate(catalog, semester, { dryRun: true, actor: 'test' })).sort(byId);
    expect(rows).toEqual([
      {
        partnerId: 'acme',
        name: 'acme',
        previousTier: 'starter',
        tier: 'business',
        computedTier: 'business',
        outcome: 'applied',
        averageCents: 200_000,
        activeMonths: 6,
        recordedNow: true,
      },
      expect.objectContaining({
        partnerId: 'idle',
        previousTier: 'starter',
        averageCents: 0,
        recordedNow: true,
      }),
    ]);
    expect(await db().select().from(tierHistory)).toEqual([]);
    expect((await db().select().from(partners).where(eq(partners.id, 'acme')))[0]!.tier).toBe('starter');
  });

  it('records the semester once and moves the tiers; a rerun gives what was recorded', async () => {
    await given();
    const first = await repo().evaluate(catalog, semester, { dryRun: false, actor: 'test' });
    expect(first.every((r) => r.recordedNow)).toBe(true);
    expect((await db().select().from(partners).where(eq(partners.id, 'acme')))[0]).toMatchObject({
      tier: 'business',
      tierSince: semester.evaluationOn,
    });
    const history = await db().select().from(tierHistory);
    expect(history).toHaveLength(2);
    expect(history.find((h) => h.partnerId === 'acme')).toMatchObject({
      kind: 'evaluation',
      semester: semester.code,
      actor: 'test',
      catalogVersion: catalog.version,
    });

    await givenMonthlyRevenue(db(), 'idle', '2026-01', '2026-06', 5000, 'recurring');
    const again = (await repo().evaluate(catalog, semester, { dryRun: false, actor: 'test' })).sort(byId);
    expect(again.map((r) => [r.partnerId, r.tier, r.recordedNow])).toEqual([
      ['acme', 'business', false],
      ['idle', first.find((r) => r.partnerId === 'idle')!.tier, false],
    ]);
    expect(await db().select().from(tierHistory)).toHaveLength(2);
  });

  it('finds nobody to evaluate in an empty database', async () => {
    expect(await repo().evaluate(catalog, semester, { dryRun: false, actor: 'test' })).toEqual([]);
  });
});
