import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { tierHistory } from '../schema.js';

export type TierHistoryRow = typeof tierHistory.$inferSelect;
export type TierHistoryInsert = typeof tierHistory.$inferInsert;

/** Every tier a partner held: imported, evaluated each semester, overridden by a manager. */
export function createTierHistoryRepository(db: Db) {
  return {
    /** The tier the partner's latest evaluation computed; undefined when it was never evaluated. */
    async lastComputedTier(partnerId: string): Promise<string | null | undefined> {
      const [row] = await db
        .select({ computedTier: tierHistory.computedTier })
        .from(tierHistory)
        .where(and(eq(tierHistory.partnerId, partnerId), eq(tierHistory.kind, 'evaluation')))
        .orderBy(desc(tierHistory.effectiveOn), desc(tierHistory.id))
        .limit(1);
      return row ? row.computedTier : undefined;
    },

    async add(entry: TierHistoryInsert): Promise<void> {
      await db.insert(tierHistory).values(entry);
    },

    async insertMany(rows: TierHistoryInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(tierHistory).values(rows);
    },
  };
}

export type TierHistoryRepository = ReturnType<typeof createTierHistoryRepository>;
