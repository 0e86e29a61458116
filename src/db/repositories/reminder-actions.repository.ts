import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, trainingCompletions } from '../schema.js';

/** The contact and training queries of a reminder's Done button. */
export function createReminderActionsRepository(db: Db) {
  return {
    /** Who a partner item is recorded for when staff answer it: the first referent, else the first contact. */
    async firstContactId(partnerId: string): Promise<number | undefined> {
      const [first] = await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(eq(contacts.partnerId, partnerId))
        .orderBy(desc(contacts.referent), asc(contacts.id))
        .limit(1);
      return first?.id;
    },

    /** The contact's completion of the training, if recorded (confirmed or pending). */
    async completion(
      contactId: number,
      training: string,
    ): Promise<{ status: 'confirmed' | 'pending'; completedOn: string } | undefined> {
      const [row] = await db
        .select({ status: trainingCompletions.status, completedOn: trainingCompletions.completedOn })
        .from(trainingCompletions)
        .where(and(eq(trainingCompletions.contactId, contactId), eq(trainingCompletions.training, training)));
      return row;
    },
  };
}

export type ReminderActionsRepository = ReturnType<typeof createReminderActionsRepository>;
