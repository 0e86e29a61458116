import type { Catalog, ZenRequirement } from './catalog.schema.js';
import { addDays, addMonths, type IsoDate } from './dates.js';

/**
 * Experts Zen certifications that lapse (issue 14): a requirement with `validForMonths` in the catalog
 * (the QCM and the certification training: 24) lapses that many months after it was done, and falls due
 * again `expertsZen.renewalReminderDays` (30) days before: its contacts are reminded then, once per lapse,
 * and a renewal can be recorded from that day. Once lapsed it is unmet (zen.ts): a listing is suspended.
 */

export type CertificationStatus =
  /** Done, and not due again yet. */
  | 'valid'
  /** Due again: it lapses within renewalReminderDays. */
  | 'due-again'
  /** Lapsed: unmet until renewed. */
  | 'lapsed';

export interface Certification {
  requirement: ZenRequirement;
  /** The latest day it was done. */
  doneOn: IsoDate;
  /** The first day it no longer counts. */
  lapsesOn: IsoDate;
  /** The day it falls due again (and its contacts are reminded). */
  dueAgainOn: IsoDate;
  status: CertificationStatus;
}

/** The requirements that lapse (catalog validForMonths). */
export function lapsingRequirements(catalog: Catalog): (ZenRequirement & { validForMonths: number })[] {
  return catalog.expertsZen.requirements.flatMap((r) =>
    r.validForMonths ? [{ ...r, validForMonths: r.validForMonths }] : [],
  );
}

/** When a certification done on `doneOn` lapses, and when it falls due again before that. */
export function certificationDates(
  catalog: Catalog,
  requirement: { validForMonths: number },
  doneOn: IsoDate,
): { lapsesOn: IsoDate; dueAgainOn: IsoDate } {
  const lapsesOn = addMonths(doneOn, requirement.validForMonths);
  return { lapsesOn, dueAgainOn: addDays(lapsesOn, -catalog.expertsZen.renewalReminderDays) };
}

/** Each lapsing requirement the partner did, from its latest completion, as of `today`. */
export function certifications(
  catalog: Catalog,
  checklist: readonly { item: string; completedOn: IsoDate }[],
  today: IsoDate,
): Certification[] {
  return lapsingRequirements(catalog).flatMap((requirement) => {
    const done = checklist
      .filter((c) => c.item === requirement.code && c.completedOn <= today)
      .map((c) => c.completedOn)
      .sort();
    const doneOn = done.at(-1);
    if (!doneOn) return [];
    const { lapsesOn, dueAgainOn } = certificationDates(catalog, requirement, doneOn);
    const status = today >= lapsesOn ? 'lapsed' : today >= dueAgainOn ? 'due-again' : 'valid';
    return [{ requirement, doneOn, lapsesOn, dueAgainOn, status }];
  });
}

/**
 * The renewals to remind today: certifications due again, not lapsed yet, whose lapse was not reminded
 * already (`reminded(code, lapsesOn)`, from the reminder log): once per lapse, on the day it falls due
 * again or on the first run after it (a weekend, a day the job was down).
 */
export function renewalsToRemind(
  catalog: Catalog,
  checklist: readonly { item: string; completedOn: IsoDate }[],
  today: IsoDate,
  reminded: (code: string, lapsesOn: IsoDate) => boolean,
): Certification[] {
  return certifications(catalog, checklist, today).filter(
    (c) => c.status === 'due-again' && !reminded(c.requirement.code, c.lapsesOn),
  );
}

/**
 * Whether recording a requirement done on `date` renews it: for a lapsing one, when no completion on
 * record still holds then without being due again; any other is done once for good.
 */
export function isRenewal(
  catalog: Catalog,
  code: string,
  completions: readonly IsoDate[],
  date: IsoDate,
): boolean {
  const requirement = lapsingRequirements(catalog).find((r) => r.code === code);
  if (!requirement) return false;
  return completions.every((doneOn) => date >= certificationDates(catalog, requirement, doneOn).dueAgainOn);
}
