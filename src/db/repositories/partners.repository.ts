import { and, asc, desc, eq, gte, inArray, like, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  checklistItems,
  contacts,
  partners,
  revenueLines,
  tierHistory,
  trainingCompletions,
} from '../schema.js';
import type { ContactRow } from './contacts.repository.js';

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

/**
 * One partner's record, as prepared queries: drizzle builds a query's SQL anew on every call, which was a
 * fifth of `/partner status`'s CPU (bench/PERFORMANCE.md); with placeholders it is built once per database
 * handle (kept as long as the handle is).
 */
function buildRecordQueries(db: Db) {
  const id = sql.placeholder('id');
  return {
    partner: db.select().from(partners).where(eq(partners.id, id)).prepare('partner_by_id'),
    contacts: db
      .select()
      .from(contacts)
      .where(eq(contacts.partnerId, id))
      .orderBy(asc(contacts.name))
      .prepare('partner_record_contacts'),
    trainings: db
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.partnerId, id))
      .prepare('partner_record_trainings'),
    checklist: db
      .select({ item: checklistItems.item, completedOn: checklistItems.completedOn })
      .from(checklistItems)
      .where(eq(checklistItems.partnerId, id))
      .prepare('partner_record_checklist'),
    history: db
      .select()
      .from(tierHistory)
      .where(eq(tierHistory.partnerId, id))
      .orderBy(desc(tierHistory.effectiveOn), desc(tierHistory.id))
      .prepare('partner_record_history'),
    revenue: db
      .select({
        month: revenueLines.month,
        category: revenueLines.category,
        amountCents: revenueLines.amountCents,
      })
      .from(revenueLines)
      .where(and(eq(revenueLines.partnerId, id), gte(revenueLines.month, sql.placeholder('sinceMonth'))))
      .prepare('partner_record_revenue'),
  };
}

/** Build one per database handle and share it: its hot queries are prepared once. */
export function createPartnersRepository(db: Db) {
  let prepared: ReturnType<typeof buildRecordQueries> | undefined;
  const recordQueries = () => {
    prepared ??= buildRecordQueries(db);
    return prepared;
  };
  return {
    async byId(id: string): Promise<PartnerRow | undefined> {
      const [row] = await recordQueries().partner.execute({ id });
      return row;
    },

    /** The partner, locked against concurrent writes until the transaction ends. */
    async byIdForUpdate(id: string): Promise<PartnerRow | undefined> {
      const [row] = await db.select().from(partners).where(eq(partners.id, id)).for('update');
      return row;
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
      const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
      return db
        .select()
        .from(partners)
        .where(sql`lower(${partners.id}) = ${key} or ${like(partners.searchName, `${escaped}%`)}`)
        .orderBy(asc(partners.name))
        .limit(limit);
    },

    /** Every partner's id and names, for suggesting close matches when nothing matches. */
    async names(): Promise<{ id: string; name: string; searchName: string }[]> {
      return db
        .select({ id: partners.id, name: partners.name, searchName: partners.searchName })
        .from(partners);
    },

    /** The partner with its contacts, completions, checklist, tier history and revenue from `sinceMonth`. */
    async record(id: string, sinceMonth: string): Promise<PartnerRecord | undefined> {
      const q = recordQueries();
      // One round trip: the partner is read alongside the rest (all empty when it does not exist).
      const [[partner], contactRows, trainings, checklist, history, revenue] = await Promise.all([
        q.partner.execute({ id }),
        q.contacts.execute({ id }),
        q.trainings.execute({ id }),
        q.checklist.execute({ id }),
        q.history.execute({ id }),
        q.revenue.execute({ id, sinceMonth }),
      ]);
      if (!partner) return undefined;
      return { partner, contacts: contactRows, trainings, checklist, history, revenue };
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

    async revenueBetween(fromMonth: string, toMonth: string, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(revenueLines)
        .where(
          and(
            inArray(revenueLines.partnerId, ids),
            gte(revenueLines.month, fromMonth),
            lte(revenueLines.month, toMonth),
          ),
        );
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
      : db
          .select({
            partnerId: revenueLines.partnerId,
            month: revenueLines.month,
            category: revenueLines.category,
            amountCents: revenueLines.amountCents,
          })
          .from(revenueLines)
          .where(and(of(revenueLines.partnerId), gte(revenueLines.month, sinceMonth))),
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

function groupByPartner<T extends { partnerId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.partnerId);
    if (list) list.push(row);
    else map.set(row.partnerId, [row]);
  }
  return map;
}
