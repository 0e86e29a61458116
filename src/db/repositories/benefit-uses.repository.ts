import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { benefitUses } from '../schema.js';

export type BenefitUseRow = typeof benefitUses.$inferSelect;
export type BenefitUseInsert = typeof benefitUses.$inferInsert;

/** Benefits used: once per period (tier entry, year, month), which the unique key enforces. */
export function createBenefitUsesRepository(db: Db) {
  return {
    /** Records a use; undefined when the benefit was already used for that period (nothing written). */
    async add(entry: BenefitUseInsert): Promise<BenefitUseRow | undefined> {
      const [row] = await db.insert(benefitUses).values(entry).onConflictDoNothing().returning();
      return row;
    },

    async forPeriod(partnerId: string, benefit: string, period: string): Promise<BenefitUseRow | undefined> {
      const [row] = await db
        .select()
        .from(benefitUses)
        .where(
          and(
            eq(benefitUses.partnerId, partnerId),
            eq(benefitUses.benefit, benefit),
            eq(benefitUses.period, period),
          ),
        );
      return row;
    },
  };
}

export type BenefitUsesRepository = ReturnType<typeof createBenefitUsesRepository>;
