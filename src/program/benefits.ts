import type { Benefit, Catalog } from './catalog.schema.js';
import { addDays, addMonths, type IsoDate } from './dates.js';
import { entryDate } from './tier-entries.js';
import { tierIndex } from './tiers.js';

export interface BenefitInForce {
  benefit: Benefit;
  status: 'active' | 'expired';
  /** For time-limited benefits: the last day it is available (the day before `expiresOn`). */
  lastDay?: IsoDate;
  /** For time-limited benefits: the first day it is no longer available. */
  expiresOn?: IsoDate;
}

/** A tier's benefits, cumulative (its own and every lower tier's), without the superseded ones. */
export function benefitsOfTier(catalog: Catalog, tierCode: string): Benefit[] {
  const top = tierIndex(catalog, tierCode);
  const held = catalog.benefits.filter((b) => tierIndex(catalog, b.tier) <= top);
  const superseded = new Set(held.flatMap((b) => (b.supersedes ? [b.supersedes] : [])));
  return held.filter((b) => !superseded.has(b.code));
}

/**
 * The benefits a partner holds today. A time-limited one (validForMonths) is available for that many
 * months from the day the partner entered the tier that lists it (its last day is the day before the same
 * date that many months later), then shown as expired.
 */
export function benefitsInForce(
  catalog: Catalog,
  input: { tier: string; entries: Record<string, IsoDate> },
  today: IsoDate,
): BenefitInForce[] {
  return benefitsOfTier(catalog, input.tier).map((benefit) => {
    if (benefit.validForMonths === undefined) return { benefit, status: 'active' };
    const expiresOn = addMonths(entryDate(input.entries, benefit.tier), benefit.validForMonths);
    const lastDay = addDays(expiresOn, -1);
    return { benefit, status: today <= lastDay ? 'active' : 'expired', lastDay, expiresOn };
  });
}

/**
 * What moving up from one tier to another adds. Moving down adds nothing, even the lower benefits a
 * higher one had superseded: those date from the partner's earlier entry into their tier.
 */
export function benefitsAddedBy(catalog: Catalog, fromTier: string, toTier: string): Benefit[] {
  if (tierIndex(catalog, toTier) <= tierIndex(catalog, fromTier)) return [];
  const before = new Set(benefitsOfTier(catalog, fromTier).map((b) => b.code));
  return benefitsOfTier(catalog, toTier).filter((b) => !before.has(b.code));
}
