import { type SQL, sql } from 'drizzle-orm';
import type { Catalog } from '../../program/catalog.schema.js';
import type { EvaluationOutcome } from '../../program/evaluation.js';
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
  /** What the row did: applied, pending (awaiting approval), not-evaluated (too recent), override-stands. */
  outcome: EvaluationOutcome;
  /** The tier the semester computed (null when too recent to judge). */
  computedTier: string | null;
  /** False when this semester was already recorded for the partner before this run. */
  recordedNow: boolean;
}

export interface EvaluationRun {
  /** Compute only: nothing recorded, nothing moved. */
  dryRun: boolean;
  /** Who tier_history names. */
  actor: string;
  /** EVALUATION_APPROVAL: a computed change waits as 'pending', the partner keeps its tier. */
  approval?: boolean;
}

interface Row {
  partner_id: string;
  name: string;
  previous_tier: string;
  tier: string;
  average_cents: string | number;
  active_months: number;
  outcome: EvaluationOutcome;
  computed_tier: string | null;
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
     * An admin approved the semester: every pending evaluation row is applied, set-based. The partners move
     * to the computed tier from the evaluation date; a partner whose tier was overridden after its row was
     * recorded keeps the override (the row becomes 'override-stands'). Returns how many rows were applied.
     */
    async applyPending(semesterCode: string, now: Date): Promise<number> {
      const rows = rowsOf<{ n: number | string }>(
        await db.execute(sql`
          with decided as (
            update tier_history h set outcome = case when exists (
                select 1 from tier_history o
                where o.partner_id = h.partner_id and o.kind = 'override'
                  and (o.semester = h.semester or o.created_at > h.created_at)
              ) then 'override-stands' else 'applied' end
            where h.kind = 'evaluation' and h.semester = ${semesterCode} and h.outcome = 'pending'
            returning h.partner_id, h.tier, h.previous_tier, h.effective_on, h.outcome
          ),
          moved as (
            update partners p set tier = d.tier, tier_since = d.effective_on, updated_at = ${now.toISOString()}::timestamptz
            from decided d
            where p.id = d.partner_id and d.outcome = 'applied' and d.tier <> d.previous_tier
            returning p.id
          )
          select count(*) filter (where outcome = 'applied') as n from decided`),
      );
      return Number(rows[0]?.n ?? 0);
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
        outcome: r.outcome,
        computedTier: r.computed_tier,
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
  const evaluationOn = semester.evaluationOn;
  const monthsTo = (from: SQL) =>
    sql`((extract(year from ${last}::date) - extract(year from ${from})) * 12
          + extract(month from ${last}::date) - extract(month from ${from}) + 1)`;
  // Per partner: the first counted month (the later of the window's first month and the join month: the
  // revenue of months before it never counts) and the first whole month (the join month when it joined on
  // the 1st, else the month after). Partners that left on or before the evaluation date are not evaluated.
  const computed = sql`
    eligible as (
      select p.id, p.name, p.type, p.tier as previous_tier,
        greatest(${first}::date, date_trunc('month', p.joined_on)::date) as start,
        greatest(${first}::date, case when extract(day from p.joined_on) = 1 then p.joined_on
          else (date_trunc('month', p.joined_on) + interval '1 month')::date end) as whole_start
      from partners p
      where p.joined_on < ${evaluationOn}::date
        and (p.left_on is null or p.left_on > ${evaluationOn}::date)
    ),
    totals as (
      select r.partner_id, ${sums}
      from revenue_lines r join eligible e on e.id = r.partner_id
      where r.month between ${first}::date and ${last}::date and r.month >= e.start
        and r.category in (${sql.join(
          counted.map((c) => sql`${c}`),
          sql`, `,
        )})
      group by r.partner_id
    ),
    overridden as (
      -- Overrides effective on or after the evaluation date (a late run), other than this semester's
      -- approval overrides: they stand.
      select distinct partner_id from tier_history
      where kind = 'override' and effective_on >= ${evaluationOn}::date
        and semester is distinct from ${semester.code}
    ),
    active as (
      select p.id, p.name, p.type, p.previous_tier, (${basisTotal})::bigint as total,
        greatest(1, ${monthsTo(sql`p.start`)})::int as active_months,
        greatest(0, ${monthsTo(sql`p.whole_start`)})::int as whole_months,
        o.partner_id is not null as overridden_after
      from eligible p
      left join totals t on t.partner_id = p.id
      left join overridden o on o.partner_id = p.id
    ),
    judged as (
      select a.*, floor(a.total::numeric / a.active_months)::bigint as average_cents,
        ${tierForTotal} as computed_tier
      from active a
    ),
    computed as (
      select j.id, j.name, j.previous_tier, j.average_cents, j.active_months, o.outcome,
        case when o.outcome = 'not-evaluated' then null else j.computed_tier end as computed_tier,
        case when o.outcome in ('not-evaluated', 'override-stands') then j.previous_tier
          else j.computed_tier end as tier
      from judged j
      cross join lateral (select case
        when j.whole_months < ${catalog.evaluation.minimumMonths}::int then 'not-evaluated'
        when j.overridden_after then 'override-stands'
        when ${sql.raw(options.approval ? 'true' : 'false')} and j.computed_tier <> j.previous_tier then 'pending'
        else 'applied' end as outcome) o
    )`;
  if (options.dryRun) {
    return sql`
      with ${computed}
      select c.id as partner_id, c.name, coalesce(h.previous_tier, c.previous_tier) as previous_tier,
        coalesce(h.tier, c.tier) as tier, coalesce(h.average_cents, c.average_cents) as average_cents,
        coalesce(h.active_months, c.active_months) as active_months,
        case when h.id is null then c.outcome else h.outcome end as outcome,
        case when h.id is null then c.computed_tier else h.computed_tier end as computed_tier,
        h.id is null as recorded_now
      from computed c
      left join tier_history h on h.partner_id = c.id and h.kind = 'evaluation' and h.semester = ${semester.code}`;
  }
  return sql`
    with ${computed},
    inserted as (
      insert into tier_history (partner_id, kind, semester, effective_on, average_cents, active_months,
        computed_tier, previous_tier, tier, outcome, actor, catalog_version)
      select c.id, 'evaluation', ${semester.code}, ${evaluationOn}::date, c.average_cents, c.active_months,
        c.computed_tier, c.previous_tier, c.tier, c.outcome, ${options.actor}, ${catalog.version}
      from computed c
      on conflict (partner_id, semester) where kind = 'evaluation' do nothing
      returning partner_id, previous_tier, tier, average_cents, active_months, outcome, computed_tier
    ),
    moved as (
      update partners p set tier = i.tier, tier_since = ${evaluationOn}::date, updated_at = now()
      from inserted i
      where p.id = i.partner_id and i.outcome = 'applied' and i.tier <> i.previous_tier
      returning p.id
    )
    select i.partner_id, c.name, i.previous_tier, i.tier, i.average_cents, i.active_months, i.outcome,
      i.computed_tier, true as recorded_now
    from inserted i join computed c on c.id = i.partner_id
    union all
    select h.partner_id, c.name, h.previous_tier, h.tier, h.average_cents, h.active_months, h.outcome,
      h.computed_tier, false
    from tier_history h join computed c on c.id = h.partner_id
    where h.kind = 'evaluation' and h.semester = ${semester.code}
      and not exists (select 1 from inserted i where i.partner_id = h.partner_id)`;
}
