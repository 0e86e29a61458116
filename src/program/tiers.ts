import type { Catalog, PartnershipType, RevenueCategory, Tier } from './catalog.schema.js';

export function tierIndex(catalog: Catalog, tierCode: string): number {
  const index = catalog.tiers.findIndex((t) => t.code === tierCode);
  if (index < 0) throw new Error(`unknown tier ${tierCode}`);
  return index;
}

export function tierByCode(catalog: Catalog, tierCode: string): Tier {
  return catalog.tiers[tierIndex(catalog, tierCode)]!;
}

/** The tier's lower bound, in cents of average monthly basis. */
export function thresholdCents(catalog: Catalog, tierCode: string, type: PartnershipType): number {
  return Math.round(tierByCode(catalog, tierCode).minMonthlyEur[type] * 100);
}

/** The highest tier whose threshold the average reaches (lower bound inclusive, upper exclusive). */
export function tierFor(catalog: Catalog, type: PartnershipType, averageCents: number): Tier {
  let found = catalog.tiers[0]!;
  for (const tier of catalog.tiers) {
    if (averageCents >= thresholdCents(catalog, tier.code, type)) found = tier;
  }
  return found;
}

/**
 * The highest tier a total over some months reaches, decided on the sum: total >= threshold x months.
 * Never on a rounded average (2 999,97 € over 6 months stays below 500 € a month).
 */
export function tierForTotal(
  catalog: Catalog,
  type: PartnershipType,
  totalCents: number,
  months: number,
): Tier {
  const m = Math.max(1, months);
  let found = catalog.tiers[0]!;
  for (const tier of catalog.tiers) {
    if (totalCents >= thresholdCents(catalog, tier.code, type) * m) found = tier;
  }
  return found;
}

export function nextTier(catalog: Catalog, tierCode: string): Tier | undefined {
  return catalog.tiers[tierIndex(catalog, tierCode) + 1];
}

export function previousTier(catalog: Catalog, tierCode: string): Tier | undefined {
  const index = tierIndex(catalog, tierCode);
  return index > 0 ? catalog.tiers[index - 1] : undefined;
}

/** The tiers a partner at tierCode holds cumulatively: its own and every lower one. */
export function tiersUpTo(catalog: Catalog, tierCode: string): Tier[] {
  return catalog.tiers.slice(0, tierIndex(catalog, tierCode) + 1);
}

export function basisCategories(catalog: Catalog, type: PartnershipType): RevenueCategory[] {
  const partnership = catalog.partnershipTypes.find((p) => p.code === type);
  if (!partnership) throw new Error(`unknown partnership type ${type}`);
  return partnership.basis.categories;
}

/** The revenue that counts toward the tier for this partnership type. */
export function basisCents(
  catalog: Catalog,
  type: PartnershipType,
  lines: { category: RevenueCategory; amountCents: number }[],
): number {
  const counted = new Set(basisCategories(catalog, type));
  return lines.reduce((sum, line) => (counted.has(line.category) ? sum + line.amountCents : sum), 0);
}

/**
 * Whole-cent average, rounded down: a threshold is a whole number of cents, so flooring never changes
 * which side of it the exact average falls on (4 999.995 € stays below 5 000 €).
 */
export function monthlyAverageCents(totalCents: number, months: number): number {
  return Math.floor(totalCents / Math.max(1, months));
}
