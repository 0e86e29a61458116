import type { Db } from '../db/client.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { forecastDeadline, forecastInTime, parseQuarter, quarterCode } from '../program/objectives.js';
import { type Quarter, quarterContaining } from '../program/obligations.js';
import { checkAmount } from './revenue.service.js';
import { refused, succeeded, type WriteIssue, type WriteResult } from './write-issues.js';
import { staffOnly, staffOrOwnContact, writeOnPartner } from './write-transaction.js';

export const MAX_NOTE_LENGTH = 500;

export interface SalesAmountInput {
  by: string;
  partnerId: string;
  /** YYYY-Qn, as typed. */
  quarter: string;
  /** € a month of the partner's basis, as typed ("1 234,56"). */
  amount: string;
  now: Date;
}

export interface ObjectiveSet {
  partner: PartnerRow;
  quarter: Quarter;
  code: string;
  amountCents: number;
  /** The objective it replaces; null when there was none. */
  previousCents: number | null;
}

export interface ForecastGiven extends ObjectiveSet {
  givenOn: IsoDate;
  deadline: IsoDate;
  inTime: boolean;
  objectiveCents: number | null;
}

export interface PlanReviewed {
  partner: PartnerRow;
  reviewedOn: IsoDate;
  quarter: string;
  note: string;
}

function checkQuarter(text: string): { quarter?: Quarter; issue?: WriteIssue } {
  const raw = text.trim();
  if (!raw) return { issue: { code: 'quarter-missing' } };
  const quarter = parseQuarter(raw);
  return quarter ? { quarter } : { issue: { code: 'quarter-invalid', value: raw } };
}

function checkQuarterAndAmount(input: SalesAmountInput, issues: WriteIssue[]) {
  const { quarter, issue } = checkQuarter(input.quarter);
  if (issue) issues.push(issue);
  const { cents, issue: amountIssue } = checkAmount(input.amount);
  if (amountIssue) issues.push(amountIssue);
  return { quarter, cents };
}

/**
 * A manager sets a partner's objective for a quarter, in € a month of its basis (staff, audited
 * `sales.objective`). Setting it again replaces it.
 */
export function setObjective(db: Db, input: SalesAmountInput): Promise<WriteResult<ObjectiveSet>> {
  return writeOnPartner(db, input.by, input.partnerId, staffOnly, async (repos, { partner, issues }) => {
    const { quarter, cents } = checkQuarterAndAmount(input, issues);
    if (issues.length || !partner || !quarter || cents === undefined) return refused(...issues);
    const code = quarterCode(quarter);
    const previous = await repos.salesObjectives.forUpdate(partner.id, code);
    await repos.salesObjectives.setObjective(
      { partnerId: partner.id, quarter: code, objectiveCents: cents, by: input.by },
      input.now,
    );
    const previousCents = previous?.objectiveCents ?? null;
    await repos.audit.record({
      actor: input.by,
      action: 'sales.objective',
      partnerId: partner.id,
      details: { quarter: code, objectiveCents: cents, previousCents },
    });
    return succeeded({ partner, quarter, code, amountCents: cents, previousCents });
  });
}

/**
 * The partner's forecast for a quarter, given today by a manager or by one of its own contacts (audited
 * `sales.forecast`). In time up to the quarter's start + catalog.salesObjectives.forecastDueDays; a
 * quarter that ended takes none.
 */
export function giveForecast(
  db: Db,
  catalog: Catalog,
  input: SalesAmountInput,
  today: IsoDate,
): Promise<WriteResult<ForecastGiven>> {
  return writeOnPartner(
    db,
    input.by,
    input.partnerId,
    staffOrOwnContact,
    async (repos, { partner, issues }) => {
      const { quarter, cents } = checkQuarterAndAmount(input, issues);
      if (quarter && today > quarter.end) issues.push({ code: 'quarter-ended', value: quarterCode(quarter) });
      if (issues.length || !partner || !quarter || cents === undefined) return refused(...issues);
      const code = quarterCode(quarter);
      const previous = await repos.salesObjectives.forUpdate(partner.id, code);
      await repos.salesObjectives.setForecast(
        { partnerId: partner.id, quarter: code, forecastCents: cents, forecastOn: today, by: input.by },
        input.now,
      );
      const previousCents = previous?.forecastCents ?? null;
      const inTime = forecastInTime(catalog, quarter, today);
      await repos.audit.record({
        actor: input.by,
        action: 'sales.forecast',
        partnerId: partner.id,
        details: { quarter: code, forecastCents: cents, previousCents, givenOn: today, inTime },
      });
      return succeeded({
        partner,
        quarter,
        code,
        amountCents: cents,
        previousCents,
        givenOn: today,
        deadline: forecastDeadline(catalog, quarter),
        inTime,
        objectiveCents: previous?.objectiveCents ?? null,
      });
    },
  );
}

/**
 * A review of the partner's development plan, today, with a short note (staff, audited `sales.review`):
 * it satisfies "Suivi plan développement" for its quarter.
 */
export function recordPlanReview(
  db: Db,
  input: { by: string; partnerId: string; note: string },
  today: IsoDate,
): Promise<WriteResult<PlanReviewed>> {
  return writeOnPartner(db, input.by, input.partnerId, staffOnly, async (repos, { partner, issues }) => {
    const note = input.note.replace(/\s+/g, ' ').trim();
    if (!note) issues.push({ code: 'note-missing' });
    else if (note.length > MAX_NOTE_LENGTH) issues.push({ code: 'note-too-long', max: MAX_NOTE_LENGTH });
    if (issues.length || !partner) return refused(...issues);
    await repos.planReviews.add({ partnerId: partner.id, reviewedOn: today, note, reviewedBy: input.by });
    const quarter = quarterCode(quarterContaining(today));
    await repos.audit.record({
      actor: input.by,
      action: 'sales.review',
      partnerId: partner.id,
      details: { reviewedOn: today, quarter, note },
    });
    return succeeded({ partner, reviewedOn: today, quarter, note });
  });
}
