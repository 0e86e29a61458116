import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { contacts, partners, snoozes, staff, trainingCompletions } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import type { Catalog, Obligation } from '../program/catalog.schema.js';
import { addDays, type IsoDate } from '../program/dates.js';
import { type NotifyOptions, recordTraining } from './trainings.service.js';

export interface ReminderItemRef {
  partnerId: string;
  /** The trn-* code. */
  obligation: string;
  /** The contact who owes it; null for the partner's own item. */
  contactId: number | null;
}

export type DoneOutcome =
  | { status: 'confirmed' | 'pending' | 'already-done'; training: Obligation }
  | { status: 'forbidden' | 'gone' | 'no-contact' };

export type SnoozeOutcome =
  | { status: 'snoozed'; training: Obligation; until: IsoDate }
  | { status: 'forbidden' | 'gone' | 'invalid-days' };

type Role = { kind: 'staff' } | { kind: 'contact'; contactId: number } | { kind: 'none' };

/** Who the clicker is for this partner: Dstny staff (its manager among them), one of its contacts, or nobody. */
async function roleFor(tx: Db, partner: { id: string }, by: string): Promise<Role> {
  const [member] = await tx.select({ role: staff.role }).from(staff).where(eq(staff.slackUserId, by));
  if (member) return { kind: 'staff' };
  const [contact] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.slackUserId, by), eq(contacts.partnerId, partner.id)));
  return contact ? { kind: 'contact', contactId: contact.id } : { kind: 'none' };
}

function trainingOf(catalog: Catalog, code: string): Obligation | undefined {
  return catalog.obligations.find((o) => o.code === code && o.kind === 'training');
}

/**
 * The Done button of a reminder, recorded like any training (recordTraining): staff record it confirmed,
 * a contact declares its own, pending a manager's confirmation (which already stops the reminders) and
 * the manager is told. A contact may answer for its own items and the partner's; a partner item is
 * recorded for the contact who clicked or, from staff, for the partner's first referent (else first
 * contact). A training already confirmed stays as it was.
 */
export async function markReminderDone(
  db: Db,
  catalog: Catalog,
  input: ReminderItemRef & { by: string; today: IsoDate },
  notify?: NotifyOptions,
): Promise<DoneOutcome> {
  const training = trainingOf(catalog, input.obligation);
  const [partner] = await db.select().from(partners).where(eq(partners.id, input.partnerId));
  if (!training || !partner) return { status: 'gone' };
  const role = await roleFor(db, partner, input.by);
  if (role.kind === 'none') return { status: 'forbidden' };
  const contactId =
    input.contactId ?? (role.kind === 'contact' ? role.contactId : await firstContactId(db, partner.id));
  if (contactId === undefined) return { status: 'no-contact' };
  const [existing] = await db
    .select({ status: trainingCompletions.status, completedOn: trainingCompletions.completedOn })
    .from(trainingCompletions)
    .where(
      and(eq(trainingCompletions.contactId, contactId), eq(trainingCompletions.training, training.code)),
    );
  if (existing?.status === 'confirmed') return { status: 'already-done', training };

  const result = await recordTraining(
    db,
    catalog,
    // Confirming a declaration keeps the day the contact declared.
    {
      by: input.by,
      contact: { contactId },
      training: training.code,
      completedOn: existing?.completedOn,
      partnerId: partner.id,
    },
    input.today,
    notify,
  );
  if (!result.ok) {
    const refusedAsker = result.issues.some(
      (i) => i.code === 'not-allowed' || i.code === 'own-training-only',
    );
    return { status: refusedAsker ? 'forbidden' : 'gone' };
  }
  return { status: result.value.changed ? result.value.status : 'already-done', training };
}

async function firstContactId(db: Db, partnerId: string): Promise<number | undefined> {
  const [first] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.partnerId, partnerId))
    .orderBy(desc(contacts.referent), asc(contacts.id))
    .limit(1);
  return first?.id;
}

/** A Snooze button: no reminder for the item before today + days, one that day (catalog snoozeDays only). */
export function snoozeReminder(
  db: Db,
  catalog: Catalog,
  input: ReminderItemRef & { days: number; by: string; today: IsoDate },
): Promise<SnoozeOutcome> {
  return transaction(db, async (tx) => {
    if (!catalog.reminders.snoozeDays.includes(input.days)) return { status: 'invalid-days' };
    const training = trainingOf(catalog, input.obligation);
    const [partner] = await tx.select().from(partners).where(eq(partners.id, input.partnerId));
    if (!training || !partner) return { status: 'gone' };
    const role = await roleFor(tx, partner, input.by);
    if (role.kind === 'none') return { status: 'forbidden' };
    if (role.kind === 'contact' && input.contactId !== null && input.contactId !== role.contactId)
      return { status: 'forbidden' };
    const until = addDays(input.today, input.days);
    await tx.insert(snoozes).values({
      partnerId: partner.id,
      contactId: input.contactId,
      obligation: training.code,
      until,
      snoozedBy: input.by,
    });
    return { status: 'snoozed', training, until };
  });
}
