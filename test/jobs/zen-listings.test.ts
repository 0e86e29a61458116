import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { checklistItems, partners, zenListings } from '../../src/db/schema.js';
import { evaluationJob } from '../../src/jobs/evaluation.job.js';
import { type JobDeps, runJobOccurrence } from '../../src/jobs/occurrences.js';
import { zenListingsJob } from '../../src/jobs/zen-listings.job.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenPartner } from '../support/rows.js';
import { jobDeps, outboxRows } from './support.js';

const catalog = loadCatalog();

describe.each(BACKENDS)('Experts Zen listings that no longer qualify, on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));
  beforeEach(async () => {
    await givenPartner(t.db, { id: 'acme', name: 'Acme', tier: 'business', managerSlackUserId: 'U0MGR' });
    await t.db
      .insert(checklistItems)
      .values(
        catalog.expertsZen.requirements
          .filter((r) => !r.computed)
          .map((r) => ({ partnerId: 'acme', item: r.code, completedOn: '2026-01-10' })),
      );
    await t.db.insert(zenListings).values({
      partnerId: 'acme',
      listedSince: '2026-02-01',
      domains: ['3CX'],
      departements: ['69'],
      interventionHours: 4,
      listedBy: 'U0ADMIN',
    });
  });

  const run = (today: string) =>
    zenListingsJob.run({
      tx: t.db,
      deps: {
        catalog,
        config: { LOCALE: 'en' },
        now: () => new Date(`${today}T07:00:00Z`),
      } as unknown as JobDeps,
      scheduledFor: new Date(`${today}T07:00:00Z`),
      today,
    });

  it('leaves an eligible listing alone', async () => {
    expect(await run('2026-07-02')).toMatchObject({ suspended: 0 });
    expect((await t.db.select().from(zenListings))[0]!.suspendedOn).toBeNull();
  });

  it('an evaluation that drops a listed partner to Access suspends its listing and tells the manager once', async () => {
    await t.db.execute(sql`update partners set tier = 'access' where id = 'acme'`);
    expect(await run('2026-07-02')).toMatchObject({ suspended: 1, queued: 1 });
    expect(await run('2026-07-03')).toMatchObject({ suspended: 0 });
    expect(await t.db.select().from(zenListings)).toMatchObject([
      { suspendedOn: '2026-07-02', suspendedReason: 'zen-tier' },
    ]);
    const messages = await outboxRows(t.db);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'U0MGR', kind: 'zen.suspended' });
    expect(messages[0]!.text).toContain(
      '*Acme*’s Experts Zen listing is suspended: Be a Dstny Premium or Business partner',
    );
  });

  it('the semester evaluation that takes a listed partner below Business suspends it, its manager told once', async () => {
    // Acme billed nothing in the first half of 2026: the evaluation of 1 July demotes it.
    await t.db.execute(sql`update partners set joined_on = '2024-01-01'`);
    await runJobOccurrence(jobDeps(t.db), evaluationJob, new Date('2026-07-01T04:00:00Z'));
    expect(await t.db.select({ tier: partners.tier }).from(partners)).toEqual([{ tier: 'starter' }]);
    expect(await run('2026-07-01')).toMatchObject({ suspended: 1 });
    expect(await run('2026-07-02')).toMatchObject({ suspended: 0 });
    expect(await t.db.select().from(zenListings)).toMatchObject([{ suspendedReason: 'zen-tier' }]);
    const told = (await outboxRows(t.db)).filter((m) => m.kind === 'zen.suspended');
    expect(told).toMatchObject([{ channel: 'U0MGR' }]);
  });

  it('a QCM that lapsed after 24 months suspends the listing too', async () => {
    expect(await run('2028-01-11')).toMatchObject({ suspended: 1 });
    expect((await t.db.select().from(zenListings))[0]!.suspendedReason).toBe(
      'zen-certification-training, zen-qcm',
    );
  });
});
