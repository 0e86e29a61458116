import type { Catalog } from './catalog.schema.js';
import type { IsoDate } from './dates.js';
import { tierIndex } from './tiers.js';

export interface TierChange {
  effectiveOn: IsoDate;
  tier: string;
  /** The tier before this change, when known; only the earliest change's is used. */
  previousTier?: string | null;
}

/**
 * For each tier at or below the current one, the day since which the partner has continuously been at
 * or above it: "the day the partner entered the tier" that lists an obligation or a benefit.
 *
 * Before its first recorded change the partner is at that change's previousTier, else at the lowest tier
 * (PROGRAM.md: a new partner starts at the lowest tier; an imported tier is itself a recorded change).
 * Without any history the partner has held its current tier since it joined. `tier` is authoritative:
 * if the history ends below it (history out of date), the tiers above date from the last change.
 */
export function tierEntryDates(
  catalog: Catalog,
  input: { joinedOn: IsoDate; tier: string; history: TierChange[] },
): Record<string, IsoDate> {
  const currentIndex = tierIndex(catalog, input.tier);
  const changes = [...input.history].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  const first = changes[0];
  const timeline: { effectiveOn: IsoDate; index: number }[] = [];
  if (!first) timeline.push({ effectiveOn: input.joinedOn, index: currentIndex });
  else if (first.effectiveOn > input.joinedOn)
    timeline.push({
      effectiveOn: input.joinedOn,
      index: first.previousTier ? tierIndex(catalog, first.previousTier) : 0,
    });
  for (const change of changes)
    timeline.push({ effectiveOn: change.effectiveOn, index: tierIndex(catalog, change.tier) });

  const entries: Record<string, IsoDate> = {};
  for (let index = 0; index <= currentIndex; index++) {
    // Walk back from the present while the partner stayed at or above this tier.
    let since = timeline[timeline.length - 1]!.effectiveOn;
    for (let i = timeline.length - 1; i >= 0 && timeline[i]!.index >= index; i--)
      since = timeline[i]!.effectiveOn;
    entries[catalog.tiers[index]!.code] = since;
  }
  return entries;
}

/** The entry date of a tier, failing loudly when the caller did not compute it. */
export function entryDate(entries: Record<string, IsoDate>, tierCode: string): IsoDate {
  const date = entries[tierCode];
  if (!date) throw new Error(`no entry date for tier ${tierCode}`);
  return date;
}
