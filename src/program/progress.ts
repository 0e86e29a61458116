import type { Catalog, PartnershipType, RevenueCategory, Tier } from './catalog.schema.js';
import { addMonths, daysBetween, type IsoDate, maxDate, monthOf, monthsInclusive } from './dates.js';
import { nextEvaluationOn, type Semester, semesterContaining } from './semesters.js';
import {
  basisCents,
  monthlyAverageCents,
  nextTier as nextTierOf,
  thresholdCents,
  tierByCode,
  tierForTotal,
  tierIndex,
} from './tiers.js';

export interface SemesterProgress {
  semester: Semester;
  monthsCounted: number;
  /** null until a month is counted. */
  averageSoFarCents: number | null;
  /**
   * Each month counted, in order, with its basis revenue: what the average is made of. `recorded` is false
   * for a month nothing was recorded for, which counts as 0.
   */
  months: { month: IsoDate; basisCents: number; recorded: boolean }[];
  /** The tier the average so far would give. */
  projectedTier: Tier | null;
  /** The tier above the current one. */
  nextTier: Tier | undefined;
  /** What the average still lacks to reach nextTier (0 when reached); null at the top tier. */
  missingForNextCents: number | null;
  /** Set when the average so far would put the partner below its current tier. */
  demotion: { toTier: Tier; missingToKeepCents: number } | null;
  nextEvaluationOn: IsoDate;
  daysLeft: number;
}

/**
 * Where the partner stands in the current semester.
 *
 * Months counted (decision, PROGRAM.md is silent): the complete months from the later of the window's
 * first month and the join month up to the month before today, plus today's month once any revenue is
 * recorded for it. Revenue of months before the join month is left out. Revenue is imported month by month, so an unfinished month without data would only
 * drag the average down; once its figures are in, they count.
 */
export function semesterProgress(
  catalog: Catalog,
  input: {
    type: PartnershipType;
    tier: string;
    joinedOn: IsoDate;
    /** Revenue of the current semester. */
    lines: { month: IsoDate; category: RevenueCategory; amountCents: number }[];
  },
  today: IsoDate,
): SemesterProgress {
  const semester = semesterContaining(catalog, today);
  const currentMonth = monthOf(today);
  const start = maxDate(semester.firstMonth, monthOf(input.joinedOn));
  const todayRecorded = input.lines.some((l) => monthOf(l.month) === currentMonth);
  const lastCounted = todayRecorded ? currentMonth : addMonths(currentMonth, -1);
  const end = [lastCounted, semester.lastMonth].sort()[0]!;
  const monthsCounted = Math.max(0, monthsInclusive(start, end));

  // Revenue of months before the join month never counts (billing history may predate the contract).
  const counted = input.lines.filter((l) => {
    const month = monthOf(l.month);
    return month >= start && month <= end;
  });
  const totalCents = basisCents(catalog, input.type, counted);
  const months = Array.from({ length: monthsCounted }, (_, i) => {
    const month = addMonths(start, i);
    const own = counted.filter((l) => monthOf(l.month) === month);
    return { month, basisCents: basisCents(catalog, input.type, own), recorded: own.length > 0 };
  });
  const averageSoFarCents = monthsCounted > 0 ? monthlyAverageCents(totalCents, monthsCounted) : null;
  // Decided on the sum, like the evaluation: never on the rounded average.
  const projectedTier =
    monthsCounted > 0 ? tierForTotal(catalog, input.type, totalCents, monthsCounted) : null;

  const current = tierByCode(catalog, input.tier);
  const next = nextTierOf(catalog, current.code);
  const missingForNextCents = next
    ? Math.max(0, thresholdCents(catalog, next.code, input.type) - (averageSoFarCents ?? 0))
    : null;
  const demotion =
    projectedTier &&
    averageSoFarCents !== null &&
    tierIndex(catalog, projectedTier.code) < tierIndex(catalog, current.code)
      ? {
          toTier: projectedTier,
          missingToKeepCents: thresholdCents(catalog, current.code, input.type) - averageSoFarCents,
        }
      : null;

  const evaluationOn = nextEvaluationOn(catalog, today);
  return {
    semester,
    monthsCounted,
    averageSoFarCents,
    months,
    projectedTier,
    nextTier: next,
    missingForNextCents,
    demotion,
    nextEvaluationOn: evaluationOn,
    daysLeft: daysBetween(today, evaluationOn),
  };
}

/**
 * The tier a partner not at risk is within reach of (the Monday digest's promotions): it has a month
 * counted and its average so far lacks at most catalog.digest.promotionReach of the next tier's threshold,
 * or already reaches it. Undefined otherwise (at the top tier, at risk, nothing counted, too far).
 */
export function promotionWithinReach(
  catalog: Catalog,
  type: PartnershipType,
  progress: SemesterProgress,
): Tier | undefined {
  if (progress.demotion || !progress.nextTier) return undefined;
  if (progress.averageSoFarCents === null || progress.missingForNextCents === null) return undefined;
  const threshold = thresholdCents(catalog, progress.nextTier.code, type);
  return progress.missingForNextCents === 0 ||
    progress.missingForNextCents <= threshold * catalog.digest.promotionReach
    ? progress.nextTier
    : undefined;
}
