import type { Catalog, ZenRequirement } from './catalog.schema.js';
import { addMonths, type IsoDate } from './dates.js';

export interface ZenEligibility {
  eligible: boolean;
  met: ZenRequirement[];
  unmet: ZenRequirement[];
}

/** Experts Zen listing: every requirement must be met; the computed one comes from the tier. */
export function zenEligibility(
  catalog: Catalog,
  input: { tier: string; checklist: { item: string; completedOn?: IsoDate }[] },
  /** With a day, a certification done more than its validForMonths before it has lapsed (unmet). */
  today?: IsoDate,
): ZenEligibility {
  const lapses = new Map(
    catalog.expertsZen.requirements.flatMap((r) =>
      r.validForMonths ? [[r.code, r.validForMonths] as const] : [],
    ),
  );
  const done = new Set(
    input.checklist
      .filter((c) => {
        const months = lapses.get(c.item);
        return !today || !months || !c.completedOn || addMonths(c.completedOn, months) > today;
      })
      .map((c) => c.item),
  );
  const qualifies = catalog.expertsZen.qualifyingTiers.includes(input.tier);
  const met: ZenRequirement[] = [];
  const unmet: ZenRequirement[] = [];
  for (const requirement of catalog.expertsZen.requirements) {
    const ok = requirement.computed ? qualifies : done.has(requirement.code);
    (ok ? met : unmet).push(requirement);
  }
  return { eligible: unmet.length === 0, met, unmet };
}
