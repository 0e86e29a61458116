import type { BenefitUseRow } from '../db/repositories/benefit-uses.repository.js';
import type { OperatorFeesRow } from '../db/repositories/operator-fees.repository.js';
import type { PartnerDepthRows, PartnerRow } from '../db/repositories/partners.repository.js';
import type { PlanReviewRow } from '../db/repositories/plan-reviews.repository.js';
import type { SalesObjectiveRow } from '../db/repositories/sales-objectives.repository.js';
import { type BenefitUsesState, benefitUsesState } from '../program/benefit-uses.js';
import type { BenefitInForce } from '../program/benefits.js';
import type { Catalog } from '../program/catalog.schema.js';
import { addMonths, type IsoDate } from '../program/dates.js';
import {
  currentAndLastQuarter,
  type QuarterPlan,
  type QuarterSales,
  quarterCode,
  quarterSales,
  type RevenueLine,
  salesDutyCompletions,
} from '../program/objectives.js';
import { quarterContaining } from '../program/obligations.js';

/**
 * What the program's depth (issue 14) records about a partner beyond its PartnerRecord: objectives and
 * forecasts, plan reviews, and revenue far enough back to judge every quarter still shown.
 */
export interface ProgramDepthFacts {
  plans: QuarterPlan[];
  reviews: PlanReviewRow[];
  lines: RevenueLine[];
  /** Benefits used, latest first. */
  uses: BenefitUseRow[];
  /** An operator's fees on record. */
  fees?: OperatorFeesRow;
}

export interface ProgramDepth {
  /** The current quarter, then the last one. */
  sales: [QuarterSales, QuarterSales];
  lastReview: PlanReviewRow | undefined;
  /** What the records complete of the quarterly duties, as checklist entries (program/objectives.ts). */
  completions: { item: string; completedOn: IsoDate }[];
  /** BizBooster, the free training seat, the monthly technical reviews. */
  benefitUses: BenefitUsesState;
  /** Every use recorded, latest first (history). */
  uses: BenefitUseRow[];
  fees: OperatorFeesRow | undefined;
}

/** The first month whose revenue a quarter still shown (catalog.quarterlyDuties) may need. */
export function depthRevenueSince(catalog: Catalog, today: IsoDate): IsoDate {
  return addMonths(quarterContaining(today).start, -3 * catalog.quarterlyDuties.missedVisibleForQuarters);
}

const emptyFacts = (): ProgramDepthFacts => ({ plans: [], reviews: [], lines: [], uses: [] });

const planOf = (p: SalesObjectiveRow): QuarterPlan => ({
  quarter: p.quarter,
  objectiveCents: p.objectiveCents,
  forecastCents: p.forecastCents,
  forecastOn: p.forecastOn,
});

/** One partner's depth facts from its rows as the partner's record reads them (recordWithDepth). */
export function depthFactsOf(rows: PartnerDepthRows): ProgramDepthFacts {
  return {
    plans: rows.plans.map(planOf),
    reviews: rows.reviews,
    lines: rows.lines,
    uses: rows.uses,
    ...(rows.fees ? { fees: rows.fees } : {}),
  };
}

/** Where the partner stands on its objectives, forecasts and plan reviews today. */
export function programDepth(
  catalog: Catalog,
  partner: Pick<PartnerRow, 'type'> & {
    entries: Record<string, IsoDate>;
    benefits: readonly BenefitInForce[];
  },
  facts: ProgramDepthFacts | undefined,
  today: IsoDate,
): ProgramDepth {
  const f = facts ?? emptyFacts();
  const [current, last] = currentAndLastQuarter(today);
  const sales = (q: typeof current) =>
    quarterSales(
      catalog,
      { type: partner.type, plan: f.plans.find((p) => p.quarter === quarterCode(q)), lines: f.lines },
      q,
      today,
    );
  return {
    sales: [sales(current), sales(last)],
    lastReview: f.reviews.find((r) => r.reviewedOn <= today),
    completions: salesDutyCompletions(
      catalog,
      { type: partner.type, plans: f.plans, reviews: f.reviews.map((r) => r.reviewedOn), lines: f.lines },
      today,
    ),
    benefitUses: benefitUsesState(
      catalog,
      { benefits: partner.benefits, entries: partner.entries, uses: f.uses },
      today,
    ),
    uses: f.uses,
    fees: f.fees,
  };
}
