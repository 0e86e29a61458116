import { and, asc, desc, gte, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { PartnerRecord } from '../db/repositories/partners.repository.js';
import {
  checklistItems,
  contacts,
  partners,
  revenueLines,
  tierHistory,
  trainingCompletions,
} from '../db/schema.js';

function groupBy<T extends { partnerId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.partnerId);
    if (list) list.push(row);
    else map.set(row.partnerId, [row]);
  }
  return map;
}

/**
 * Every partner's record (what the rules need) in six queries, for the jobs that go over all partners.
 * Revenue from `sinceMonth` only; none when it is undefined.
 */
export async function loadAllRecords(
  db: Db,
  options: { sinceMonth?: string } = {},
): Promise<PartnerRecord[]> {
  const [partnerRows, contactRows, trainings, checklist, history, revenue] = await Promise.all([
    db.select().from(partners).orderBy(asc(partners.name), asc(partners.id)),
    db.select().from(contacts).orderBy(asc(contacts.name), asc(contacts.id)),
    db.select().from(trainingCompletions),
    db
      .select({
        partnerId: checklistItems.partnerId,
        item: checklistItems.item,
        completedOn: checklistItems.completedOn,
      })
      .from(checklistItems),
    db.select().from(tierHistory).orderBy(desc(tierHistory.effectiveOn), desc(tierHistory.id)),
    options.sinceMonth
      ? db
          .select({
            partnerId: revenueLines.partnerId,
            month: revenueLines.month,
            category: revenueLines.category,
            amountCents: revenueLines.amountCents,
          })
          .from(revenueLines)
          .where(gte(revenueLines.month, options.sinceMonth))
      : Promise.resolve([]),
  ]);
  const [c, t, k, h, r] = [
    groupBy(contactRows),
    groupBy(trainings),
    groupBy(checklist),
    groupBy(history),
    groupBy(revenue),
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

/** Some partners' rows, by id. */
export async function partnersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(partners)
    .where(and(inArray(partners.id, ids)));
}
