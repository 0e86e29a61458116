import type { BenefitInForce } from './benefits.js';
import type { Catalog } from './catalog.schema.js';
import { addMonths, type IsoDate, maxDate, monthOf } from './dates.js';
import { entryDate } from './tier-entries.js';

/**
 * Benefits used, not just listed (issue 14): BizBooster once per tier entry, the Premium free training
 * seat once per calendar year, the Premium technical review once a month. A use is recorded for a period:
 * the day the partner entered the tier (BizBooster), the year, the month (YYYY-MM).
 */

export const FREE_TRAINING = 'free-training';
export const TECH_REVIEW = 'monthly-tech-review';

export interface BenefitUse {
  benefit: string;
  period: string;
  usedOn: IsoDate;
  reference: string;
  contactId: number | null;
}

/** Whether a catalog benefit is a BizBooster promotion: time-limited, used once per tier entry. */
export const isBizBooster = (b: { validForMonths?: number | undefined }) => b.validForMonths !== undefined;

export type BizBoosterState =
  | { state: 'available'; until: IsoDate; period: IsoDate }
  | { state: 'used'; use: BenefitUse; period: IsoDate }
  | { state: 'expired'; expiredOn: IsoDate; period: IsoDate };

/** A BizBooster in force: used during this tier entry, else available until its last day, else expired. */
export function bizBoosterState(
  held: BenefitInForce,
  entries: Record<string, IsoDate>,
  uses: readonly BenefitUse[],
): BizBoosterState {
  const period = entryDate(entries, held.benefit.tier);
  const use = uses.find((u) => u.benefit === held.benefit.code && u.period === period);
  if (use) return { state: 'used', use, period };
  return held.status === 'active'
    ? { state: 'available', until: held.lastDay!, period }
    : { state: 'expired', expiredOn: held.expiresOn!, period };
}

export type YearlySeatState =
  | { state: 'available'; year: string }
  | { state: 'used'; year: string; use: BenefitUse };

/** "Formation gratuite pour 1 personne par an": one seat per calendar year. */
export function freeTrainingState(uses: readonly BenefitUse[], today: IsoDate): YearlySeatState {
  const year = today.slice(0, 4);
  const use = uses.find((u) => u.benefit === FREE_TRAINING && u.period === year);
  return use ? { state: 'used', year, use } : { state: 'available', year };
}

export interface MonthReview {
  /** YYYY-MM. */
  month: string;
  /** done: a review recorded; missed: the month ended without one; due: the current month, none yet. */
  state: 'done' | 'missed' | 'due';
  use?: BenefitUse;
}

/**
 * "Point technique mensuel": each month from the later of the month the partner entered the tier that
 * gives it and the program's start, up to the current month, the last catalog.benefitUses
 * .techReviewVisibleMonths of them, oldest first. A month that ended without a review is missed.
 */
export function monthlyReviews(
  catalog: Catalog,
  input: { tier: string; entries: Record<string, IsoDate>; uses: readonly BenefitUse[] },
  today: IsoDate,
): MonthReview[] {
  const current = monthOf(today);
  const from = monthOf(maxDate(entryDate(input.entries, input.tier), catalog.programStart));
  const out: MonthReview[] = [];
  for (let i = catalog.benefitUses.techReviewVisibleMonths - 1; i >= 0; i--) {
    const month = addMonths(current, -i);
    if (month < from) continue;
    const period = month.slice(0, 7);
    const use = input.uses.find((u) => u.benefit === TECH_REVIEW && u.period === period);
    out.push({
      month: period,
      state: use ? 'done' : month < current ? 'missed' : 'due',
      ...(use ? { use } : {}),
    });
  }
  return out;
}

export interface BenefitUsesState {
  bizBoosters: { held: BenefitInForce; state: BizBoosterState }[];
  /** Set when the tier gives the free training seat. */
  freeTraining?: YearlySeatState;
  /** Set when the tier gives the monthly technical review. */
  techReviews?: MonthReview[];
}

/** What the partner has used of the benefits it holds today. */
export function benefitUsesState(
  catalog: Catalog,
  input: {
    benefits: readonly BenefitInForce[];
    entries: Record<string, IsoDate>;
    uses: readonly BenefitUse[];
  },
  today: IsoDate,
): BenefitUsesState {
  const holds = (code: string) => input.benefits.find((b) => b.benefit.code === code);
  const techReview = holds(TECH_REVIEW);
  return {
    bizBoosters: input.benefits
      .filter((b) => isBizBooster(b.benefit))
      .map((held) => ({ held, state: bizBoosterState(held, input.entries, input.uses) })),
    ...(holds(FREE_TRAINING) ? { freeTraining: freeTrainingState(input.uses, today) } : {}),
    ...(techReview
      ? {
          techReviews: monthlyReviews(
            catalog,
            { tier: techReview.benefit.tier, entries: input.entries, uses: input.uses },
            today,
          ),
        }
      : {}),
  };
}
