import type { Catalog, PartnershipType, RevenueCategory, Tier } from './catalog.schema.js';
import type { IsoDate } from './dates.js';
import { monthOf } from './dates.js';
import { activeMonths, firstCountedMonth, monthInSemester, type Semester, wholeMonths } from './semesters.js';
import { basisCents, monthlyAverageCents, tierByCode, tierForTotal } from './tiers.js';

export interface SemesterResult {
  basisCents: number;
  activeMonths: number;
  /** Whole calendar months of the window the partner was one (minimum_months is checked on these). */
  wholeMonths: number;
  /** Rounded down to the cent: what is recorded and shown, never what decides the tier. */
  averageCents: number;
  /** Decided on the sum: basis >= threshold x active months. */
  tier: Tier;
}

type RevenueLine = { month: IsoDate; category: RevenueCategory; amountCents: number };

/**
 * The tier a semester's revenue earns: basis over the window ÷ active months (a silent month counts 0).
 * Revenue of months before the month the partner joined never counts; the tier is decided on the sum.
 */
export function evaluateSemester(
  catalog: Catalog,
  input: { type: PartnershipType; joinedOn: IsoDate; lines: RevenueLine[] },
  semester: Semester,
): SemesterResult {
  const from = firstCountedMonth(semester, input.joinedOn);
  const basis = basisCents(
    catalog,
    input.type,
    input.lines.filter((l) => monthInSemester(semester, l.month) && monthOf(l.month) >= from),
  );
  const months = activeMonths(semester, input.joinedOn);
  return {
    basisCents: basis,
    activeMonths: months,
    wholeMonths: wholeMonths(semester, input.joinedOn),
    averageCents: monthlyAverageCents(basis, months),
    tier: tierForTotal(catalog, input.type, basis, months),
  };
}

/** What an evaluation row did (tier_history.outcome). */
export type EvaluationOutcome = 'applied' | 'pending' | 'not-evaluated' | 'override-stands';

export interface PartnerEvaluation extends SemesterResult {
  outcome: EvaluationOutcome;
  /** The tier the row records: the partner's from the evaluation date (pending: the computed one, waiting). */
  recordedTier: string;
  /** The tier the semester computed; null when the partner was too recent to judge. */
  computedTier: string | null;
  /** The partner's tier once the evaluation is recorded (pending and not-evaluated: unchanged). */
  tierAfter: string;
}

/**
 * One partner's semester evaluation, as the set-based statement records it (evaluation.repository.ts):
 * - left the program on or before the evaluation date: not evaluated at all (undefined, no row);
 * - a partner for fewer than `minimumMonths` whole calendar months of the window: 'not-evaluated', keeps its tier;
 * - an override effective on or after the evaluation date (a late run), other than one of this semester's
 *   approval: 'override-stands', keeps the overridden tier, the computed tier beside it;
 * - with approval on and a tier change: 'pending', the partner keeps its tier until an admin approves;
 * - else 'applied': the partner has the computed tier from the evaluation date.
 */
export function evaluatePartner(
  catalog: Catalog,
  input: {
    type: PartnershipType;
    joinedOn: IsoDate;
    leftOn?: IsoDate | null;
    tier: string;
    lines: RevenueLine[];
    overrides?: { effectiveOn: IsoDate; semester?: string | null }[];
  },
  semester: Semester,
  options: { approval: boolean } = { approval: false },
): PartnerEvaluation | undefined {
  if (input.joinedOn >= semester.evaluationOn) return undefined;
  if (input.leftOn && input.leftOn <= semester.evaluationOn) return undefined;
  const result = evaluateSemester(catalog, input, semester);
  const current = tierByCode(catalog, input.tier).code;
  const kept = (outcome: EvaluationOutcome, computedTier: string | null): PartnerEvaluation => ({
    ...result,
    outcome,
    recordedTier: current,
    computedTier,
    tierAfter: current,
  });
  if (result.wholeMonths < catalog.evaluation.minimumMonths) return kept('not-evaluated', null);
  if (
    (input.overrides ?? []).some(
      (o) => o.effectiveOn >= semester.evaluationOn && o.semester !== semester.code,
    )
  )
    return kept('override-stands', result.tier.code);
  const computed = result.tier.code;
  if (options.approval && computed !== current)
    return {
      ...result,
      outcome: 'pending',
      recordedTier: computed,
      computedTier: computed,
      tierAfter: current,
    };
  return {
    ...result,
    outcome: 'applied',
    recordedTier: computed,
    computedTier: computed,
    tierAfter: computed,
  };
}
