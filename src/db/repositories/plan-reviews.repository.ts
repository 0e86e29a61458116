import { asc, desc, inArray } from 'drizzle-orm';
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

    /** The reviews of these partners (every partner's without ids), latest first. */
    async forPartners(ids?: readonly string[]): Promise<PlanReviewRow[]> {
      if (ids && ids.length === 0) return [];
      const query = db.select().from(planReviews).$dynamic();
      return (ids ? query.where(inArray(planReviews.partnerId, [...ids])) : query).orderBy(
        asc(planReviews.partnerId),
        desc(planReviews.reviewedOn),
        desc(planReviews.id),
      );
    },
  };
}

export type PlanReviewsRepository = ReturnType<typeof createPlanReviewsRepository>;
