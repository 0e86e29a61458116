import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { checklistItems } from '../schema.js';

export type ChecklistInsert = typeof checklistItems.$inferInsert;

/** Checklist items a partner completed: one row per item and day done. */
export function createChecklistRepository(db: Db) {
  return {
    /** The days a partner completed an item, earliest first. */
    async completions(partnerId: string, item: string): Promise<string[]> {
      const rows = await db
        .select({ completedOn: checklistItems.completedOn })
        .from(checklistItems)
        .where(and(eq(checklistItems.partnerId, partnerId), eq(checklistItems.item, item)))
        .orderBy(asc(checklistItems.completedOn));
      return rows.map((r) => r.completedOn);
    },

    /** Every item a partner completed and the day (what a partner's record holds as its checklist). */
    async ofPartner(partnerId: string): Promise<{ item: string; completedOn: string }[]> {
      return db
        .select({ item: checklistItems.item, completedOn: checklistItems.completedOn })
        .from(checklistItems)
        .where(eq(checklistItems.partnerId, partnerId));
    },

    /** Records an item done on a day; the same item the same day again is left as it was. */
    async add(entry: { partnerId: string; item: string; completedOn: string }): Promise<void> {
      await db.insert(checklistItems).values(entry).onConflictDoNothing();
    },

    async insertMany(rows: ChecklistInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(checklistItems).values(rows);
    },
  };
}

export type ChecklistRepository = ReturnType<typeof createChecklistRepository>;
