import { and, eq, gt, gte, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, reminderLog } from '../schema.js';

export type ReminderLogRow = typeof reminderLog.$inferSelect;
export type NewReminderLogRow = typeof reminderLog.$inferInsert;

/** Rows per insert statement. */
const INSERT_CHUNK = 500;

/** The reminder_log table: what was reminded to whom on which day. */
export function createReminderLogRepository(db: Db) {
  return {
    /** Everyone reminded of something on `day` (each once). */
    async recipientsOn(day: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ recipient: reminderLog.recipient })
        .from(reminderLog)
        .where(eq(reminderLog.remindedOn, day));
      return rows.map((r) => r.recipient);
    },

    /** Reminders nobody could be reached for (no Slack route, no SMTP) from `day` on, with the contact: each item once. */
    async unreachedFrom(
      day: string,
    ): Promise<{ partnerId: string; contactId: number; contactName: string; obligation: string }[]> {
      return db
        .selectDistinct({
          partnerId: reminderLog.partnerId,
          contactId: contacts.id,
          contactName: contacts.name,
          obligation: reminderLog.obligation,
        })
        .from(reminderLog)
        .innerJoin(contacts, eq(contacts.id, reminderLog.contactId))
        .where(and(gte(reminderLog.remindedOn, day), eq(reminderLog.route, 'unreached')))
        .orderBy(reminderLog.partnerId, reminderLog.obligation);
    },

    /**
     * What was reminded of these items due after `after`, each (partner, item, due day) once: a lapse
     * reminded once (one already past is never reminded again, so not read).
     */
    async remindedOf(
      obligations: readonly string[],
      after: string,
    ): Promise<{ partnerId: string; obligation: string; dueOn: string }[]> {
      if (obligations.length === 0) return [];
      return db
        .selectDistinct({
          partnerId: reminderLog.partnerId,
          obligation: reminderLog.obligation,
          dueOn: reminderLog.dueOn,
        })
        .from(reminderLog)
        .where(and(inArray(reminderLog.obligation, [...obligations]), gt(reminderLog.dueOn, after)));
    },

    /** Logs reminders; one already logged (same day, recipient, partner, subject and obligation) is kept. */
    async record(rows: NewReminderLogRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK)
        await db
          .insert(reminderLog)
          .values(rows.slice(i, i + INSERT_CHUNK))
          .onConflictDoNothing();
    },
  };
}

export type ReminderLogRepository = ReturnType<typeof createReminderLogRepository>;
