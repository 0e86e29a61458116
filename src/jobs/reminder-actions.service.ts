import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog, contacts, partners, snoozes, staff, trainingCompletions } from '../db/schema.js';
import type { Catalog, Obligation } from '../program/catalog.schema.js';
import { addDays, type IsoDate } from '../program/dates.js';

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

/** Who the clicker is for this partner: its manager or Dstny staff, one of its contacts, or nobody. */
async function roleFor(
  tx: Db,
  partner: { id: string; managerSlackUserId: string | null },
  by: string,
): Promise<Role> {
  if (partner.managerSlackUserId === by) return { kind: 'staff' };
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
 * The Done button of a reminder. The partner's manager or Dstny staff record the training confirmed (a
 * pending declaration becomes confirmed); a contact records it pending, awaiting a manager's confirmation
 * (which already stops the reminders: the rules count it declared). A contact may only answer for its
 * own items and the partner's; a partner item is recorded for the contact who clicked, or, from staff,
 * for the partner's first referent (else first contact).
 */
export function markReminderDone(
  db: Db,
  catalog: Catalog,
  input: ReminderItemRef & { by: string; today: IsoDate; now: Date },
): Promise<DoneOutcome> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const training = trainingOf(catalog, input.obligation);
    const [partner] = await tx.select().from(partners).where(eq(partners.id, input.partnerId));
    if (!training || !partner) return { status: 'gone' };
    const role = await roleFor(tx, partner, input.by);
    if (role.kind === 'none') return { status: 'forbidden' };
    if (role.kind === 'contact' && input.contactId !== null && input.contactId !== role.contactId)
      return { status: 'forbidden' };

    let contactId = input.contactId ?? (role.kind === 'contact' ? role.contactId : undefined);
    if (contactId === undefined) {
      const [first] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(eq(contacts.partnerId, partner.id))
        .orderBy(desc(contacts.referent), asc(contacts.id))
        .limit(1);
      if (!first) return { status: 'no-contact' };
      contactId = first.id;
    } else {
      const [contact] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.id, contactId), eq(contacts.partnerId, partner.id)));
      if (!contact) return { status: 'gone' };
    }

    const [existing] = await tx
      .select()
      .from(trainingCompletions)
      .where(
        and(eq(trainingCompletions.contactId, contactId), eq(trainingCompletions.training, training.code)),
      )
      .for('update');
    const confirmed = role.kind === 'staff';
    if (existing && (existing.status === 'confirmed' || !confirmed))
      return { status: 'already-done', training };
    if (existing) {
      await tx
        .update(trainingCompletions)
        .set({ status: 'confirmed', confirmedBy: input.by, confirmedAt: input.now })
        .where(eq(trainingCompletions.id, existing.id));
    } else {
      await tx.insert(trainingCompletions).values({
        partnerId: partner.id,
        contactId,
        training: training.code,
        completedOn: input.today,
        status: confirmed ? 'confirmed' : 'pending',
        declaredBy: input.by,
        ...(confirmed ? { confirmedBy: input.by, confirmedAt: input.now } : {}),
      });
    }
    await tx.insert(auditLog).values({
      actor: input.by,
      action: confirmed ? 'training.confirmed' : 'training.declared',
      partnerId: partner.id,
      details: { training: training.code, contactId, via: 'reminder' },
    });
    return { status: confirmed ? 'confirmed' : 'pending', training };
  });
}

/** A Snooze button: no reminder for the item before today + days, one that day (catalog snoozeDays only). */
export function snoozeReminder(
  db: Db,
  catalog: Catalog,
  input: ReminderItemRef & { days: number; by: string; today: IsoDate },
): Promise<SnoozeOutcome> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
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
