import type { Catalog, Obligation, OperatorProgram, PartnershipType, Profile } from './catalog.schema.js';
import { addDays, type IsoDate, maxDate, quarterOf } from './dates.js';
import { entryDate } from './tier-entries.js';
import { tierIndex } from './tiers.js';

export interface PartnerContact {
  id: number;
  slackUserId: string;
  name: string;
  profile: Profile;
  referent: boolean;
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

export type ObligationStatus = 'done' | 'pending' | 'outstanding' | 'overdue';

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
 * Due `days` after the partner entered the tier that lists the obligation, counted from the program's
 * start at the earliest (PROGRAM.md §6): partners imported with their real, older join dates do not all
 * start overdue.
 */
export function dueDate(enteredOn: IsoDate, days: number, programStart: IsoDate): IsoDate {
  return addDays(maxDate(enteredOn, programStart), days);
}

function itemsFor(
  obligation: Obligation,
  facts: PartnerFacts,
  today: IsoDate,
  programStart: IsoDate,
): ObligationItem[] {
  if (obligation.due === 'quarterly') {
    // Recurs each calendar quarter: only what is recorded in today's quarter counts.
    const quarter = quarterOf(today);
    const completion = checklistCompletion(facts, obligation.code, quarter.start, quarter.end);
    return [item(obligation, { kind: 'partner' }, quarter.end, completion, today, false)];
  }
  const dueOn = dueDate(
    entryDate(facts.entries, obligation.tier),
    obligation.due.daysAfterTierEntry,
    programStart,
  );
  const perContact = (contactId: number) =>
    obligation.kind === 'training'
      ? trainingCompletion(facts, obligation.code, contactId)
      : checklistCompletion(facts, obligation.code);

  switch (obligation.scope) {
    case 'partner': {
      const completion =
        obligation.kind === 'training'
          ? trainingCompletion(facts, obligation.code)
          : checklistCompletion(facts, obligation.code);
      return [item(obligation, { kind: 'partner' }, dueOn, completion, today)];
    }
    case 'profile': {
      const profile = obligation.profile!;
      const contacts = facts.contacts.filter((c) => c.profile === profile);
      if (contacts.length === 0)
        return [item(obligation, { kind: 'no-contact', profile }, dueOn, null, today)];
      return contacts.map((contact) =>
        item(obligation, { kind: 'contact', contact }, dueOn, perContact(contact.id), today),
      );
    }
    case 'referent': {
      const profile = obligation.profile!;
      const referents = facts.contacts.filter((c) => c.profile === profile && c.referent);
      if (referents.length === 0)
        return [item(obligation, { kind: 'no-referent', profile }, dueOn, null, today)];
      return referents.map((contact) =>
        item(obligation, { kind: 'contact', contact }, dueOn, perContact(contact.id), today),
      );
    }
  }
}

const STATUS_ORDER: Record<ObligationStatus, number> = { overdue: 0, outstanding: 1, pending: 2, done: 3 };

/**
 * What the partner owes today: its tier's obligations and every lower tier's, for its type and program,
 * one item per responsible contact, due from catalog.programStart at the earliest (the composition root
 * applies PROGRAM_START to it: see programCatalog in src/config.ts). Overdue first (oldest first), then outstanding by due date, then
 * pending, then done; ties keep the catalog's order.
 */
export function obligationsFor(catalog: Catalog, facts: PartnerFacts, today: IsoDate): ObligationItem[] {
  const top = tierIndex(catalog, facts.tier);
  return catalog.obligations
    .filter(
      (o) => tierIndex(catalog, o.tier) <= top && obligationApplies(o, facts.type, facts.operatorProgram),
    )
    .flatMap((o) => itemsFor(o, facts, today, catalog.programStart))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (a.status === 'overdue' || a.status === 'outstanding' ? a.dueOn.localeCompare(b.dueOn) : 0),
    );
}
