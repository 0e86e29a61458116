import type { Db } from '../db/client.js';
import {
  type ContactRow,
  type ContactsRepository,
  createContactsRepository,
} from '../db/repositories/contacts.repository.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import {
  createTrainingsRepository,
  type PendingCompletion,
} from '../db/repositories/trainings.repository.js';
import { writeNotifications } from '../i18n/writes.js';
import { enqueue } from '../outbox/enqueue.js';
import type { Catalog, Locale, Obligation } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { isOwnObligation, obligationApplies } from '../program/obligations.js';
import { searchKey } from '../program/text.js';
import type { Actor, Asker } from './actor.service.js';
import { checkCompletedOn, refused, succeeded, type WriteIssue, type WriteResult } from './write-issues.js';
import { inTransaction } from './write-transaction.js';

/** How a training's contact was named: a Slack user id (mention, picker), a contact id, or a name. */
export type ContactRef = { slackUserId: string } | { contactId: number } | { name: string };

export interface RecordTrainingInput {
  /** Whoever records it (a Slack user id, or a contact's declaration link): staff record it done, a contact declares its own. */
  by: Asker;
  /** Whose training; a contact may leave it out (itself). */
  contact?: ContactRef | undefined;
  /** A trn-* code, as typed. */
  training: string;
  /** YYYY-MM-DD, today when left out. */
  completedOn?: string | undefined;
  /** The partner the asker is working on (its channel, its modal): the contact must be one of its own. */
  partnerId?: string | undefined;
  /**
   * A partner's row the caller has just read in the same transaction: the contact's partner, when it is
   * this one, is not read again.
   */
  partnerRow?: PartnerRow | undefined;
  /** When it is recorded (a confirmation's confirmed_at); the database's clock when left out. */
  now?: Date | undefined;
}

export interface TrainingRecorded {
  partner: PartnerRow;
  contact: ContactRow;
  training: Obligation;
  completedOn: IsoDate;
  /** confirmed when staff recorded it (or it already was); pending for a contact's own declaration. */
  status: 'confirmed' | 'pending';
  /** What was recorded before for this contact and training. */
  previous: { status: 'confirmed' | 'pending'; completedOn: IsoDate } | null;
  /** False when nothing needed writing (already recorded the same way, or already confirmed). */
  changed: boolean;
  completionId: number;
}

export interface NotifyOptions {
  /** Locale of the messages queued for the manager or the contact (config.LOCALE). */
  locale: Locale;
}

export function trainingObligations(catalog: Catalog): Obligation[] {
  return catalog.obligations.filter((o) => o.kind === 'training');
}

export function findTraining(catalog: Catalog, text: string): Obligation | undefined {
  const key = text.trim().toLowerCase();
  return trainingObligations(catalog).find((o) => o.code === key);
}

type ContactLookup =
  | { kind: 'found'; contact: ContactRow }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: ContactRow[] };

/**
 * Finds a contact by Slack id, contact id or name (case- and accent-insensitive, whole name or its
 * start), among one partner's contacts when `partnerId` is given.
 */
export async function findContact(
  contacts: ContactsRepository,
  ref: ContactRef,
  partnerId?: string,
): Promise<ContactLookup> {
  if ('slackUserId' in ref || 'contactId' in ref) {
    const row =
      'slackUserId' in ref
        ? await contacts.bySlackUserId(ref.slackUserId)
        : await contacts.byId(ref.contactId);
    return row ? { kind: 'found', contact: row } : { kind: 'none' };
  }
  const key = searchKey(ref.name.replace(/^@/, ''));
  if (!key) return { kind: 'none' };
  const all = await contacts.byName(partnerId || undefined);
  const exact = all.filter((c) => searchKey(c.name) === key);
  if (exact.length === 1) return { kind: 'found', contact: exact[0]! };
  const matches = exact.length ? exact : all.filter((c) => searchKey(c.name).startsWith(key));
  if (matches.length === 1) return { kind: 'found', contact: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches.slice(0, 10) };
  return { kind: 'none' };
}

function describeRef(ref: ContactRef): string {
  if ('slackUserId' in ref) return ref.slackUserId;
  if ('contactId' in ref) return `#${ref.contactId}`;
  return ref.name;
}

/**
 * A training done. Staff record it confirmed (confirming a pending declaration if there was one). A
 * contact may only declare its own (for itself, and a training of its profiles, of its referent roles or
 * partner-wide): stored pending until a manager confirms it, which already stops its reminders (the
 * rules count a pending training as declared, not outstanding), and the partner's manager is told
 * through the outbox. Declaring one already waiting for confirmation changes nothing and tells nobody.
 */
export function recordTraining(
  db: Db,
  catalog: Catalog,
  input: RecordTrainingInput,
  today: IsoDate,
  notify?: NotifyOptions,
): Promise<WriteResult<TrainingRecorded>> {
  return inTransaction(db, input.by, async (repos, actor, tx) => {
    if (actor.kind === 'stranger') return refused({ code: 'not-allowed' });
    const issues: WriteIssue[] = [];

    let contact: ContactRow | undefined;
    if (actor.kind === 'contact') {
      const self = actor.contact;
      const isSelf =
        input.contact === undefined ||
        ('slackUserId' in input.contact && input.contact.slackUserId === self.slackUserId) ||
        ('contactId' in input.contact && input.contact.contactId === self.id) ||
        ('name' in input.contact && searchKey(input.contact.name.replace(/^@/, '')) === searchKey(self.name));
      // Refused in the same words whether the other contact exists or not.
      if (!isSelf) return refused({ code: 'own-training-only' });
      contact = self;
    } else if (input.contact === undefined) {
      issues.push({ code: 'contact-missing' });
    } else {
      const found = await findContact(
        repos.contacts,
        input.contact,
        'name' in input.contact ? input.partnerId : undefined,
      );
      if (found.kind === 'found') contact = found.contact;
      else if (found.kind === 'ambiguous')
        issues.push({
          code: 'contact-ambiguous',
          value: describeRef(input.contact),
          candidates: found.candidates,
        });
      else issues.push({ code: 'contact-unknown', value: describeRef(input.contact) });
    }

    const trainingText = input.training.trim();
    const training = trainingText ? findTraining(catalog, trainingText) : undefined;
    if (!trainingText) issues.push({ code: 'training-missing' });
    else if (!training) issues.push({ code: 'training-unknown', value: trainingText });
    const { date, issue: dateIssue } = checkCompletedOn(input.completedOn, today);
    if (dateIssue) issues.push(dateIssue);

    let partner: PartnerRow | undefined;
    if (contact) {
      partner =
        input.partnerRow?.id === contact.partnerId
          ? input.partnerRow
          : await repos.partners.byId(contact.partnerId);
      if (input.partnerId !== undefined && contact.partnerId !== input.partnerId) {
        const expected = await repos.partners.byId(input.partnerId);
        issues.push({
          code: 'contact-other-partner',
          contactName: contact.name,
          partnerName: expected?.name ?? input.partnerId,
        });
      }
      if (partner && training && !obligationApplies(training, partner.type, partner.operatorProgram))
        issues.push({ code: 'training-not-applicable', training: training.code, partnerName: partner.name });
      // A contact declares only its own: its profiles', its referent roles' and the partner-wide ones.
      else if (actor.kind === 'contact' && training && !isOwnObligation(contact, training))
        issues.push({
          code: 'training-not-own',
          training: training.code,
          profiles: contact.profiles,
          referentProfiles: contact.referentProfiles,
        });
    }
    if (issues.length || !contact || !partner || !training || !date) return refused(...issues);

    const existing = await repos.trainings.ofContactForUpdate(contact.id, training.code);
    const previous = existing ? { status: existing.status, completedOn: existing.completedOn } : null;
    const base = { partner, contact, training, previous };

    if (actor.kind === 'contact') {
      // Already confirmed by a manager: a declaration adds nothing. Already waiting for the manager's
      // confirmation: said again, the record and the manager left alone.
      if (existing && (existing.status === 'confirmed' || existing.status === 'pending'))
        return succeeded({
          ...base,
          completedOn: existing.completedOn,
          status: existing.status,
          changed: false,
          completionId: existing.id,
        });
      const row = await repos.trainings.insertDeclared({
        partnerId: partner.id,
        contactId: contact.id,
        training: training.code,
        completedOn: date,
        declaredBy: actor.slackUserId,
      });
      await repos.audit.record({
        actor: actor.slackUserId,
        action: 'training.declared',
        partnerId: partner.id,
        details: { contactId: contact.id, training: training.code, completedOn: date, previous },
      });
      if (notify && partner.managerSlackUserId) {
        const n = writeNotifications[notify.locale];
        await enqueue(tx, [
          {
            dedupeKey: `training.declared:${row!.id}:${date}`,
            kind: 'training.declared',
            channel: partner.managerSlackUserId,
            text: n.declared({
              contact: contact.slackUserId ?? contact.name,
              contactName: contact.name,
              partner: partner.name,
              training: training.label[notify.locale],
              date,
            }),
          },
        ]);
      }
      return succeeded({
        ...base,
        completedOn: date,
        status: 'pending',
        changed: true,
        completionId: row!.id,
      });
    }

    if (existing?.status === 'confirmed' && existing.completedOn === date)
      return succeeded({
        ...base,
        completedOn: date,
        status: 'confirmed',
        changed: false,
        completionId: existing.id,
      });
    const confirmed = { by: actor.slackUserId, at: input.now };
    const row = existing
      ? await repos.trainings.confirm(existing.id, { ...confirmed, completedOn: date })
      : await repos.trainings.insertConfirmed(
          {
            partnerId: partner.id,
            contactId: contact.id,
            training: training.code,
            completedOn: date,
            declaredBy: actor.slackUserId,
          },
          confirmed,
        );
    await repos.audit.record({
      actor: actor.slackUserId,
      action: 'training.confirmed',
      partnerId: partner.id,
      details: { contactId: contact.id, training: training.code, completedOn: date, previous },
    });
    return succeeded({
      ...base,
      completedOn: date,
      status: 'confirmed',
      changed: true,
      completionId: row!.id,
    });
  });
}

export interface DeclarationDecided {
  decision: 'confirm' | 'reject';
  partner: PartnerRow;
  contact: ContactRow;
  training: string;
  completedOn: IsoDate;
}

/**
 * A manager confirms a contact's declaration (the training is then done) or rejects it (the record is
 * removed and the reminders resume). Staff only; the contact is told through the outbox.
 */
export function decideDeclaration(
  db: Db,
  input: { by: string; completionId: number; decision: 'confirm' | 'reject'; now: Date },
  notify?: NotifyOptions & { catalog: Catalog },
): Promise<WriteResult<DeclarationDecided>> {
  return inTransaction(db, input.by, async (repos, actor, tx) => {
    if (actor.kind !== 'staff') return refused({ code: 'not-allowed' });
    const row = await repos.trainings.pendingForUpdate(input.completionId);
    if (!row) return refused({ code: 'declaration-gone' });
    const { completion, contact, partner } = row;
    if (input.decision === 'confirm') {
      await repos.trainings.confirm(completion.id, { by: actor.slackUserId, at: input.now });
    } else {
      await repos.trainings.remove(completion.id);
    }
    await repos.audit.record({
      actor: actor.slackUserId,
      action: input.decision === 'confirm' ? 'training.confirmed' : 'training.rejected',
      partnerId: partner.id,
      details: {
        completionId: completion.id,
        contactId: contact.id,
        training: completion.training,
        completedOn: completion.completedOn,
        declaredBy: completion.declaredBy,
      },
    });
    // A contact not on Slack is not told in Slack (its reminders stop or resume by e-mail).
    if (notify && contact.slackUserId) {
      const n = writeNotifications[notify.locale];
      const obligation = notify.catalog.obligations.find((o) => o.code === completion.training);
      await enqueue(tx, [
        {
          dedupeKey: `training.${input.decision}:${completion.id}`,
          kind: `training.${input.decision}ed`,
          channel: contact.slackUserId,
          text: n.decided(input.decision, {
            by: actor.slackUserId,
            training: obligation ? obligation.label[notify.locale] : completion.training,
            date: completion.completedOn,
          }),
        },
      ]);
    }
    return succeeded({
      decision: input.decision,
      partner,
      contact,
      training: completion.training,
      completedOn: completion.completedOn,
    });
  });
}

export type PendingDeclaration = PendingCompletion;

/**
 * Declarations awaiting a manager, oldest first: an admin sees all of them, a manager those of the
 * partners it manages and of partners nobody manages. Nothing for anyone else.
 */
export async function pendingDeclarations(
  db: Db,
  actor: Actor,
  options: { limit?: number } = {},
): Promise<{ items: PendingDeclaration[]; total: number }> {
  if (actor.kind !== 'staff') return { items: [], total: 0 };
  const rows = await createTrainingsRepository(db).pending(
    actor.role === 'admin' ? {} : { managedBy: actor.slackUserId },
  );
  return { items: options.limit === undefined ? rows : rows.slice(0, options.limit), total: rows.length };
}

/** The contacts of a partner, for a picker. */
export async function partnerContacts(db: Db, partnerId: string): Promise<ContactRow[]> {
  return createContactsRepository(db).byName(partnerId);
}
