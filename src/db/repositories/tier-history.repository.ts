import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { partners, tierHistory } from '../schema.js';

export type TierHistoryRow = typeof tierHistory.$inferSelect;
export type TierHistoryInsert = typeof tierHistory.$inferInsert;
/** What a tier entry day needs of a history row. */
export type TierChangeRow = Pick<TierHistoryRow, 'effectiveOn' | 'tier' | 'previousTier' | 'outcome'>;

/** A partner whose tier a semester's evaluation changed. */
export interface EvaluationChange {
  partnerId: string;
  name: string;
  previousTier: string | null;
  tier: string;
}

/** A partner's rows of one kind (its evaluation, its overrides) in one semester. */
const ofSemester = (partnerId: string, kind: TierHistoryRow['kind'], semester: string) =>
  and(eq(tierHistory.partnerId, partnerId), eq(tierHistory.kind, kind), eq(tierHistory.semester, semester));

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

    /**
     * A partner's tier changes, latest first (the order of a partner's record): what its tier entry days
     * are worked out from.
     */
    async changesOf(partnerId: string): Promise<TierChangeRow[]> {
      return db
        .select({
          effectiveOn: tierHistory.effectiveOn,
          tier: tierHistory.tier,
          previousTier: tierHistory.previousTier,
          outcome: tierHistory.outcome,
        })
        .from(tierHistory)
        .where(eq(tierHistory.partnerId, partnerId))
        .orderBy(desc(tierHistory.effectiveOn), desc(tierHistory.id));
    },

    async add(entry: TierHistoryInsert): Promise<void> {
      await db.insert(tierHistory).values(entry);
    },

    /** The partners whose tier the semester's evaluation changed, by name. */
    async evaluationChanges(semester: string): Promise<EvaluationChange[]> {
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
    async evaluationOf(partnerId: string, semester: string): Promise<TierHistoryRow | undefined> {
      const [row] = await db
        .select()
        .from(tierHistory)
        .where(ofSemester(partnerId, 'evaluation', semester));
      return row;
    },

    /** How many overrides of the partner's tier the semester has had. */
    async overrideCount(partnerId: string, semester: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(tierHistory)
        .where(ofSemester(partnerId, 'override', semester));
      return Number(row?.n ?? 0);
    },

    /** An evaluation row whose pending result an override replaced: never applied at approval. */
    async markOverrideStands(id: number): Promise<void> {
      await db
        .update(tierHistory)
        .set({ outcome: 'override-stands' })
        .where(and(eq(tierHistory.id, id), eq(tierHistory.outcome, 'pending')));
    },

    async insertMany(rows: TierHistoryInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(tierHistory).values(rows);
    },
  };
}

export type TierHistoryRepository = ReturnType<typeof createTierHistoryRepository>;
