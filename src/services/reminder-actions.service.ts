import type { Db } from '../db/client.js';
import type { ContactRow } from '../db/repositories/contacts.repository.js';
import { createRepositories } from '../db/repositories/index.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import { transaction } from '../db/transaction.js';
import type { Catalog, Obligation } from '../program/catalog.schema.js';
import { addDays, type IsoDate } from '../program/dates.js';
import { type Asker, identifyActor, isContactOf, isStaff } from './actor.service.js';
import { type NotifyOptions, recordTraining } from './trainings.service.js';

/**
 * Whether a click comes from the contact's own Slack team. In a Slack Connect channel anyone there can
 * click; the user id and the team (the interaction's user.team_id) must both be the contact's. A team
 * not yet known is recorded the first time the contact is seen.
 */
async function fromOwnTeam(db: Db, contact: ContactRow, team: string | undefined): Promise<boolean> {
  if (!team || !contact.slackUserId) return true;
  if (contact.slackTeamId) return contact.slackTeamId === team;
  await createRepositories(db).contacts.recordTeam(contact.slackUserId, team);
  return true;
}

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
  input: ReminderItemRef & {
    by: Asker;
    team?: string;
    today: IsoDate;
    now?: Date;
    /** The partner's row when the caller has just read it on `db` (its id partnerId): not read again. */
    partnerRow?: PartnerRow;
  },
  notify?: NotifyOptions,
): Promise<DoneOutcome> {
  const training = trainingOf(catalog, input.obligation);
  const repos = createRepositories(db);
  const partner =
    input.partnerRow?.id === input.partnerId ? input.partnerRow : await repos.partners.byId(input.partnerId);
  if (!training || !partner) return { status: 'gone' };
  // Dstny staff (the partner's manager among them) or one of its contacts; anyone else is refused.
  const actor = await identifyActor(db, input.by);
  const contact = isContactOf(actor, partner.id) ? actor.contact : undefined;
  if (!isStaff(actor) && !contact) return { status: 'forbidden' };
  // A contact answers for its own items (and the partner's), from its own team.
  if (contact && input.contactId !== null && input.contactId !== contact.id) return { status: 'forbidden' };
  if (contact && !(await fromOwnTeam(db, contact, input.team))) return { status: 'forbidden' };
  const contactId = input.contactId ?? contact?.id ?? (await repos.contacts.firstForPartner(partner.id));
  if (contactId === undefined) return { status: 'no-contact' };
  const existing = await repos.trainings.completionOf(contactId, training.code);
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
      partnerRow: partner,
      now: input.now,
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

/** A Snooze button: no reminder for the item before today + days, one that day (catalog snoozeDays only). */
export function snoozeReminder(
  db: Db,
  catalog: Catalog,
  input: ReminderItemRef & { days: number; by: string; team?: string; today: IsoDate },
): Promise<SnoozeOutcome> {
  return transaction(db, async (tx) => {
    if (!catalog.reminders.snoozeDays.includes(input.days)) return { status: 'invalid-days' };
    const training = trainingOf(catalog, input.obligation);
    const repos = createRepositories(tx);
    const partner = await repos.partners.byId(input.partnerId);
    if (!training || !partner) return { status: 'gone' };
    // Staff may put off any item; one of the partner's contacts, the partner's and its own.
    const actor = await identifyActor(tx, input.by);
    const allowed =
      isStaff(actor) ||
      (isContactOf(actor, partner.id) && (input.contactId === null || input.contactId === actor.contact.id));
    if (!allowed) return { status: 'forbidden' };
    if (isContactOf(actor, partner.id) && !(await fromOwnTeam(tx, actor.contact, input.team)))
      return { status: 'forbidden' };
    const until = addDays(input.today, input.days);
    await repos.snoozes.add({
      partnerId: partner.id,
      contactId: input.contactId,
      obligation: training.code,
      until,
      snoozedBy: input.by,
    });
    return { status: 'snoozed', training, until };
  });
}
