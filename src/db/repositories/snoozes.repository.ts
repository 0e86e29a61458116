import { gte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { snoozes } from '../schema.js';

export type SnoozeRow = typeof snoozes.$inferSelect;

/** An item's latest snooze. */
export interface SnoozedItem {
  partnerId: string;
  contactId: number | null;
  obligation: string;
  /** The latest day reminders resume. */
  until: string;
}

/** The snoozes table: reminders put off. */
export function createSnoozesRepository(db: Db) {
  return {
    async add(input: {
      partnerId: string;
      contactId: number | null;
      obligation: string;
      until: string;
      snoozedBy: string;
    }): Promise<void> {
      await db.insert(snoozes).values(input);
    },

    /** Each snoozed item whose latest snooze ends on or after `day`, with that end. */
    async endingFrom(day: string): Promise<SnoozedItem[]> {
      return db
        .select({
          partnerId: snoozes.partnerId,
          contactId: snoozes.contactId,
          obligation: snoozes.obligation,
          until: sql<string>`max(${snoozes.until})::text`,
        })
        .from(snoozes)
        .where(gte(snoozes.until, day))
        .groupBy(snoozes.partnerId, snoozes.contactId, snoozes.obligation);
    },
  };
}

export type SnoozesRepository = ReturnType<typeof createSnoozesRepository>;
