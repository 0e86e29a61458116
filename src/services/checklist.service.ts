import type { PartnerRow } from '../db/repositories/partners.repository.js';
import type { Catalog, Label } from '../program/catalog.schema.js';
import { isRenewal } from '../program/certifications.js';
import { type IsoDate, quarterOf } from '../program/dates.js';
import { obligationApplies } from '../program/obligations.js';
import { checkCompletedOn, refused, succeeded, type WriteIssue } from './write-issues.js';
import { staffPartnerWrite } from './write-transaction.js';

/** Something a partner as a whole does once (or each quarter), recorded by staff: doc-*, com-*, sales-*, zen-*. */
export interface ChecklistEntry {
  code: string;
  label: Label;
  group: 'obligation' | 'zen';
  /** sales-*: done again each calendar quarter. */
  quarterly: boolean;
  /** The obligation, to check it applies to the partner's type and program (zen requirements apply to all). */
  obligation?: Catalog['obligations'][number];
}

/** Every item staff can mark done: the non-training obligations and the Experts Zen requirements not computed. */
export function checklistEntries(catalog: Catalog): ChecklistEntry[] {
  return [
    ...catalog.obligations
      .filter((o) => o.kind !== 'training')
      .map((o) => ({
        code: o.code,
        label: o.label,
        group: 'obligation' as const,
        quarterly: o.due === 'quarterly',
        obligation: o,
      })),
    ...catalog.expertsZen.requirements
      .filter((r) => !r.computed)
      .map((r) => ({ code: r.code, label: r.label, group: 'zen' as const, quarterly: false })),
  ];
}

export interface MarkDoneInput {
  by: string;
  partnerId: string;
  /** The item's code, as typed. */
  item: string;
  /** YYYY-MM-DD, today when left out. */
  completedOn?: string | undefined;
}

export interface ChecklistMarked {
  partner: PartnerRow;
  entry: ChecklistEntry;
  completedOn: IsoDate;
  /** Set when the item was already done (this quarter for sales-*): nothing written. */
  alreadyDoneOn?: IsoDate;
}

/** Checks an item code: a checklist item, not a training and not a computed requirement. */
export function checkChecklistItem(
  catalog: Catalog,
  text: string,
): { entry?: ChecklistEntry; issue?: WriteIssue } {
  const code = text.trim().toLowerCase();
  if (!code) return { issue: { code: 'item-missing' } };
  const entry = checklistEntries(catalog).find((e) => e.code === code);
  if (entry) return { entry };
  if (catalog.obligations.some((o) => o.code === code && o.kind === 'training'))
    return { issue: { code: 'item-is-training', value: code } };
  if (catalog.expertsZen.requirements.some((r) => r.code === code && r.computed))
    return { issue: { code: 'item-computed', value: code } };
  return { issue: { code: 'item-unknown', value: text.trim() } };
}

/**
 * Marks a checklist item done for a partner (staff only). An item already done (for sales-*, already
 * done in that quarter; for a lapsing certification, done and not due again yet) is left as it is and
 * said so.
 */
export const markChecklistDone = staffPartnerWrite<MarkDoneInput, ChecklistMarked>(
  async (repos, { partner, issues }, { catalog, input, today }) => {
    const { entry, issue: itemIssue } = checkChecklistItem(catalog, input.item);
    if (itemIssue) issues.push(itemIssue);
    const { date, issue: dateIssue } = checkCompletedOn(input.completedOn, today);
    if (dateIssue) issues.push(dateIssue);
    if (
      partner &&
      entry?.obligation &&
      !obligationApplies(entry.obligation, partner.type, partner.operatorProgram)
    )
      issues.push({ code: 'item-not-applicable', item: entry.code, partnerName: partner.name });
    if (issues.length || !partner || !entry || !date) return refused(...issues);

    const done = await repos.checklist.completions(partner.id, entry.code);
    const quarter = quarterOf(date);
    // A lapsing certification (Experts Zen QCM, certification training) is recorded again once due again.
    const renewal = isRenewal(catalog, entry.code, done, date);
    const already = done.find((d) => !entry.quarterly || (d >= quarter.start && d <= quarter.end));
    if (already && !renewal) return succeeded({ partner, entry, completedOn: date, alreadyDoneOn: already });

    await repos.checklist.add({ partnerId: partner.id, item: entry.code, completedOn: date });
    await repos.audit.record({
      actor: input.by,
      action: 'checklist.done',
      partnerId: partner.id,
      details: { item: entry.code, completedOn: date },
    });
    return succeeded({ partner, entry, completedOn: date });
  },
);
