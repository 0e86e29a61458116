import { sql } from 'drizzle-orm';
import type { Catalog } from '../../program/catalog.schema.js';
import type { Semester } from '../../program/semesters.js';
import { type Db, rowsOf } from '../client.js';

/** One partner as a semester evaluation found it. */
export interface EvaluatedPartnerRow {
  partnerId: string;
  name: string;
  previousTier: string;
  tier: string;
  averageCents: number;
  activeMonths: number;
  /** False when this semester was already recorded for the partner before this run. */
  recordedNow: boolean;
}

export interface EvaluationRun {
  /** Compute only: nothing recorded, nothing moved. */
  dryRun: boolean;
  /** Who tier_history names. */
  actor: string;
}

interface Row {
  partner_id: string;
  name: string;
  previous_tier: string;
  tier: string;
  average_cents: string | number;
  active_months: number;
  recorded_now: boolean;
}

/**
 * The semester re-evaluation, set-based: one statement computes every partner's average over the
 * evaluated window, records it in tier_history (once per partner and semester) and moves the tiers.
 * A partner's average reaches a threshold when total >= threshold x active months, so no rounding
 * of the average can move a partner across a boundary.
 */
export function createEvaluationRepository(db: Db) {
  return {
    /**
     * Settings for the evaluation's transaction (`set local`: call it inside one). The statement
     * aggregates and sorts every partner: give it room to do so in memory. No JIT: the planner's estimate
     * for the statement (a join of two CTEs it cannot see into) is far above jit_above_cost, and compiling
     * took 0.8 s of the 4.4 s at 100 000 partners for nothing (bench/PERFORMANCE.md).
     */
    async tuneTransaction(): Promise<void> {
      await db.execute(sql`set local work_mem = '64MB'`);
      await db.execute(sql`set local jit = off`);
    },

    /**
     * Every partner that joined before the evaluation, with the tier the semester gives it: recorded and
     * moved unless `dryRun`; a partner already evaluated for the semester keeps what was recorded.
     * In no particular order.
     */
    async evaluate(catalog: Catalog, semester: Semester, run: EvaluationRun): Promise<EvaluatedPartnerRow[]> {
      const rows = rowsOf<Row>(await db.execute(evaluationQuery(catalog, semester, run)));
      return rows.map((r) => ({
        partnerId: r.partner_id,
        name: r.name,
        previousTier: r.previous_tier,
        tier: r.tier,
        averageCents: Number(r.average_cents),
        activeMonths: Number(r.active_months),
        recordedNow: r.recorded_now,
      }));
    },
  };
}

export type EvaluationRepository = ReturnType<typeof createEvaluationRepository>;

function evaluationQuery(catalog: Catalog, semester: Semester, options: EvaluationRun) {
  // Sum each counted category per partner in one pass over the window, then add up the ones each
  // partnership type counts: no join of the revenue lines to the partners.
  const counted = [...new Set(catalog.partnershipTypes.flatMap((t) => t.basis.categories))];
  const sums = sql.join(
    counted.map(
      (c) =>
        sql`coalesce(sum(amount_cents) filter (where category = ${c}), 0)::bigint as ${sql.identifier(c)}`,
    ),
    sql`, `,
  );
  const basisTotal = sql`case p.type ${sql.join(
    catalog.partnershipTypes.map(
      (t) =>
        sql`when ${t.code} then ${sql.join(
          t.basis.categories.map((c) => sql`coalesce(t.${sql.identifier(c)}, 0)`),
          sql` + `,
        )}`,
    ),
    sql` `,
  )} else 0 end`;
  // The tier for a total over some active months, highest threshold first, as one CASE expression:
  // total >= threshold x months, so the average is never rounded across a boundary.
  const tierForTotal = sql`case a.type ${sql.join(
    catalog.partnershipTypes.map(
      (t) =>
        sql`when ${t.code} then case ${sql.join(
          [...catalog.tiers]
            .reverse()
            .map(
              (tier) =>
                sql`when a.total >= ${Math.round(tier.minMonthlyEur[t.code] * 100)}::bigint * a.active_months then ${tier.code}`,
            ),
          sql` `,
        )} end`,
    ),
    sql` `,
  )} end`;
  const first = semester.firstMonth;
  const last = semester.lastMonth;
  const computed = sql`
    totals as (
      select partner_id, ${sums}
      from revenue_lines
      where month between ${first}::date and ${last}::date and category in (${sql.join(
        counted.map((c) => sql`${c}`),
        sql`, `,
      )})
      group by partner_id
    ),
    active as (
      select p.id, p.name, p.type, p.tier as previous_tier, (${basisTotal})::bigint as total,
        greatest(1, (extract(year from ${last}::date) - extract(year from m.start)) * 12
          + extract(month from ${last}::date) - extract(month from m.start) + 1)::int as active_months
      from partners p
      cross join lateral (select greatest(${first}::date, date_trunc('month', p.joined_on)::date) as start) m
      left join totals t on t.partner_id = p.id
      where p.joined_on < ${semester.evaluationOn}::date
    ),
    computed as (
      select a.*, round(a.total::numeric / a.active_months)::bigint as average_cents,
        ${tierForTotal} as tier
      from active a
    )`;
  if (options.dryRun) {
    return sql`
      with ${computed}
      select c.id as partner_id, c.name, coalesce(h.previous_tier, c.previous_tier) as previous_tier,
        coalesce(h.tier, c.tier) as tier, coalesce(h.average_cents, c.average_cents) as average_cents,
        coalesce(h.active_months, c.active_months) as active_months, h.id is null as recorded_now
      from computed c
      left join tier_history h on h.partner_id = c.id and h.kind = 'evaluation' and h.semester = ${semester.code}`;
  }
  return sql`
    with ${computed},
    inserted as (
      insert into tier_history (partner_id, kind, semester, effective_on, average_cents, active_months,
        computed_tier, previous_tier, tier, actor, catalog_version)
      select c.id, 'evaluation', ${semester.code}, ${semester.evaluationOn}::date, c.average_cents, c.active_months,
        c.tier, c.previous_tier, c.tier, ${options.actor}, ${catalog.version}
      from computed c
      on conflict (partner_id, semester) where kind = 'evaluation' do nothing
      returning partner_id, previous_tier, tier, average_cents, active_months
    ),
    moved as (
      update partners p set tier = i.tier, tier_since = ${semester.evaluationOn}::date, updated_at = now()
      from inserted i
      where p.id = i.partner_id and i.tier <> i.previous_tier
      returning p.id
    )
    select i.partner_id, c.name, i.previous_tier, i.tier, i.average_cents, i.active_months, true as recorded_now
    from inserted i join computed c on c.id = i.partner_id
    union all
    select h.partner_id, c.name, h.previous_tier, h.tier, h.average_cents, h.active_months, false
    from tier_history h join computed c on c.id = h.partner_id
    where h.kind = 'evaluation' and h.semester = ${semester.code}
      and not exists (select 1 from inserted i where i.partner_id = h.partner_id)`;
}
