import { asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { minDate } from '../../program/dates.js';
import { batchCalls } from '../batch-calls.js';
import { type Db, rowsOf } from '../client.js';
import {
  benefitUses,
  checklistItems,
  contacts,
  operatorFees,
  partners,
  planReviews,
  type revenueLines,
  salesObjectives,
  tierHistory,
  trainingCompletions,
} from '../schema.js';
import type { BenefitUseRow } from './benefit-uses.repository.js';
import type { ContactRow } from './contacts.repository.js';
import { fromJson, type Json } from './from-json.js';
import { lockedRow } from './one-row.js';
import { preparedOnce, preparedRowWhere } from './prepared-once.js';
import { createRevenueRepository } from './revenue.repository.js';
import { groupByPartner } from './rows-of-partners.js';

export type PartnerRow = typeof partners.$inferSelect;
export type PartnerInsert = typeof partners.$inferInsert;
export type { ContactRow };

/** Everything the program rules need to know about one partner. */
export interface PartnerRecord {
  partner: PartnerRow;
  contacts: ContactRow[];
  trainings: (typeof trainingCompletions.$inferSelect)[];
  checklist: { item: string; completedOn: string }[];
  history: (typeof tierHistory.$inferSelect)[];
  revenue: { month: string; category: (typeof revenueLines.$inferSelect)['category']; amountCents: number }[];
}

/** What the program's depth records of one partner (objectives, plan reviews, benefits used, fees). */
export interface PartnerDepthRows {
  plans: (typeof salesObjectives.$inferSelect)[];
  reviews: (typeof planReviews.$inferSelect)[];
  uses: BenefitUseRow[];
  fees: typeof operatorFees.$inferSelect | undefined;
  /** Revenue from the depth's own first month (it looks further back than the record). */
  lines: PartnerRecord['revenue'];
}

export type RecordRead = { record: PartnerRecord; depth: PartnerDepthRows | undefined };

/**
 * Partners' records, and with `depthSince` their program depth, in one statement: one round trip on one
 * connection, where six queries (eleven with the depth) per partner on as many pool connections made
 * `/partner status` about four times a bare ack (README, Performance, item 9). Revenue is read once, from
 * the earlier month. The rows by partner id (recordOfRow makes a record of one); unknown ids are left out.
 */
async function recordsInOneStatement(
  db: Db,
  ids: readonly string[],
  sinceMonth: string,
  depthSince: string | undefined,
): Promise<Map<string, Json>> {
  const from = depthSince === undefined ? sinceMonth : minDate(depthSince, sinceMonth);
  const list = (query: ReturnType<typeof sql>) => sql`coalesce((${query}), '[]'::json)`;
  const depth =
    depthSince === undefined
      ? sql``
      : sql`,
        ${list(sql`select json_agg(o order by o.quarter) from sales_objectives o where o.partner_id = ids.id`)} as plans,
        ${list(sql`select json_agg(v order by v.reviewed_on desc, v.id desc) from plan_reviews v where v.partner_id = ids.id`)}
          as reviews,
        ${list(sql`select json_agg(u order by u.used_on desc, u.id desc) from benefit_uses u where u.partner_id = ids.id`)}
          as uses,
        (select row_to_json(f) from operator_fees f where f.partner_id = ids.id) as fees`;
  const rows = rowsOf<Json>(
    await db.execute(sql`
      select ids.id as id, (select row_to_json(p) from partners p where p.id = ids.id) as partner,
        ${list(sql`select json_agg(c order by c.name, c.id) from contacts c where c.partner_id = ids.id`)} as contacts,
        ${list(sql`select json_agg(t) from training_completions t where t.partner_id = ids.id`)} as trainings,
        ${list(sql`select json_agg(json_build_object('item', k.item, 'completedOn', k.completed_on))
          from checklist_items k where k.partner_id = ids.id`)} as checklist,
        ${list(sql`select json_agg(h order by h.effective_on desc, h.id desc) from tier_history h
          where h.partner_id = ids.id`)} as history,
        ${list(sql`select json_agg(json_build_object('month', r.month, 'category', r.category,
            'amountCents', r.amount_cents))
          from revenue_lines r where r.partner_id = ids.id and r.month >= ${from}::date`)} as revenue
        ${depth}
      from jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb) as ids(id)`),
  );
  return new Map(rows.filter((row) => row.partner).map((row) => [row.id as string, row]));
}

function recordOfRow(row: Json, sinceMonth: string, depthSince: string | undefined): RecordRead {
  const rows = <T extends PgTable>(table: T, key: string) =>
    (row[key] as Json[]).map((json) => fromJson(table, json));
  const revenue = (row.revenue as PartnerRecord['revenue']).map((r) => ({
    ...r,
    amountCents: Number(r.amountCents),
  }));
  const record: PartnerRecord = {
    partner: fromJson(partners, row.partner as Json),
    contacts: rows(contacts, 'contacts'),
    trainings: rows(trainingCompletions, 'trainings'),
    checklist: row.checklist as PartnerRecord['checklist'],
    history: rows(tierHistory, 'history'),
    revenue: revenue.filter((r) => r.month >= sinceMonth),
  };
  return {
    record,
    depth:
      depthSince === undefined
        ? undefined
        : {
            plans: rows(salesObjectives, 'plans'),
            reviews: rows(planReviews, 'reviews'),
            uses: rows(benefitUses, 'uses'),
            fees: row.fees ? fromJson(operatorFees, row.fees as Json) : undefined,
            lines: revenue.filter((r) => r.month >= depthSince),
          },
  };
}

type RecordAsked = { id: string; sinceMonth: string; depthSince: string | undefined };

/**
 * One partner's record (and depth), the records asked while a read is in flight read together
 * (batchCalls): one statement per set of months, in practice one, for every status of the moment.
 */
const recordOnce = preparedOnce((db) =>
  batchCalls(async (asked: RecordAsked[]): Promise<(RecordRead | undefined)[]> => {
    const groups = new Map<string, RecordAsked[]>();
    for (const a of asked) {
      const months = `${a.sinceMonth} ${a.depthSince ?? ''}`;
      const group = groups.get(months);
      if (group) group.push(a);
      else groups.set(months, [a]);
    }
    const reads = new Map<RecordAsked, RecordRead | undefined>();
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const { sinceMonth, depthSince } = group[0]!;
        const found = await recordsInOneStatement(
          db,
          group.map((a) => a.id),
          sinceMonth,
          depthSince,
        );
        // A record of its own for each caller, even one asking for the same partner as another.
        for (const a of group) {
          const row = found.get(a.id);
          reads.set(a, row && recordOfRow(row, sinceMonth, depthSince));
        }
      }),
    );
    return asked.map((a) => reads.get(a));
  }),
);

const byIdQuery = preparedRowWhere(partners, partners.id, 'partner_by_id');

/** A LIKE pattern for the names starting with `key` (its own % _ \\ taken literally). */
const likePrefix = (key: string) => `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The partners each key names (its id, or a name starting with it), `limit` at most per key, by name.
 * The lookups made while one is in flight go together (batchCalls), one subselect each: every request
 * naming a partner makes one, and alone it was the last statement of a status card not batched.
 */
const matchingOnce = preparedOnce((db) =>
  batchCalls(async (asked: { key: string; limit: number }[]): Promise<PartnerRow[][]> => {
    const each = asked.map(
      ({ key, limit }, i) => sql`(select ${i}::int as i, row_to_json(p) as partner, p.name from ${partners} p
        where lower(p.id) = ${key} or p.search_name like ${likePrefix(key)}
        order by p.name limit ${limit})`,
    );
    const rows = rowsOf<{ i: number; partner: Json }>(
      await db.execute(
        sql`select i, partner from (${sql.join(each, sql` union all `)}) found order by i, name`,
      ),
    );
    const found: PartnerRow[][] = asked.map(() => []);
    for (const row of rows) found[row.i]!.push(fromJson(partners, row.partner));
    return found;
  }),
);

/** Its hot queries are prepared once per database handle (preparedOnce). */
export function createPartnersRepository(db: Db) {
  return {
    async byId(id: string): Promise<PartnerRow | undefined> {
      return byIdQuery(db, id);
    },

    /** The partner, locked against concurrent writes until the transaction ends. */
    async byIdForUpdate(id: string): Promise<PartnerRow | undefined> {
      return lockedRow(db, partners, eq(partners.id, id));
    },

    /** Moves a partner to a tier from a day on (the history is recorded apart). */
    async setTier(id: string, tier: string, since: string, now: Date): Promise<void> {
      await db.update(partners).set({ tier, tierSince: since, updatedAt: now }).where(eq(partners.id, id));
    },

    /** Records that a partner left the program on a day, with the reason; null and null: it is back in. */
    async setMembership(
      id: string,
      leftOn: string | null,
      leftReason: string | null,
      now: Date,
    ): Promise<void> {
      await db.update(partners).set({ leftOn, leftReason, updatedAt: now }).where(eq(partners.id, id));
    },

    async count(): Promise<number> {
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(partners);
      return row?.count ?? 0;
    },

    async insertMany(rows: PartnerInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(partners).values(rows);
    },

    async byChannel(channelId: string): Promise<PartnerRow | undefined> {
      const [row] = await db.select().from(partners).where(eq(partners.slackChannelId, channelId));
      return row;
    },

    /** Partners whose id equals the key or whose search name starts with it (at most `limit`). */
    async matching(key: string, limit = 25): Promise<PartnerRow[]> {
      return matchingOnce(db)({ key, limit });
    },

    /** Every partner's id and names, for suggesting close matches when nothing matches. */
    async names(): Promise<{ id: string; name: string; searchName: string }[]> {
      return db
        .select({ id: partners.id, name: partners.name, searchName: partners.searchName })
        .from(partners);
    },

    /** Every partner's own channel. */
    async channelIds(): Promise<string[]> {
      const rows = await db
        .select({ channel: partners.slackChannelId })
        .from(partners)
        .where(isNotNull(partners.slackChannelId));
      return rows.map((r) => r.channel!);
    },

    /** The partner with its contacts, completions, checklist, tier history and revenue from `sinceMonth`. */
    async record(id: string, sinceMonth: string): Promise<PartnerRecord | undefined> {
      return (await recordOnce(db)({ id, sinceMonth, depthSince: undefined }))?.record;
    },

    /** `record`, and the partner's program depth with revenue from `depthSince`, in the same statement. */
    recordWithDepth(id: string, sinceMonth: string, depthSince: string) {
      return recordOnce(db)({ id, sinceMonth, depthSince });
    },

    /**
     * These partners' records and depth (revenue from `sinceMonth`, the depth's from `depthSince`), in the
     * order asked, unknown ids left out: one statement, for a few partners at a time (the status refresh).
     */
    async recordsWithDepth(ids: string[], sinceMonth: string, depthSince: string): Promise<RecordRead[]> {
      const found = await recordsInOneStatement(db, ids, sinceMonth, depthSince);
      return ids.flatMap((id) => {
        const row = found.get(id);
        return row ? [recordOfRow(row, sinceMonth, depthSince)] : [];
      });
    },

    /**
     * Several partners' records at once (what `record` gives for one), in the order of `ids`, unknown ids
     * left out: a portfolio's statuses in six queries per 1 000 partners instead of six per partner.
     */
    async records(ids: string[], sinceMonth: string): Promise<PartnerRecord[]> {
      const out: PartnerRecord[] = [];
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        const found = new Map((await loadRecords(db, chunk, sinceMonth)).map((r) => [r.partner.id, r]));
        for (const id of chunk) {
          const record = found.get(id);
          if (record) out.push(record);
        }
      }
      return out;
    },

    /** Every partner's record, by name, for the jobs that go over all partners; revenue from `sinceMonth` (none without). */
    all(sinceMonth?: string): Promise<PartnerRecord[]> {
      return loadRecords(db, undefined, sinceMonth);
    },

    async byManager(managerSlackUserId: string | undefined): Promise<PartnerRow[]> {
      const query = db.select().from(partners).orderBy(asc(partners.name)).$dynamic();
      return managerSlackUserId ? query.where(eq(partners.managerSlackUserId, managerSlackUserId)) : query;
    },

    async byIds(ids: string[]): Promise<PartnerRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(partners).where(inArray(partners.id, ids)).orderBy(asc(partners.name));
    },
  };
}

export type PartnersRepository = ReturnType<typeof createPartnersRepository>;

/** The records of some partners (all when `ids` is undefined) in six queries, grouped by partner. */
async function loadRecords(
  db: Db,
  ids: string[] | undefined,
  sinceMonth: string | undefined,
): Promise<PartnerRecord[]> {
  const of = (column: Parameters<typeof inArray>[0]) => (ids ? inArray(column, ids) : undefined);
  const [partnerRows, contactRows, trainings, checklist, history, revenue] = await Promise.all([
    db.select().from(partners).where(of(partners.id)).orderBy(asc(partners.name), asc(partners.id)),
    db.select().from(contacts).where(of(contacts.partnerId)).orderBy(asc(contacts.name), asc(contacts.id)),
    db.select().from(trainingCompletions).where(of(trainingCompletions.partnerId)),
    db
      .select({
        partnerId: checklistItems.partnerId,
        item: checklistItems.item,
        completedOn: checklistItems.completedOn,
      })
      .from(checklistItems)
      .where(of(checklistItems.partnerId)),
    db
      .select()
      .from(tierHistory)
      .where(of(tierHistory.partnerId))
      .orderBy(desc(tierHistory.effectiveOn), desc(tierHistory.id)),
    sinceMonth === undefined
      ? Promise.resolve([])
      : createRevenueRepository(db).forPartnersSince(ids, sinceMonth),
  ]);
  const [c, t, k, h, r] = [
    groupByPartner(contactRows),
    groupByPartner(trainings),
    groupByPartner(checklist),
    groupByPartner(history),
    groupByPartner(revenue),
  ];
  return partnerRows.map((partner) => ({
    partner,
    contacts: c.get(partner.id) ?? [],
    trainings: t.get(partner.id) ?? [],
    checklist: (k.get(partner.id) ?? []).map(({ item, completedOn }) => ({ item, completedOn })),
    history: h.get(partner.id) ?? [],
    revenue: (r.get(partner.id) ?? []).map(({ month, category, amountCents }) => ({
      month,
      category,
      amountCents,
    })),
  }));
}
