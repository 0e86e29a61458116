import type { Db } from '../client.js';
import { planReviews } from '../schema.js';

export type PlanReviewRow = typeof planReviews.$inferSelect;

/** Reviews of partners' development plans ("Suivi plan développement"). */
export function createPlanReviewsRepository(db: Db) {
  return {
    async add(entry: { partnerId: string; reviewedOn: string; note: string; reviewedBy: string }) {
      const [row] = await db.insert(planReviews).values(entry).returning();
      return row!;
    },
  };
}

export type PlanReviewsRepository = ReturnType<typeof createPlanReviewsRepository>;
