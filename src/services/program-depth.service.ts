import type { Db } from '../db/client.js';
import type { BenefitUseRow } from '../db/repositories/benefit-uses.repository.js';
import { createRepositories } from '../db/repositories/index.js';
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

const emptyFacts = (): ProgramDepthFacts => ({ plans: [], reviews: [], lines: [], uses: [] });

/** The first month whose revenue a quarter still shown (catalog.quarterlyDuties) may need. */
export function depthRevenueSince(catalog: Catalog, today: IsoDate): IsoDate {
  return addMonths(quarterContaining(today).start, -3 * catalog.quarterlyDuties.missedVisibleForQuarters);
}

/**
 * The depth facts of these partners (every partner's without ids), in a few queries. `revenue: false`:
 * without their revenue lines, for a caller that reads them with the partners' records (withRevenueLines).
 */
export async function loadProgramDepth(
  db: Db,
  catalog: Catalog,
  partnerIds: readonly string[] | undefined,
  today: IsoDate,
  options: { revenue?: boolean } = {},
): Promise<Map<string, ProgramDepthFacts>> {
  const repos = createRepositories(db);
  const [plans, reviews, lines, uses, fees] = await Promise.all([
    repos.salesObjectives.forPartners(partnerIds),
    repos.planReviews.forPartners(partnerIds),
    options.revenue === false
      ? []
      : repos.revenue.forPartnersSince(partnerIds, depthRevenueSince(catalog, today)),
    repos.benefitUses.forPartners(partnerIds),
    repos.operatorFees.forPartners(partnerIds),
  ]);
  const out = new Map<string, ProgramDepthFacts>();
  const of = (id: string) => {
    let facts = out.get(id);
    if (!facts) {
      facts = emptyFacts();
      out.set(id, facts);
    }
    return facts;
  };
  for (const id of partnerIds ?? []) of(id);
  for (const p of plans) of(p.partnerId).plans.push(planOf(p));
  for (const r of reviews) of(r.partnerId).reviews.push(r);
  for (const u of uses) of(u.partnerId).uses.push(u);
  for (const row of fees) of(row.partnerId).fees = row;
  for (const l of lines)
    of(l.partnerId).lines.push({ month: l.month, category: l.category, amountCents: l.amountCents });
  return out;
}

/** Depth facts read without revenue, with a partner's lines read apart (from depthRevenueSince or earlier). */
export function withRevenueLines(
  facts: ProgramDepthFacts | undefined,
  lines: readonly RevenueLine[],
  since: IsoDate,
): ProgramDepthFacts | undefined {
  return facts && { ...facts, lines: lines.filter((l) => l.month >= since) };
}

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
