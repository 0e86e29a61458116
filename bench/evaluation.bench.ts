import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client.js';
import { loadCatalog } from '../src/program/catalog.load.js';
import { lastEvaluation } from '../src/program/semesters.js';
import { evaluateSemester } from '../src/services/evaluation.service.js';
import { generateDataset } from './dataset.js';
import { benchPostgres, round, timed } from './support.js';

/** The semester evaluation of N partners beside a plain SQL aggregate over the same window. */
export async function benchEvaluation(partners: number) {
  const catalog = loadCatalog();
  const database = await benchPostgres();
  try {
    const asOf = '2026-07-01';
    const semester = lastEvaluation(catalog, asOf);
    const setup = await timed(() =>
      generateDataset(database.db, {
        partners,
        contactsPerPartner: 1,
        months: 6,
        lastMonth: semester.lastMonth,
      }),
    );
    // Warm both plans and caches alike, then measure the baseline and the evaluation.
    const aggregate = () =>
      database.db.execute(sql`
        select partner_id, sum(amount_cents) from revenue_lines
        where month between ${semester.firstMonth}::date and ${semester.lastMonth}::date
          and category in ('recurring', 'one_off')
        group by partner_id`);
    await aggregate();
    const baseline = await timed(aggregate);
    await evaluateSemester(database.db, catalog, { asOf, dryRun: true, actor: 'bench' });
    const run = await timed(() =>
      evaluateSemester(database.db, catalog, { asOf, dryRun: false, actor: 'bench' }),
    );
    const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from tier_history`),
    );
    return {
      partners,
      revenueRows: partners * 6 * 4,
      setupSeconds: round(setup.ms / 1000),
      evaluationSeconds: round(run.ms / 1000, 2),
      baselineAggregateSeconds: round(baseline.ms / 1000, 2),
      ratio: round(run.ms / baseline.ms, 2),
      recorded: n,
      promotions: run.value.promotions,
      demotions: run.value.demotions,
    };
  } finally {
    await database.drop();
  }
}
