import { and, asc, desc, eq, gt, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.js';
import { type PartnerStatusDetails, partnerStatuses, partners } from '../schema.js';
import type { PartnerRow } from './partners.repository.js';

export type PartnerStatusRow = typeof partnerStatuses.$inferSelect;

/** A partner's figures as the rules computed them (what `save` writes). */
export type PartnerStatusFigures = Omit<
  PartnerStatusRow,
  'partnerId' | 'generation' | 'computedGeneration' | 'computedFor' | 'computedWith'
>;

/** A partner whose snapshot must be computed again, and the generation its facts are at. */
export interface StaleStatus {
  partnerId: string;
  generation: number;
}

/** Whose partners: a manager's, or every partner (undefined). */
export type PortfolioScope = { managedBy: string | undefined };

/** The portfolio filters answered from the snapshot. */
export type SnapshotFilter =
  | { kind: 'all' }
  | { kind: 'tier'; tier: string }
  | { kind: 'overdue' }
  | { kind: 'at-risk' }
  | { kind: 'left' }
  | { kind: 'within-reach' };

export interface PartnerWithStatus {
  partner: PartnerRow;
  status: PartnerStatusRow;
}

/** A digest row as the query gives it: the details it needs in one object. */
type DigestRowRead = Omit<DigestStatusRow, 'overdueItems' | 'missedItems' | 'depth'> & {
  items: {
    overdue: PartnerStatusDetails['overdue'];
    missed: PartnerStatusDetails['missed'];
    depth: PartnerStatusDetails['depth'] | null;
  } | null;
};

/** How many lines of each section the digest reads per manager (what a message can show). */
export type DigestCaps = Record<'demotions' | 'promotions' | 'overdue' | 'missed', number>;

/** What the digest reads of a partner and its snapshot. */
export type DigestStatusRow = Pick<PartnerRow, 'name' | 'type' | 'tier'> & { manager: string } & Pick<
    PartnerStatusRow,
    'averageSoFarCents' | 'demotionTo' | 'missingToKeepCents' | 'promotionTo' | 'missingForNextCents'
  > & {
    /** The partner's overdue items and missed duties that are still under the cap, in order. */
    overdueItems: PartnerStatusDetails['overdue'];
    missedItems: PartnerStatusDetails['missed'];
    /** Its program-depth lines, whatever the cap (a digest counts them all). */
    depth: PartnerStatusDetails['depth'] | null;
    /** The manager's lines of each section before this partner's, and in all. */
    demotionsBefore: number;
    promotionsBefore: number;
    overdueBefore: number;
    missedBefore: number;
    demotionsTotal: number;
    promotionsTotal: number;
    overdueTotal: number;
    missedTotal: number;
  };

/**
 * The status snapshot (schema.ts, partner_statuses): which rows are stale for a day, saving what the rules
 * computed unless the facts moved meanwhile, and the portfolio queries over fresh rows.
 */
export function createPartnerStatusesRepository(db: Db) {
  const scoped = (scope: PortfolioScope): SQL | undefined =>
    scope.managedBy === undefined ? undefined : eq(partners.managerSlackUserId, scope.managedBy);
  const filtered = (filter: SnapshotFilter): SQL | undefined => {
    switch (filter.kind) {
      case 'all':
        return eq(partnerStatuses.hasLeft, false);
      case 'tier':
        return and(eq(partnerStatuses.hasLeft, false), eq(partners.tier, filter.tier));
      case 'overdue':
        return and(eq(partnerStatuses.hasLeft, false), gt(partnerStatuses.overdue, 0));
      case 'at-risk':
        return and(eq(partnerStatuses.hasLeft, false), isNotNull(partnerStatuses.demotionTo));
      case 'left':
        return eq(partnerStatuses.hasLeft, true);
      case 'within-reach':
        // As the digest counts it: not at risk, and the rules found a promotion within reach.
        return and(
          eq(partnerStatuses.hasLeft, false),
          isNull(partnerStatuses.demotionTo),
          isNotNull(partnerStatuses.promotionTo),
        );
    }
  };
  const joined = () =>
    db
      .select({ partner: partners, status: partnerStatuses })
      .from(partners)
      .innerJoin(partnerStatuses, eq(partnerStatuses.partnerId, partners.id))
      .$dynamic();
  const counted = () =>
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(partners)
      .innerJoin(partnerStatuses, eq(partnerStatuses.partnerId, partners.id))
      .$dynamic();

  return {
    /**
     * Partners (of the scope) whose snapshot is not fresh for `day` with the rules `rulesKey`, with the
     * generation of their facts.
     */
    async stale(day: string, rulesKey: string, scope: PortfolioScope): Promise<StaleStatus[]> {
      // A partner gets its row when it is inserted (trigger); one without (never expected) is stale at 0.
      return db
        .select({
          partnerId: partners.id,
          generation: sql<number>`coalesce(${partnerStatuses.generation}, 0)::int`,
        })
        .from(partners)
        .leftJoin(partnerStatuses, eq(partnerStatuses.partnerId, partners.id))
        .where(
          and(
            scoped(scope),
            or(
              sql`${partnerStatuses.computedFor} is distinct from ${day}::date`,
              sql`${partnerStatuses.computedWith} is distinct from ${rulesKey}`,
              sql`${partnerStatuses.computedGeneration} is distinct from ${partnerStatuses.generation}`,
            ),
          ),
        )
        .orderBy(asc(partners.id));
    },

    /**
     * Saves figures computed for `day` from the facts at `generation`; a row whose facts were written since
     * (its generation moved) is left stale. Returns how many rows were saved.
     */
    async save(day: string, rulesKey: string, rows: (PartnerStatusFigures & StaleStatus)[]): Promise<number> {
      if (rows.length === 0) return 0;
      // The rows go as one JSON parameter: building an insert of thousands of parameters held the event
      // loop for tens of ms per chunk (the daily refresh saves every partner).
      const payload = JSON.stringify(
        rows.map((r) => ({
          partner_id: r.partnerId,
          generation: r.generation,
          has_left: r.hasLeft,
          overdue: r.overdue,
          missed: r.missed,
          average_so_far_cents: r.averageSoFarCents,
          demotion_to: r.demotionTo,
          missing_to_keep_cents: r.missingToKeepCents,
          promotion_to: r.promotionTo,
          missing_for_next_cents: r.missingForNextCents,
          details: r.details,
        })),
      );
      const saved = await db.execute(sql`
        insert into partner_statuses as s (partner_id, generation, computed_generation, computed_for,
          computed_with, has_left, overdue, missed, average_so_far_cents, demotion_to, missing_to_keep_cents,
          promotion_to, missing_for_next_cents, details)
        select r.partner_id, r.generation, r.generation, ${day}::date, ${rulesKey}, r.has_left, r.overdue,
          r.missed, r.average_so_far_cents, r.demotion_to, r.missing_to_keep_cents, r.promotion_to,
          r.missing_for_next_cents, r.details
        from jsonb_to_recordset(${payload}::jsonb) as r(partner_id text, generation bigint, has_left boolean,
          overdue integer, missed integer, average_so_far_cents bigint, demotion_to text,
          missing_to_keep_cents bigint, promotion_to text, missing_for_next_cents bigint, details jsonb)
        on conflict (partner_id) do update set
          computed_generation = excluded.computed_generation, computed_for = excluded.computed_for,
          computed_with = excluded.computed_with, has_left = excluded.has_left, overdue = excluded.overdue,
          missed = excluded.missed, average_so_far_cents = excluded.average_so_far_cents,
          demotion_to = excluded.demotion_to, missing_to_keep_cents = excluded.missing_to_keep_cents,
          promotion_to = excluded.promotion_to, missing_for_next_cents = excluded.missing_for_next_cents,
          details = excluded.details
        where s.generation = excluded.generation
        returning s.partner_id`);
      return rowsOf(saved).length;
    },

    /** How many partners of the scope pass the filter. */
    async count(scope: PortfolioScope, filter: SnapshotFilter): Promise<number> {
      const [row] = await counted().where(and(scoped(scope), filtered(filter)));
      return row?.count ?? 0;
    },

    /** A page of the scope's partners passing the filter, by name. */
    page(
      scope: PortfolioScope,
      filter: SnapshotFilter,
      page: { offset: number; limit: number },
    ): Promise<PartnerWithStatus[]> {
      return joined()
        .where(and(scoped(scope), filtered(filter)))
        .orderBy(asc(partners.name), asc(partners.id))
        .limit(page.limit)
        .offset(page.offset);
    },

    /** The scope's partners still in the program, by tier. */
    async tierCounts(scope: PortfolioScope): Promise<Map<string, number>> {
      const rows = await db
        .select({ tier: partners.tier, count: sql<number>`count(*)::int` })
        .from(partners)
        .innerJoin(partnerStatuses, eq(partnerStatuses.partnerId, partners.id))
        .where(and(scoped(scope), filtered({ kind: 'all' })))
        .groupBy(partners.tier);
      return new Map(rows.map((r) => [r.tier, r.count]));
    },

    /** The partners with the most overdue items first (then by name), at most `limit`. */
    mostOverdue(scope: PortfolioScope, limit: number): Promise<PartnerWithStatus[]> {
      return joined()
        .where(and(scoped(scope), filtered({ kind: 'overdue' })))
        .orderBy(desc(partnerStatuses.overdue), asc(partners.name), asc(partners.id))
        .limit(limit);
    },

    /** The partners at risk of a demotion, the largest shortfall first (then by name), at most `limit`. */
    mostAtRisk(scope: PortfolioScope, limit: number): Promise<PartnerWithStatus[]> {
      return joined()
        .where(and(scoped(scope), filtered({ kind: 'at-risk' })))
        .orderBy(desc(partnerStatuses.missingToKeepCents), asc(partners.name), asc(partners.id))
        .limit(limit);
    },

    /**
     * What goes in the managers' digests: managed partners still in the program with a demotion, a
     * promotion within reach, overdue items, missed quarters or a program-depth line, by name. Per manager
     * and section only the lines under the section's cap are read (a message shows no more), with each
     * section's totals: a partner comes back only while one of its sections is under its cap (or for its
     * depth lines), and with only its overdue items and missed duties still under the cap.
     */
    forDigest(caps: DigestCaps): Promise<DigestStatusRow[]> {
      // The windows sort narrow columns only (a materialized CTE, or the planner drags every row's details
      // through the sorts); the details are read, sliced, for the rows kept, already in order. "Before"
      // is the running total up to the row minus the row: a frame ending at `1 preceding` is aggregated
      // anew for every row (quadratic per manager: 6 s at 10 000 partners).
      return db
        .execute(sql`
          with statuses as materialized (
            select s.partner_id, s.average_so_far_cents, s.demotion_to, s.missing_to_keep_cents,
              s.promotion_to, s.missing_for_next_cents, s.overdue, s.missed,
              s.details -> 'depth' is not null as has_depth
            from partner_statuses s
            where not s.has_left
              and (s.demotion_to is not null or s.promotion_to is not null or s.overdue > 0 or s.missed > 0
                or s.details -> 'depth' is not null)
          ), lines as (
            select p.id, p.name, p.manager_slack_user_id as manager, p.type, p.tier,
              s.average_so_far_cents::float8 as "averageSoFarCents", s.demotion_to as "demotionTo",
              s.missing_to_keep_cents::float8 as "missingToKeepCents", s.promotion_to as "promotionTo",
              s.missing_for_next_cents::float8 as "missingForNextCents", s.overdue, s.missed, s.has_depth,
              (count(*) filter (where s.demotion_to is not null) over upto
                - (s.demotion_to is not null)::int)::int as "demotionsBefore",
              (count(*) filter (where s.demotion_to is null and s.promotion_to is not null) over upto
                - (s.demotion_to is null and s.promotion_to is not null)::int)::int as "promotionsBefore",
              (sum(s.overdue) over upto - s.overdue)::int as "overdueBefore",
              (sum(s.missed) over upto - s.missed)::int as "missedBefore",
              (count(*) filter (where s.demotion_to is not null) over everyone)::int as "demotionsTotal",
              (count(*) filter (where s.demotion_to is null and s.promotion_to is not null) over everyone)::int
                as "promotionsTotal",
              (sum(s.overdue) over everyone)::int as "overdueTotal",
              (sum(s.missed) over everyone)::int as "missedTotal"
            from partners p join statuses s on s.partner_id = p.id
            where p.manager_slack_user_id is not null
            window upto as (partition by p.manager_slack_user_id order by p.name, p.id
                rows between unbounded preceding and current row),
              everyone as (partition by p.manager_slack_user_id)
          ), kept as (
            select * from lines l
            where (l."demotionTo" is not null and l."demotionsBefore" < ${caps.demotions})
              or (l."demotionTo" is null and l."promotionTo" is not null and l."promotionsBefore" < ${caps.promotions})
              or (l.overdue > 0 and l."overdueBefore" < ${caps.overdue})
              or (l.missed > 0 and l."missedBefore" < ${caps.missed})
              or l.has_depth
            order by l.name, l.id
          )
          select k.name, k.manager, k.type, k.tier, k."averageSoFarCents", k."demotionTo", k."missingToKeepCents",
            k."promotionTo", k."missingForNextCents", k."demotionsBefore", k."promotionsBefore",
            k."overdueBefore", k."missedBefore", k."demotionsTotal", k."promotionsTotal", k."overdueTotal",
            k."missedTotal",
            -- One read of the row's details (each read detoasts them), for the rows that need them only.
            case when (k.overdue > 0 and k."overdueBefore" < ${caps.overdue})
                or (k.missed > 0 and k."missedBefore" < ${caps.missed}) or k.has_depth
              then (select jsonb_build_object(
                  'overdue', case when k.overdue > 0 and k."overdueBefore" < ${caps.overdue}
                    then jsonb_path_query_array(d.overdue, '$[0 to $n]',
                      jsonb_build_object('n', ${caps.overdue} - 1 - k."overdueBefore"))
                    else '[]'::jsonb end,
                  'missed', case when k.missed > 0 and k."missedBefore" < ${caps.missed}
                    then jsonb_path_query_array(d.missed, '$[0 to $n]',
                      jsonb_build_object('n', ${caps.missed} - 1 - k."missedBefore"))
                    else '[]'::jsonb end,
                  'depth', d.depth)
                from (select s.details -> 'overdue' as overdue, s.details -> 'missed' as missed,
                    s.details -> 'depth' as depth
                  from partner_statuses s where s.partner_id = k.id offset 0) d)
            end as items
          from kept k`)
        .then((result) =>
          rowsOf<DigestRowRead>(result).map(({ items, ...row }) => ({
            ...row,
            overdueItems: items?.overdue ?? [],
            missedItems: items?.missed ?? [],
            depth: items?.depth ?? null,
          })),
        );
    },
  };
}

export type PartnerStatusesRepository = ReturnType<typeof createPartnerStatusesRepository>;
