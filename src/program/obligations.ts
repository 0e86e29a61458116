import type { Catalog, Obligation, OperatorProgram, PartnershipType, Profile } from './catalog.schema.js';
import { addDays, type IsoDate, maxDate, quarterOf } from './dates.js';
import { entryDate } from './tier-entries.js';
import { tierIndex } from './tiers.js';

export interface PartnerContact {
  id: number;
  /** Null for a contact not on Slack. */
  slackUserId: string | null;
  name: string;
  /** Every profile it holds: one person may be admin, sales and technical. */
  profiles: readonly Profile[];
  /** The profiles it is the designated referent for (each one it holds). */
  referentProfiles: readonly Profile[];
}

/** Whether the contact holds the profile (a profile rule is met by any contact holding it). */
export function holdsProfile(contact: Pick<PartnerContact, 'profiles'>, profile: Profile): boolean {
  return contact.profiles.includes(profile);
}

/** Whether the contact is the designated referent for the profile. */
export function isReferentFor(
  contact: Pick<PartnerContact, 'profiles' | 'referentProfiles'>,
  profile: Profile,
): boolean {
  return contact.referentProfiles.includes(profile) && contact.profiles.includes(profile);
}

/**
 * Whether an obligation is the contact's own: a profile one of its profiles, a referent one of its
 * referent roles, and every partner-wide one (PROGRAM.md section 6).
 */
export function isOwnObligation(
  contact: Pick<PartnerContact, 'profiles' | 'referentProfiles'>,
  obligation: Pick<Obligation, 'scope' | 'profile'>,
): boolean {
  if (obligation.scope === 'partner') return true;
  if (obligation.profile === undefined) return false;
  return obligation.scope === 'profile'
    ? holdsProfile(contact, obligation.profile)
    : isReferentFor(contact, obligation.profile);
}

export interface PartnerFacts {
  type: PartnershipType;
  operatorProgram: OperatorProgram | null;
  tier: string;
  /** From tierEntryDates. */
  entries: Record<string, IsoDate>;
  contacts: PartnerContact[];
  trainings: { contactId: number; training: string; completedOn: IsoDate; status: 'confirmed' | 'pending' }[];
  checklist: { item: string; completedOn: IsoDate }[];
}

/**
 * missed: a quarterly duty's quarter that ended with nothing recorded (shown for
 * catalog.quarterlyDuties.missedVisibleForQuarters quarters after it).
 */
export type ObligationStatus = 'done' | 'pending' | 'outstanding' | 'overdue' | 'missed';

/** A calendar quarter: its first and last day, its year and number (1 to 4). */
export interface Quarter {
  start: IsoDate;
  end: IsoDate;
  year: number;
  number: 1 | 2 | 3 | 4;
}

export function quarterContaining(date: IsoDate): Quarter {
  const { start, end } = quarterOf(date);
  return {
    start,
    end,
    year: Number(start.slice(0, 4)),
    number: (Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1) as Quarter['number'],
  };
}

export type ObligationActor =
  | { kind: 'partner' }
  | { kind: 'contact'; contact: PartnerContact }
  | { kind: 'no-contact'; profile: Profile }
  | { kind: 'no-referent'; profile: Profile };

export interface ObligationItem {
  obligation: Obligation;
  status: ObligationStatus;
  dueOn: IsoDate;
  completedOn?: IsoDate;
  actor: ObligationActor;
  /** A quarterly duty's quarter: the current one, or the one it missed. */
  quarter?: Quarter;
}

export function obligationApplies(
  obligation: Obligation,
  type: PartnershipType,
  program: OperatorProgram | null,
): boolean {
  if (obligation.types && !obligation.types.includes(type)) return false;
  if (obligation.programs && (program === null || !obligation.programs.includes(program))) return false;
  return true;
}

/** The obligations a tier lists itself (what a promotion adds), for this type and program. */
export function obligationsAddedBy(
  catalog: Catalog,
  tier: string,
  type: PartnershipType,
  program: OperatorProgram | null,
): Obligation[] {
  tierIndex(catalog, tier); // an unknown tier is a caller bug, not an empty list
  return catalog.obligations.filter((o) => o.tier === tier && obligationApplies(o, type, program));
}

type Completion = { status: 'done' | 'pending'; completedOn: IsoDate } | null;

function earliest<T extends { completedOn: IsoDate }>(list: T[]): T | undefined {
  return [...list].sort((a, b) => a.completedOn.localeCompare(b.completedOn))[0];
}

/** A confirmed completion wins over a pending declaration. */
function trainingCompletion(facts: PartnerFacts, code: string, contactId?: number): Completion {
  const records = facts.trainings.filter(
    (t) => t.training === code && (contactId === undefined || t.contactId === contactId),
  );
  const confirmed = earliest(records.filter((t) => t.status === 'confirmed'));
  if (confirmed) return { status: 'done', completedOn: confirmed.completedOn };
  const pending = earliest(records.filter((t) => t.status === 'pending'));
  return pending ? { status: 'pending', completedOn: pending.completedOn } : null;
}

function checklistCompletion(facts: PartnerFacts, code: string, from?: IsoDate, to?: IsoDate): Completion {
  const found = earliest(
    facts.checklist.filter(
      (c) =>
        c.item === code &&
        (from === undefined || c.completedOn >= from) &&
        (to === undefined || c.completedOn <= to),
    ),
  );
  return found ? { status: 'done', completedOn: found.completedOn } : null;
}

function item(
  obligation: Obligation,
  actor: ObligationActor,
  dueOn: IsoDate,
  completion: Completion,
  today: IsoDate,
  canBeOverdue = true,
): ObligationItem {
  if (completion)
    return { obligation, status: completion.status, dueOn, completedOn: completion.completedOn, actor };
  return { obligation, status: canBeOverdue && today > dueOn ? 'overdue' : 'outstanding', dueOn, actor };
}

/**
 * A quarterly duty: due on the current quarter's last day, never overdue (once the quarter ends it is
 * the next one's turn); each of the `visible` quarters before it that the partner spent in the tier, in
 * whole or in part, after the program started, and that ended with nothing recorded is missed: it was
 * shown as owed while it lasted (PROGRAM.md §6).
 */
function quarterlyItems(
  obligation: Obligation,
  facts: PartnerFacts,
  today: IsoDate,
  visible: number,
  programStart: IsoDate,
) {
  const current = quarterContaining(today);
  const completion = checklistCompletion(facts, obligation.code, current.start, current.end);
  const items = [
    { ...item(obligation, { kind: 'partner' }, current.end, completion, today, false), quarter: current },
  ];
  const countsFrom = maxDate(entryDate(facts.entries, obligation.tier), programStart);
  let quarter = current;
  for (let i = 0; i < visible; i++) {
    quarter = quarterContaining(addDays(quarter.start, -1));
    if (quarter.end < countsFrom) break;
    if (checklistCompletion(facts, obligation.code, quarter.start, quarter.end)) continue;
    items.push({ obligation, status: 'missed', dueOn: quarter.end, actor: { kind: 'partner' }, quarter });
  }
  return items;
}

/**
 * Due `days` after the partner entered the tier that lists the obligation, counted from the program's
 * start at the earliest (PROGRAM.md §6): partners imported with their real, older join dates do not all
 * start overdue.
 */
export function dueDate(enteredOn: IsoDate, days: number, programStart: IsoDate): IsoDate {
  return addDays(maxDate(enteredOn, programStart), days);
}

function itemsFor(
  catalog: Catalog,
  obligation: Obligation,
  facts: PartnerFacts,
  today: IsoDate,
): ObligationItem[] {
  if (obligation.due === 'quarterly')
    return quarterlyItems(
      obligation,
      facts,
      today,
      catalog.quarterlyDuties.missedVisibleForQuarters,
      catalog.programStart,
    );
  const dueOn = dueDate(
    entryDate(facts.entries, obligation.tier),
    obligation.due.daysAfterTierEntry,
    catalog.programStart,
  );
  const perContact = (contactId: number) =>
    obligation.kind === 'training'
      ? trainingCompletion(facts, obligation.code, contactId)
      : checklistCompletion(facts, obligation.code);

  // One item per contact it falls to (by profile or as referent); none: one item saying whom it lacks.
  const contactItems = (
    fallsTo: (contact: PartnerContact, profile: Profile) => boolean,
    nobody: 'no-contact' | 'no-referent',
  ) => {
    const profile = obligation.profile!;
    const contacts = facts.contacts.filter((c) => fallsTo(c, profile));
    if (contacts.length === 0) return [item(obligation, { kind: nobody, profile }, dueOn, null, today)];
    return contacts.map((contact) =>
      item(obligation, { kind: 'contact', contact }, dueOn, perContact(contact.id), today),
    );
  };

  switch (obligation.scope) {
    case 'partner': {
      const completion =
        obligation.kind === 'training'
          ? trainingCompletion(facts, obligation.code)
          : checklistCompletion(facts, obligation.code);
      return [item(obligation, { kind: 'partner' }, dueOn, completion, today)];
    }
    case 'profile':
      return contactItems(holdsProfile, 'no-contact');
    case 'referent':
      return contactItems(isReferentFor, 'no-referent');
  }
}

const STATUS_ORDER: Record<ObligationStatus, number> = {
  overdue: 0,
  missed: 1,
  outstanding: 2,
  pending: 3,
  done: 4,
};

/**
 * What the partner owes today: its tier's obligations and every lower tier's, for its type and program,
 * one item per responsible contact (and per missed quarter of a quarterly duty), due from
 * catalog.programStart at the earliest (the composition root applies PROGRAM_START to it: see
 * programCatalog in src/config.ts). Overdue first (oldest first), then missed quarters (oldest first),
 * then outstanding by due date, then pending, then done; ties keep the catalog's order.
 */
export function obligationsFor(catalog: Catalog, facts: PartnerFacts, today: IsoDate): ObligationItem[] {
  const top = tierIndex(catalog, facts.tier);
  return catalog.obligations
    .filter(
      (o) => tierIndex(catalog, o.tier) <= top && obligationApplies(o, facts.type, facts.operatorProgram),
    )
    .flatMap((o) => itemsFor(catalog, o, facts, today))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (a.status === 'pending' || a.status === 'done' ? 0 : a.dueOn.localeCompare(b.dueOn)),
    );
}
