import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { revenueLines } from '../schema.js';

export type RevenueCategoryCode = (typeof revenueLines.$inferSelect)['category'];
export type RevenueInsert = typeof revenueLines.$inferInsert;

export interface RevenueLine {
  month: string;
  category: RevenueCategoryCode;
  amountCents: number;
}

/** Monthly revenue per partner and category (month and category are the key with the partner). */
export function createRevenueRepository(db: Db) {
  return {
    /** A partner's lines from `sinceMonth` on (first day of a month). */
    async since(partnerId: string, sinceMonth: string): Promise<RevenueLine[]> {
      return db
        .select({
          month: revenueLines.month,
          category: revenueLines.category,
          amountCents: revenueLines.amountCents,
        })
        .from(revenueLines)
        .where(and(eq(revenueLines.partnerId, partnerId), gte(revenueLines.month, sinceMonth)));
    },

    /** The amount recorded for one month and category, locked until the transaction ends; undefined when none. */
    async amountForUpdate(
      partnerId: string,
      month: string,
      category: RevenueCategoryCode,
    ): Promise<number | undefined> {
      const [row] = await db
        .select({ amountCents: revenueLines.amountCents })
        .from(revenueLines)
        .where(
          and(
            eq(revenueLines.partnerId, partnerId),
            eq(revenueLines.month, month),
            eq(revenueLines.category, category),
          ),
        )
        .for('update');
      return row?.amountCents;
    },

    /** Records the amount of one month and category, replacing what was there. */
    async upsert(line: RevenueLine & { partnerId: string }, now: Date): Promise<void> {
      await db
        .insert(revenueLines)
        .values(line)
        .onConflictDoUpdate({
          target: [revenueLines.partnerId, revenueLines.month, revenueLines.category],
          set: { amountCents: line.amountCents, updatedAt: now },
        });
    },

    /** The lines of these partners (every partner's without ids) from `sinceMonth` on. */
    async forPartnersSince(
      ids: readonly string[] | undefined,
      sinceMonth: string,
    ): Promise<(RevenueLine & { partnerId: string })[]> {
      if (ids && ids.length === 0) return [];
      const since = gte(revenueLines.month, sinceMonth);
      return db
        .select({
          partnerId: revenueLines.partnerId,
          month: revenueLines.month,
          category: revenueLines.category,
          amountCents: revenueLines.amountCents,
        })
        .from(revenueLines)
        .where(ids ? and(inArray(revenueLines.partnerId, [...ids]), since) : since);
    },

    async insertMany(rows: RevenueInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(revenueLines).values(rows);
    },
  };
}

export type RevenueRepository = ReturnType<typeof createRevenueRepository>;
