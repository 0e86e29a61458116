import { describe, expect, it } from 'vitest';
import { createPartnerStatusesRepository } from '../../src/db/repositories/partner-statuses.repository.js';
import { runJobOccurrence } from '../../src/jobs/occurrences.js';
import { statusRefreshJob } from '../../src/jobs/status-refresh.job.js';
import { rulesKey } from '../../src/services/partner-status-snapshot.service.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenMonthlyRevenue, givenPartner } from '../support/rows.js';
import { catalog, jobDeps } from './support.js';

// Tuesday 7 April 2026, 00:05 in Paris (summer time).
const AT = new Date('2026-04-06T22:05:00Z');

describe.each(BACKENDS)('daily status refresh on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));

  it("computes every partner's snapshot for the new day, once", async () => {
    await givenPartner(t.db, { id: 'acme', tier: 'business' });
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-03', 100);
    await givenPartner(t.db, { id: 'beta' });
    const stale = () =>
      createPartnerStatusesRepository(t.db).stale('2026-04-07', rulesKey(catalog), { managedBy: undefined });
    expect(await stale()).toHaveLength(2);
    expect(await runJobOccurrence(jobDeps(t.db), statusRefreshJob, AT)).toMatchObject({
      status: 'done',
      summary: { today: '2026-04-07', stale: 2, saved: 2 },
    });
    expect(await stale()).toEqual([]);
    const [acme] = await createPartnerStatusesRepository(t.db).page(
      { managedBy: undefined },
      { kind: 'at-risk' },
      { offset: 0, limit: 5 },
    );
    expect(acme?.partner.id).toBe('acme');
    expect(await runJobOccurrence(jobDeps(t.db), statusRefreshJob, AT)).toMatchObject({ status: 'skipped' });
  });
});
