import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories/index.js';
import { auditLog, salesObjectives } from '../../src/db/schema.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { semesterContaining } from '../../src/program/semesters.js';
import { ImportRejected, importCsv } from '../../src/services/import.service.js';
import { depthFactsOf, depthRevenueSince } from '../../src/services/program-depth.service.js';
import { giveForecast, recordPlanReview, setObjective } from '../../src/services/sales-plan.service.js';
import { csvFile, inWords } from '../import/support.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

const catalog = loadCatalog();
const NOW = new Date('2026-07-10T08:00:00Z');

describe.each(BACKENDS)('objectives, forecasts and plan reviews on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repos = () => createRepositories(db());
  /** A partner's program depth as its status card reads it, on 2026-07-10. */
  const depthRows = async (id: string) =>
    (
      await repos().partners.recordWithDepth(
        id,
        semesterContaining(catalog, '2026-07-10').firstMonth,
        depthRevenueSince(catalog, '2026-07-10'),
      )
    )?.depth;
  /** setObjective, as of NOW. */
  const setObjectiveNow = (input: Omit<Parameters<typeof setObjective>[1], 'now'>) =>
    setObjective(db(), { ...input, now: NOW });
  beforeEach(async () => {
    await givenStaff(db(), 'U0MGR', 'manager', 'Marie');
    await givenPartner(db(), { id: 'acme', name: 'Acme' });
    await givenPartner(db(), { id: 'beta', name: 'Beta' });
    await givenContact(db(), { partnerId: 'acme', slackUserId: 'U0ACME', name: 'Ann', profile: 'sales' });
  });

  it('keeps an objective and a forecast on one row per partner and quarter, either set first', async () => {
    await repos().salesObjectives.setForecast(
      {
        partnerId: 'acme',
        quarter: '2026-Q3',
        forecastCents: 280_000,
        forecastOn: '2026-07-03',
        by: 'U0ACME',
      },
      NOW,
    );
    await repos().salesObjectives.setObjective(
      { partnerId: 'acme', quarter: '2026-Q3', objectiveCents: 250_000, by: 'U0MGR' },
      NOW,
    );
    await repos().salesObjectives.setObjective(
      { partnerId: 'beta', quarter: '2026-Q2', objectiveCents: 10_000, by: 'U0MGR' },
      NOW,
    );
    expect((await depthRows('acme'))?.plans).toMatchObject([
      { quarter: '2026-Q3', objectiveCents: 250_000, forecastCents: 280_000, forecastOn: '2026-07-03' },
    ]);
    expect((await depthRows('beta'))?.plans).toMatchObject([{ quarter: '2026-Q2', objectiveCents: 10_000 }]);
  });

  it('lists plan reviews latest first, per partner', async () => {
    await repos().planReviews.add({
      partnerId: 'acme',
      reviewedOn: '2026-04-02',
      note: 'a',
      reviewedBy: 'U0MGR',
    });
    await repos().planReviews.add({
      partnerId: 'acme',
      reviewedOn: '2026-07-01',
      note: 'b',
      reviewedBy: 'U0MGR',
    });
    expect((await depthRows('acme'))?.reviews.map((r) => r.note)).toEqual(['b', 'a']);
    expect((await depthRows('beta'))?.reviews).toEqual([]);
  });

  it('loads the depth of a partner: objectives, reviews and revenue back to the quarters still shown', async () => {
    await setObjectiveNow({ by: 'U0MGR', partnerId: 'acme', quarter: '2026-Q3', amount: '2 500' });
    const depthOf = async (id: string) => {
      const rows = await depthRows(id);
      return rows && depthFactsOf(rows);
    };
    expect((await depthOf('acme'))!.plans).toEqual([
      { quarter: '2026-Q3', objectiveCents: 250_000, forecastCents: null, forecastOn: null },
    ]);
    expect(await depthOf('beta')).toEqual({ plans: [], reviews: [], lines: [], uses: [] });
  });

  it('sets an objective (staff), audited; a contact may not', async () => {
    const refused = await setObjectiveNow({
      by: 'U0ACME',
      partnerId: 'acme',
      quarter: '2026-Q3',
      amount: '1',
    });
    expect(refused).toEqual({ ok: false, issues: [{ code: 'not-allowed' }] });
    const set = await setObjectiveNow({
      by: 'U0MGR',
      partnerId: 'acme',
      quarter: '2026-q3',
      amount: '2 500,50',
    });
    expect(set).toMatchObject({
      ok: true,
      value: { code: '2026-Q3', amountCents: 250_050, previousCents: null },
    });
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'sales.objective'));
    expect(audits).toMatchObject([
      { actor: 'U0MGR', partnerId: 'acme', details: { quarter: '2026-Q3', objectiveCents: 250_050 } },
    ]);
  });

  it('refuses a bad quarter and a bad amount together, writing nothing', async () => {
    const result = await setObjectiveNow({
      by: 'U0MGR',
      partnerId: 'acme',
      quarter: '2026-Q5',
      amount: 'lots',
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        { code: 'quarter-invalid', value: '2026-Q5' },
        { code: 'amount-invalid', value: 'lots' },
      ],
    });
    expect(await db().select().from(salesObjectives)).toEqual([]);
  });

  it('takes a contact’s forecast for its own partner, dated today and judged in time; not another’s', async () => {
    const own = await giveForecast(
      db(),
      catalog,
      { by: 'U0ACME', partnerId: 'acme', quarter: '2026-Q3', amount: '2 800', now: NOW },
      '2026-07-10',
    );
    expect(own).toMatchObject({
      ok: true,
      value: { givenOn: '2026-07-10', inTime: true, deadline: '2026-07-16' },
    });
    const other = await giveForecast(
      db(),
      catalog,
      { by: 'U0ACME', partnerId: 'beta', quarter: '2026-Q3', amount: '1', now: NOW },
      '2026-07-10',
    );
    expect(other).toEqual({ ok: false, issues: [{ code: 'own-partner-only' }] });
    const ended = await giveForecast(
      db(),
      catalog,
      { by: 'U0MGR', partnerId: 'acme', quarter: '2026-Q2', amount: '1', now: NOW },
      '2026-07-10',
    );
    expect(ended).toEqual({ ok: false, issues: [{ code: 'quarter-ended', value: '2026-Q2' }] });
    expect(await db().select().from(salesObjectives)).toMatchObject([
      { partnerId: 'acme', forecastBy: 'U0ACME' },
    ]);
  });

  it('records a plan review with its note, and refuses an empty one', async () => {
    expect(
      await recordPlanReview(db(), { by: 'U0MGR', partnerId: 'acme', note: '  ' }, '2026-07-10'),
    ).toEqual({
      ok: false,
      issues: [{ code: 'note-missing' }],
    });
    expect(
      await recordPlanReview(db(), { by: 'U0MGR', partnerId: 'acme', note: 'plan  revu' }, '2026-07-10'),
    ).toMatchObject({
      ok: true,
      value: { quarter: '2026-Q3', note: 'plan revu' },
    });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'sales.review'))).toHaveLength(1);
  });

  it('imports objectives and forecasts; an empty amount keeps what is there; the same file again changes nothing', async () => {
    await setObjectiveNow({ by: 'U0MGR', partnerId: 'beta', quarter: '2026-Q3', amount: '900' });
    const file = csvFile([
      'partner_id;quarter;objective_eur;forecast_eur',
      'acme;2026-Q3;2 500;2 800',
      'beta;2026-T3;;1 000',
    ]);
    const options = { kind: 'objectives' as const, file, actor: 'cli:test', today: '2026-07-10' };
    expect(await importCsv(db(), catalog, options)).toMatchObject({ inserted: 1, updated: 1 });
    const rows = await db().select().from(salesObjectives).orderBy(asc(salesObjectives.partnerId));
    expect(rows).toMatchObject([
      { partnerId: 'acme', objectiveCents: 250_000, forecastCents: 280_000, forecastOn: '2026-07-10' },
      { partnerId: 'beta', objectiveCents: 90_000, forecastCents: 100_000, forecastOn: '2026-07-10' },
    ]);
    expect(await importCsv(db(), catalog, { ...options, today: '2026-07-20' })).toMatchObject({
      inserted: 0,
      updated: 0,
    });
    expect(
      (await db().select().from(salesObjectives).orderBy(asc(salesObjectives.partnerId)))[0]!.forecastOn,
    ).toBe('2026-07-10');
  });

  it('rejects an objectives file with a bad quarter or no amount at all, line by line', async () => {
    const file = csvFile([
      'partner_id,quarter,objective_eur,forecast_eur',
      'acme,2026-07,1,',
      'acme,2026-Q4,,',
    ]);
    const error = await importCsv(db(), catalog, {
      kind: 'objectives',
      file,
      actor: 'cli:test',
      today: '2026-07-10',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(inWords((error as ImportRejected).issues)).toMatchObject([
      { line: 2, column: 'quarter', message: expect.stringMatching(/2026-07.*not a quarter/) },
      { line: 3, column: 'objective_eur', message: 'give objective_eur or forecast_eur (or both)' },
    ]);
    expect(await db().select().from(salesObjectives)).toEqual([]);
  });
});
