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

/** The digest's sections whose lines are read only as far as a message can show them. */
export const DIGEST_CAPPED_SECTIONS = ['demotions', 'promotions', 'overdue', 'missed'] as const;
export type DigestCappedSection = (typeof DIGEST_CAPPED_SECTIONS)[number];

/** How many lines of each section the digest reads per manager (what a message can show). */
export type DigestCaps = Record<DigestCappedSection, number>;

/**
 * The same bound in characters: a line takes at least `shortest` of its section plus its partner's name
 * (at most `longest`), and its newline; a line whose lines before take `budget` characters is not shown.
 */
export interface DigestCharBound {
  shortest: DigestCaps;
  longest: number;
  budget: number;
}

/** No bound in characters: the counts alone. */
const NO_CHAR_BOUND: DigestCharBound = {
  shortest: { demotions: 0, promotions: 0, overdue: 0, missed: 0 },
  longest: 0,
  budget: 2 ** 31 - 1,
};

type Overdue = PartnerStatusDetails['overdue'];
type Missed = PartnerStatusDetails['missed'];
type Depth = NonNullable<PartnerStatusDetails['depth']>;

/**
 * One manager's digest lines as the snapshot holds them, each section's partners by name, read only as
 * far as the section's cap (a message shows no more), with each section's totals.
 */
export interface DigestManagerSections {
  totals: DigestCaps;
  demotions: [
    name: string,
    averageSoFarCents: number | null,
    missingToKeepCents: number | null,
    tier: string,
  ][];
  promotions: [
    name: string,
    promotionTo: string,
    missingForNextCents: number | null,
    type: PartnerRow['type'],
  ][];
  /** Each partner's overdue items and missed duties still under the cap, in order. */
  overdue: [name: string, items: Overdue][];
  missed: [name: string, items: Missed][];
  /** Every partner's program-depth lines, whatever the cap (a digest counts them all). */
  depth: [name: string, depth: Depth][];
}

export interface DigestManagerRow {
  manager: string;
  /**
   * Where the manager's first partner with a demotion, promotion, overdue item or missed duty under its
   * cap comes among every manager's partners by name (null: none), and its first with a depth line.
   */
  listedRank: number | null;
  depthRank: number | null;
  /**
   * Its sections, parsed at the first call: the driver receives them as text, so that the megabytes of
   * every manager's lines are not parsed in one go as they arrive, but one manager at a time by a reader
   * that lets other work in between.
   */
  sections(): DigestManagerSections;
}

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
     * What goes in the managers' digests, one row per manager: its managed partners still in the program
     * with a demotion, a promotion within reach, overdue items, missed quarters or a program-depth line.
     * Per manager and section only the lines under the section's cap are read (a message shows no more),
     * with each section's totals; a partner's overdue items and missed duties are sliced to the cap.
     * One row per manager, each section one JSON array: 8 700 rows of 20 columns took longer to receive and
     * parse, and to map, than the statement took to run.
     */
    async digestsByManager(
      caps: DigestCaps,
      chars: DigestCharBound = NO_CHAR_BOUND,
    ): Promise<DigestManagerRow[]> {
      // A manager's partners with items of the section still under the cap, each with those items: read
      // whole when they fit, cut by jsonpath at the cap's edge only.
      const listedItems = (section: 'overdue' | 'missed') => {
        const [key, count, allowed] = [`'${section}'`, section, `${section}_allowed`].map((t) => sql.raw(t));
        return sql`coalesce(json_agg(json_build_array(name, (
            select case when ${count} <= ${allowed} then d.details -> ${key}
              else jsonb_path_query_array(d.details -> ${key}, '$[0 to $n]',
                jsonb_build_object('n', ${allowed} - 1)) end
            from partner_statuses d where d.partner_id = id))
          order by rank) filter (where ${sql.raw(`${section}_listed`)}), '[]')`;
      };
      // The characters one line of a section takes at the least, with its newline.
      const width = (section: DigestCappedSection) =>
        sql`(least(${chars.shortest[section]} + char_length(p.name), ${chars.longest}) + 1)`;
      const [demotionWidth, promotionWidth, overdueWidth, missedWidth] = DIGEST_CAPPED_SECTIONS.map(width);
      const demoted = sql`(s.demotion_to is not null)`;
      const promoted = sql`(s.demotion_to is null and s.promotion_to is not null)`;
      // How many of a partner's items are within both bounds, counted from where its lines start.
      const allowed = (section: 'overdue' | 'missed') => {
        const [before, charsBefore, lineWidth] = [
          `${section}_before`,
          `${section}_chars_before`,
          `${section}_width`,
        ].map((t) => sql.raw(t));
        return sql`least(${caps[section]} - ${before}, ceil((${chars.budget} - ${charsBefore})::numeric / ${lineWidth}))::int`;
      };
      // The windows sort narrow columns only (a materialized CTE, or the planner drags every row's details
      // through the sorts); the details are read, sliced when they do not fit whole, for the rows kept. "Before" is the running total
      // up to the row minus the row: a frame ending at `1 preceding` is aggregated anew for every row
      // (quadratic per manager: 6 s at 10 000 partners).
      const statement = sql`
        with statuses as materialized (
          select s.partner_id, s.average_so_far_cents, s.demotion_to, s.missing_to_keep_cents,
            s.promotion_to, s.missing_for_next_cents, s.overdue, s.missed,
            s.details -> 'depth' is not null as has_depth
          from partner_statuses s
          where not s.has_left
            and (s.demotion_to is not null or s.promotion_to is not null or s.overdue > 0 or s.missed > 0
              or s.details -> 'depth' is not null)
        ), lines as (
          select p.id, p.name, p.manager_slack_user_id as manager, p.type, p.tier, s.average_so_far_cents,
            s.demotion_to, s.missing_to_keep_cents, s.promotion_to, s.missing_for_next_cents, s.overdue,
            s.missed, s.has_depth, ${overdueWidth} as overdue_width, ${missedWidth} as missed_width,
            count(*) filter (where ${demoted}) over upto - ${demoted}::int as demotions_before,
            count(*) filter (where ${promoted}) over upto - ${promoted}::int as promotions_before,
            sum(s.overdue) over upto - s.overdue as overdue_before,
            sum(s.missed) over upto - s.missed as missed_before,
            sum(${demoted}::int * ${demotionWidth}) over upto - ${demoted}::int * ${demotionWidth}
              as demotions_chars_before,
            sum(${promoted}::int * ${promotionWidth}) over upto - ${promoted}::int * ${promotionWidth}
              as promotions_chars_before,
            sum(s.overdue * ${overdueWidth}) over upto - s.overdue * ${overdueWidth} as overdue_chars_before,
            sum(s.missed * ${missedWidth}) over upto - s.missed * ${missedWidth} as missed_chars_before,
            count(*) filter (where ${demoted}) over everyone as demotions_total,
            count(*) filter (where ${promoted}) over everyone as promotions_total,
            sum(s.overdue) over everyone as overdue_total,
            sum(s.missed) over everyone as missed_total
          from partners p join statuses s on s.partner_id = p.id
          where p.manager_slack_user_id is not null
          window upto as (partition by p.manager_slack_user_id order by p.name, p.id
              rows between unbounded preceding and current row),
            everyone as (partition by p.manager_slack_user_id)
        ), bounded as (
          select l.*, ${allowed('overdue')} as overdue_allowed, ${allowed('missed')} as missed_allowed
          from lines l
        ), flagged as (
          select l.*,
            l.demotion_to is not null and l.demotions_before < ${caps.demotions}
              and l.demotions_chars_before < ${chars.budget} as demotion,
            l.demotion_to is null and l.promotion_to is not null and l.promotions_before < ${caps.promotions}
              and l.promotions_chars_before < ${chars.budget} as promotion,
            l.overdue > 0 and l.overdue_allowed > 0 as overdue_listed,
            l.missed > 0 and l.missed_allowed > 0 as missed_listed
          from bounded l
        ), kept as (
          select f.*, row_number() over (order by f.name, f.id) as rank
          from flagged f
          where f.demotion or f.promotion or f.overdue_listed or f.missed_listed or f.has_depth
        )
        select manager,
          (min(rank) filter (where demotion or promotion or overdue_listed or missed_listed))::int
            as "listedRank",
          (min(rank) filter (where has_depth))::int as "depthRank",
          json_build_object(
            'totals', json_build_object('demotions', max(demotions_total), 'promotions', max(promotions_total),
              'overdue', max(overdue_total), 'missed', max(missed_total)),
            'demotions', coalesce(json_agg(json_build_array(name, average_so_far_cents, missing_to_keep_cents,
              tier) order by rank) filter (where demotion), '[]'),
            'promotions', coalesce(json_agg(json_build_array(name, promotion_to, missing_for_next_cents, type)
              order by rank) filter (where promotion), '[]'),
            'overdue', ${listedItems('overdue')},
            'missed', ${listedItems('missed')},
            'depth', coalesce(json_agg(json_build_array(name, (
                select d.details -> 'depth' from partner_statuses d where d.partner_id = id))
              order by rank) filter (where has_depth), '[]')
          )::text as sections
        from kept
        group by manager
        order by manager`;
      // No JIT: the planner counts every correlated read of the details at its worst and estimates the
      // statement far above jit_above_cost; compiling took 60 ms to 1.3 s of a 200 ms statement.
      return db.transaction(async (tx) => {
        await tx.execute(sql`set local jit = off`);
        const rows = rowsOf<Omit<DigestManagerRow, 'sections'> & { sections: string }>(
          await tx.execute(statement),
        );
        return rows.map(({ sections: text, ...row }) => {
          let sections: DigestManagerSections | undefined;
          return { ...row, sections: () => (sections ??= JSON.parse(text) as DigestManagerSections) };
        });
      });
    },
  };
}

export type PartnerStatusesRepository = ReturnType<typeof createPartnerStatusesRepository>;
