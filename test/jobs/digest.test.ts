import { describe, expect, it } from 'vitest';
import { checklistItems, partners, trainingCompletions } from '../../src/db/schema.js';
import { digestJob, planDigests } from '../../src/jobs/digest.job.js';
import { runJobOccurrence } from '../../src/jobs/occurrences.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenMonthlyRevenue, givenPartner } from '../support/rows.js';
import { catalog, jobDeps, outboxRows, textOf } from './support.js';

// Monday 6 April 2026, 08:00 in Paris (summer time).
const MONDAY = new Date('2026-04-06T06:00:00Z');

/** Salesy, managed by UMGR, joined on 1 October 2025. */
const SALESY = {
  id: 'sales',
  name: 'Salesy',
  managerSlackUserId: 'UMGR',
  joinedOn: '2025-10-01',
  tierSince: '2025-10-01',
};

describe.each(BACKENDS)('Monday manager digest on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));

  it('tells each manager what needs attention in its portfolio, once, and nothing to a manager with nothing to say', async () => {
    // Joined with the quarter: nothing of it is owed yet, and its documents are due in May.
    const recent = { joinedOn: '2026-04-01', tierSince: '2026-04-01' };
    await givenPartner(t.db, { id: 'risk', name: 'Risky', tier: 'business', managerSlackUserId: 'UMGR' });
    await givenMonthlyRevenue(t.db, 'risk', '2026-01', '2026-03', 800);
    await givenPartner(t.db, { id: 'reach', name: 'Reachy', tier: 'access', managerSlackUserId: 'UMGR' });
    await givenMonthlyRevenue(t.db, 'reach', '2026-01', '2026-03', 850);
    await givenPartner(t.db, { id: 'far', name: 'Far', managerSlackUserId: 'UMGR' });
    await givenMonthlyRevenue(t.db, 'far', '2026-01', '2026-03', 100);
    await givenPartner(t.db, {
      id: 'late',
      name: 'Late',
      managerSlackUserId: 'UMGR',
      joinedOn: '2026-01-05',
    });
    const contact = await givenContact(t.db, { partnerId: 'far', slackUserId: 'UFAR', name: 'Farah' });
    await t.db.insert(trainingCompletions).values({
      partnerId: 'far',
      contactId: contact.id,
      training: 'trn-webinar-trunk-metacentrex-data',
      completedOn: '2026-04-02',
      status: 'pending',
      declaredBy: 'UFAR',
    });
    await givenPartner(t.db, { id: 'quiet', name: 'Quiet', managerSlackUserId: 'UQUIET', ...recent });

    const deps = jobDeps(t.db);
    expect(await runJobOccurrence(deps, digestJob, MONDAY)).toMatchObject({
      status: 'done',
      summary: { today: '2026-04-06', managers: 1, queued: 1 },
    });
    expect(await runJobOccurrence(deps, digestJob, MONDAY)).toMatchObject({ status: 'skipped' });

    const rows = await outboxRows(t.db);
    expect(rows.map((r) => [r.dedupeKey, r.channel, r.kind])).toEqual([
      ['digest:2026-04-06:UMGR', 'UMGR', 'digest.manager'],
    ]);
    const text = textOf(rows[0]!);
    expect(text).toContain('*At risk of demotion*');
    expect(text).toContain(
      '*Risky*: €800 a month so far, *€200 a month short* of keeping Business Partner; 86 days left (evaluation 1 Jul 2026)',
    );
    expect(text).toContain('*Within reach of a promotion*');
    expect(text).toContain('*Reachy*: €150 a month short of Business Partner (€1,000 a month); 86 days left');
    expect(text).not.toContain('*Far*: €');
    expect(text).toContain('*Overdue obligations*');
    expect(text).toContain('*Late*: Qualification form, due 4 Feb 2026 (61 days overdue)');
    expect(text).toContain('*Trainings awaiting your confirmation*');
    expect(text).toContain(
      '*Far*: 1 mandatory webinar: Trunk, Metacentrex, Data, declared done by <@UFAR> on 2 Apr 2026',
    );
  });

  it('lists the quarterly duties each partner missed, with their quarters, for four quarters', async () => {
    // Joined on 1 October 2025: Q4 2025 and Q1 2026 count; the forecast was recorded in Q4 2025 only.
    await givenPartner(t.db, SALESY);
    await t.db.insert(checklistItems).values([
      { partnerId: 'sales', item: 'sales-forecast', completedOn: '2025-12-15' },
      { partnerId: 'sales', item: 'doc-qualification-form', completedOn: '2025-10-02' },
      { partnerId: 'sales', item: 'doc-development-plan', completedOn: '2025-10-02' },
      { partnerId: 'sales', item: 'doc-partner-charter', completedOn: '2025-10-02' },
      { partnerId: 'sales', item: 'doc-ambassador-contract', completedOn: '2025-10-02' },
    ]);
    // With the program started before the partner joined, both quarters count.
    const earlyStart = { ...catalog, programStart: '2025-01-01' };
    await runJobOccurrence(jobDeps(t.db, { catalog: earlyStart }), digestJob, MONDAY);
    const text = textOf((await outboxRows(t.db))[0]!);
    expect(text).toContain('*Quarterly duties missed*');
    expect(text).toContain('*Salesy*: Development plan follow-up, missed Q4 2025, Q1 2026');
    expect(text).toContain('*Salesy*: Sales targets &amp; forecasts met, missed Q1 2026');
  });

  it('counts no quarter missed before the program started (catalog programStart)', async () => {
    await givenPartner(t.db, SALESY);
    await runJobOccurrence(jobDeps(t.db), digestJob, MONDAY);
    const text = textOf((await outboxRows(t.db))[0]!);
    expect(catalog.programStart).toBe('2026-01-01');
    expect(text).toContain('*Salesy*: Development plan follow-up, missed Q1 2026');
    expect(text).not.toContain('Q4 2025');
  });

  it("lists within reach of a promotion by the catalog's share of the next threshold (digest.promotionReach)", async () => {
    await givenPartner(t.db, { id: 'reach', name: 'Reachy', tier: 'access', managerSlackUserId: 'UMGR' });
    await givenMonthlyRevenue(t.db, 'reach', '2026-01', '2026-03', 850);
    // €150 short of €1,000 is 15 %: within the catalog's 20 %, not within 10 %.
    const strict = { ...catalog, digest: { promotionReach: 0.1 } };
    expect(
      await planDigests(t.db, { catalog: strict, config: { LOCALE: 'en' } }, '2026-04-06'),
    ).toMatchObject([{ manager: 'UMGR', promotions: [] }]);
    expect(await planDigests(t.db, { catalog, config: { LOCALE: 'en' } }, '2026-04-06')).toMatchObject([
      { manager: 'UMGR', promotions: [{ partnerName: 'Reachy', missingCents: 15000 }] },
    ]);
  });

  it('leaves out a partner that left the program from that day (still counted the day before)', async () => {
    await givenPartner(t.db, { id: 'risk', name: 'Risky', tier: 'business', managerSlackUserId: 'UMGR' });
    await givenMonthlyRevenue(t.db, 'risk', '2026-01', '2026-03', 800);
    await t.db.update(partners).set({ leftOn: '2026-04-06', leftReason: 'terminated' });
    const deps = { catalog, config: { LOCALE: 'en' as const } };
    expect((await planDigests(t.db, deps, '2026-04-05'))[0]?.demotions).toMatchObject([
      { partnerName: 'Risky' },
    ]);
    expect(await planDigests(t.db, deps, '2026-04-06')).toEqual([]);
  });
});
