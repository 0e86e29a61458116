import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { salesObjectives } from '../../src/db/schema.js';
import { planDigests } from '../../src/jobs/digest.job.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenMonthlyRevenue, givenPartner } from '../support/rows.js';
import { catalog } from './support.js';

// Mid-May 2026: April is counted in the second quarter, May not yet.
const TODAY = '2026-05-15';
const ACME = { id: 'acme', name: 'Acme', managerSlackUserId: 'UMGR', joinedOn: '2025-01-06' };

/**
 * The digest's program-depth lines come from the status snapshot, computed by the rules when a write made
 * the partner's row stale: a quarter behind its objective is told, and no longer once it is on track with its forecast given in time.
 */
describe.each(BACKENDS)('digest program-depth lines from the snapshot on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));
  /** The manager's digest planned today. */
  const digestOfManager = async () =>
    (await planDigests(t.db, { catalog, config: { LOCALE: 'en' } }, TODAY)).find((d) => d.manager === 'UMGR');

  it('tells a quarter behind its objective, and no more once it is on track with its forecast in time', async () => {
    await givenPartner(t.db, ACME);
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-04', 500);
    await t.db
      .insert(salesObjectives)
      .values({ partnerId: 'acme', quarter: '2026-Q2', objectiveCents: 10_000_000, objectiveBy: 'UMGR' });
    const behind = await digestOfManager();
    expect(behind?.sales?.map((s) => [s.partnerName, s.sales.code, s.sales.onTrack])).toEqual([
      ['Acme', '2026-Q2', false],
    ]);

    await t.db
      .update(salesObjectives)
      .set({ objectiveCents: 100, forecastCents: 100, forecastOn: '2026-04-10' })
      .where(eq(salesObjectives.partnerId, 'acme'));
    const onTrack = await digestOfManager();
    expect(onTrack?.sales ?? []).toEqual([]);
  });
});
