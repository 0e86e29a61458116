import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog, partners, tierHistory } from '../schema.js';

export type TierHistoryRow = typeof tierHistory.$inferSelect;

/** A partner whose tier a semester's evaluation changed. */
export interface EvaluationChange {
  partnerId: string;
  name: string;
  previousTier: string | null;
  tier: string;
}

/**
 * The tier_history and audit_log queries of an evaluation's approval and overrides (an admin replacing
 * a computed tier while the semester awaits approval).
 */
export function createEvaluationOverridesRepository(db: Db) {
  return {
    /** The partners whose tier the semester's evaluation changed, by name. */
    async changes(semester: string): Promise<EvaluationChange[]> {
      return db
        .select({
          partnerId: tierHistory.partnerId,
          name: partners.name,
          previousTier: tierHistory.previousTier,
          tier: tierHistory.tier,
        })
        .from(tierHistory)
        .innerJoin(partners, eq(partners.id, tierHistory.partnerId))
        .where(
          and(
            eq(tierHistory.kind, 'evaluation'),
            eq(tierHistory.semester, semester),
            ne(tierHistory.tier, sql`coalesce(${tierHistory.previousTier}, '')`),
          ),
        )
        .orderBy(asc(partners.name));
    },

    /** The partner's evaluation of the semester, if it was evaluated. */
    async evaluation(partnerId: string, semester: string): Promise<TierHistoryRow | undefined> {
      const [row] = await db
        .select()
        .from(tierHistory)
        .where(
          and(
            eq(tierHistory.partnerId, partnerId),
            eq(tierHistory.kind, 'evaluation'),
            eq(tierHistory.semester, semester),
          ),
        );
      return row;
    },

    /** Records an override of the semester's computed tier beside it (tier_history kind 'override'). */
    async recordOverride(
      row: Omit<typeof tierHistory.$inferInsert, 'id' | 'kind' | 'createdAt'> & { semester: string },
    ): Promise<void> {
      await db.insert(tierHistory).values({ ...row, kind: 'override' });
    },

    /** How many overrides of the partner's tier the semester has had. */
    async overrideCount(partnerId: string, semester: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(tierHistory)
        .where(
          and(
            eq(tierHistory.partnerId, partnerId),
            eq(tierHistory.kind, 'override'),
            eq(tierHistory.semester, semester),
          ),
        );
      return Number(row?.n ?? 0);
    },

    async audit(entry: {
      actor: string;
      action: string;
      partnerId?: string;
      details: Record<string, unknown>;
    }): Promise<void> {
      await db.insert(auditLog).values(entry);
    },
  };
}

export type EvaluationOverridesRepository = ReturnType<typeof createEvaluationOverridesRepository>;
