import { desc } from 'drizzle-orm';
import type { Db } from '../client.js';
import { planReviews } from '../schema.js';
import { rowsOfPartners } from './rows-of-partners.js';

export type PlanReviewRow = typeof planReviews.$inferSelect;

/** Reviews of partners' development plans ("Suivi plan développement"). */
export function createPlanReviewsRepository(db: Db) {
  return {
    async add(entry: { partnerId: string; reviewedOn: string; note: string; reviewedBy: string }) {
      const [row] = await db.insert(planReviews).values(entry).returning();
      return row!;
    },

    /** The reviews of these partners (every partner's without ids), latest first. */
    forPartners(ids?: readonly string[]): Promise<PlanReviewRow[]> {
      return rowsOfPartners(db, planReviews, ids, desc(planReviews.reviewedOn), desc(planReviews.id));
    },
  };
}

export type PlanReviewsRepository = ReturnType<typeof createPlanReviewsRepository>;
