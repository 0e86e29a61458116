import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { lastEvaluation, type Semester } from '../program/semesters.js';
import { tierIndex } from '../program/tiers.js';

export interface EvaluatedPartner {
  partnerId: string;
  name: string;
  previousTier: string;
  tier: string;
  averageCents: number;
  activeMonths: number;
  /** False when this semester was already recorded for the partner before this run. */
  recordedNow: boolean;
}

export interface EvaluationResult {
  semester: Semester;
  catalogVersion: string;
  dryRun: boolean;
  partners: EvaluatedPartner[];
  /** Partners whose tier changed in this run (empty on a rerun). */
  changes: EvaluatedPartner[];
  promotions: number;
  demotions: number;
  unchanged: number;
}

export interface EvaluateOptions {
  asOf: IsoDate;
  dryRun: boolean;
  actor: string;
  /**
   * Called in the evaluation's transaction once it is recorded (not on a dry run): whatever it writes
   * (the announcements queued in the outbox) commits or rolls back with the evaluation.
   */
  onRecorded?: (tx: Db, result: EvaluationResult) => Promise<void>;
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
export async function evaluateSemester(
  db: Db,
  catalog: Catalog,
  options: EvaluateOptions,
): Promise<EvaluationResult> {
  const semester = lastEvaluation(catalog, options.asOf);
  const run = async (tx: Db) => {
    const rows = rowsOf<Row>(await tx.execute(evaluationQuery(catalog, semester, options)));
    const partners = rows
      .map((r) => ({
        partnerId: r.partner_id,
        name: r.name,
        previousTier: r.previous_tier,
        tier: r.tier,
        averageCents: Number(r.average_cents),
        activeMonths: Number(r.active_months),
        recordedNow: r.recorded_now,
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.partnerId.localeCompare(b.partnerId));
    const changes = partners.filter((p) => p.recordedNow && p.tier !== p.previousTier);
    const promotions = changes.filter(
      (p) => tierIndex(catalog, p.tier) > tierIndex(catalog, p.previousTier),
    ).length;
    const result: EvaluationResult = {
      semester,
      catalogVersion: catalog.version,
      dryRun: options.dryRun,
      partners,
      changes,
      promotions,
      demotions: changes.length - promotions,
      unchanged: partners.length - changes.length,
    };
    if (!options.dryRun && partners.some((p) => p.recordedNow)) {
      await tx.insert(auditLog).values({
        actor: options.actor,
        action: 'evaluation.run',
        details: {
          semester: semester.code,
          promotions,
          demotions: result.demotions,
          catalogVersion: catalog.version,
        },
      });
    }
    if (!options.dryRun && options.onRecorded) await options.onRecorded(tx, result);
    return result;
  };
  return transaction(db, async (tx) => {
    // One statement aggregates and sorts every partner: give it room to do so in memory. No JIT: the
    // planner's estimate for the statement (a join of two CTEs it cannot see into) is far above
    // jit_above_cost, and compiling took 0.8 s of the 4.4 s at 100 000 partners for nothing
    // (bench/PERFORMANCE.md).
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local jit = off`);
    return run(tx);
  });
}

function evaluationQuery(catalog: Catalog, semester: Semester, options: EvaluateOptions) {
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
