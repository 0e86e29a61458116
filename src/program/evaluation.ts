import type { Catalog, PartnershipType, RevenueCategory, Tier } from './catalog.schema.js';
import type { IsoDate } from './dates.js';
import { activeMonths, monthInSemester, type Semester } from './semesters.js';
import { basisCents, monthlyAverageCents, tierFor } from './tiers.js';

export interface SemesterResult {
  basisCents: number;
  activeMonths: number;
  averageCents: number;
  tier: Tier;
}

/** The tier a semester's revenue earns: basis over the window ÷ active months (a silent month counts 0). */
export function evaluateSemester(
  catalog: Catalog,
  input: {
    type: PartnershipType;
    joinedOn: IsoDate;
    lines: { month: IsoDate; category: RevenueCategory; amountCents: number }[];
  },
  semester: Semester,
): SemesterResult {
  const basis = basisCents(
    catalog,
    input.type,
    input.lines.filter((l) => monthInSemester(semester, l.month)),
  );
  const months = activeMonths(semester, input.joinedOn);
  const averageCents = monthlyAverageCents(basis, months);
  return {
    basisCents: basis,
    activeMonths: months,
    averageCents,
    tier: tierFor(catalog, input.type, averageCents),
  };
}
